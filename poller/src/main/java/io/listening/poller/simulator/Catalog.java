package io.listening.poller.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The simulated catalogue: tracks split into genre clusters, each cluster with its own artists and a
 * Zipf-like popularity curve, and every track with a short list of related tracks from its cluster.
 * Those related pairs are the planted co-occurrence a recommender should recover.
 */
final class Catalog {

  static final int RELATED_PER_TRACK = 5;
  private static final double ZIPF_EXPONENT = 1.07;
  private static final int TRACKS_PER_ALBUM = 10;

  private final Track[] tracks;
  private final int[][] tracksByGenre;
  private final double[][] cumulativePopularityByGenre;

  private Catalog(Track[] tracks, int[][] tracksByGenre, double[][] cumulativePopularityByGenre) {
    this.tracks = tracks;
    this.tracksByGenre = tracksByGenre;
    this.cumulativePopularityByGenre = cumulativePopularityByGenre;
  }

  static Catalog generate(SimulatorConfig config, SplittableRandom random) {
    int genres = config.genres();
    List<List<Integer>> members = new ArrayList<>();
    for (int g = 0; g < genres; g++) {
      members.add(new ArrayList<>());
    }
    int[] trackGenre = new int[config.tracks()];
    for (int i = 0; i < config.tracks(); i++) {
      trackGenre[i] = i % genres;
      members.get(i % genres).add(i);
    }

    Track[] tracks = new Track[config.tracks()];
    int[][] byGenre = new int[genres][];
    double[][] cumulative = new double[genres][];
    for (int g = 0; g < genres; g++) {
      List<Integer> genreTracks = members.get(g);
      byGenre[g] = genreTracks.stream().mapToInt(Integer::intValue).toArray();
      cumulative[g] = zipfCumulative(byGenre[g].length);
      String artist = null;
      String album = null;
      for (int rank = 0; rank < byGenre[g].length; rank++) {
        if (rank % TRACKS_PER_ALBUM == 0) {
          artist = rank % (TRACKS_PER_ALBUM * 3) == 0 || artist == null ? Names.artist(random) : artist;
          album = Names.title(random);
        }
        int index = byGenre[g][rank];
        long durationMs = 120_000 + random.nextInt(240_000);
        tracks[index] =
            new Track(
                index,
                Names.spotifyId(random),
                Names.title(random),
                artist,
                album,
                g,
                durationMs,
                related(byGenre[g], rank, random));
      }
    }
    return new Catalog(tracks, byGenre, cumulative);
  }

  Track track(int index) {
    return tracks[index];
  }

  int size() {
    return tracks.length;
  }

  /** A track of the genre, popular ones far more often than the long tail. */
  Track popularInGenre(int genre, SplittableRandom random) {
    double[] cumulative = cumulativePopularityByGenre[genre];
    double draw = random.nextDouble() * cumulative[cumulative.length - 1];
    int low = 0;
    int high = cumulative.length - 1;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (cumulative[mid] < draw) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return tracks[tracksByGenre[genre][low]];
  }

  private static double[] zipfCumulative(int n) {
    double[] cumulative = new double[n];
    double sum = 0;
    for (int rank = 0; rank < n; rank++) {
      sum += 1.0 / Math.pow(rank + 1, ZIPF_EXPONENT);
      cumulative[rank] = sum;
    }
    return cumulative;
  }

  private static int[] related(int[] genreTracks, int rank, SplittableRandom random) {
    int count = Math.min(RELATED_PER_TRACK, genreTracks.length - 1);
    int[] related = new int[count];
    for (int i = 0; i < count; i++) {
      int other;
      do {
        other = genreTracks[random.nextInt(genreTracks.length)];
      } while (other == genreTracks[rank] || contains(related, i, other));
      related[i] = other;
    }
    return related;
  }

  private static boolean contains(int[] values, int length, int value) {
    for (int i = 0; i < length; i++) {
      if (values[i] == value) {
        return true;
      }
    }
    return false;
  }
}
