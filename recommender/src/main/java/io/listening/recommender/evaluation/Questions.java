package io.listening.recommender.evaluation;

import io.listening.recommender.ranking.GoldEvidence;
import io.listening.recommender.ranking.LoadedGoldEvidence;
import io.listening.recommender.ranking.ListenerProfile;
import io.listening.recommender.ranking.SeedEvidence;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The questions of one held-out period, with the evidence a live API would have read for each
 * from the training warehouse (read once, so every ranker and every weight setting answers the
 * same questions).
 */
final class Questions {

  /** Tracks of the session before the seed that a question passes as context. */
  static final int MAX_RECENT = 5;

  /** For the pair a -> b of a held-out session: the seed a with the session so far, and b. */
  record NextTrack(String userId, SeedEvidence evidence, String actual) {}

  /** A held-out session's first track as seed; the listener's later plays of the period. */
  record Discovery(String userId, SeedEvidence evidence, Set<String> playedLater) {}

  final List<NextTrack> nextTrack;
  final List<Discovery> discovery;
  final Map<String, ListenerProfile> profiles;
  final long catalogSize;

  private Questions(
      List<NextTrack> nextTrack,
      List<Discovery> discovery,
      Map<String, ListenerProfile> profiles,
      long catalogSize) {
    this.nextTrack = nextTrack;
    this.discovery = discovery;
    this.profiles = profiles;
    this.catalogSize = catalogSize;
  }

  static Questions read(Connection training, HeldOutPlays plays) throws SQLException {
    GoldEvidence reader = LoadedGoldEvidence.load(training);
    Map<String, String> artists = new HashMap<>();
    List<NextTrack> nextTrack = new ArrayList<>();
    List<Discovery> discovery = new ArrayList<>();
    Map<String, ListenerProfile> profiles = new HashMap<>();
    for (String userId : plays.users()) {
      profiles.put(userId, reader.profile(userId));
      Set<String> playedLater = plays.tracks(userId);
      for (HeldOutSession session : plays.sessions(userId)) {
        List<String> tracks = session.trackIds();
        String first = tracks.get(0);
        discovery.add(
            new Discovery(
                userId,
                reader.read(first, artist(reader, artists, first), userId, List.of()),
                playedLater));
        for (int i = 1; i < tracks.size(); i++) {
          String seed = tracks.get(i - 1);
          String actual = tracks.get(i);
          if (seed.equals(actual)) {
            continue;
          }
          nextTrack.add(
              new NextTrack(
                  userId,
                  reader.read(seed, artist(reader, artists, seed), userId, recent(tracks, i - 1)),
                  actual));
        }
      }
    }
    return new Questions(nextTrack, discovery, profiles, catalogSize(training));
  }

  /** The distinct tracks before position {@code seed} of the session, the latest first. */
  static List<String> recent(List<String> tracks, int seed) {
    Set<String> recent = new LinkedHashSet<>();
    for (int i = seed - 1; i >= 0 && recent.size() < MAX_RECENT; i--) {
      if (!tracks.get(i).equals(tracks.get(seed))) {
        recent.add(tracks.get(i));
      }
    }
    return List.copyOf(recent);
  }

  private static String artist(GoldEvidence reader, Map<String, String> artists, String trackId)
      throws SQLException {
    if (!artists.containsKey(trackId)) {
      artists.put(trackId, reader.seedArtist(trackId).orElse(null));
    }
    return artists.get(trackId);
  }

  private static long catalogSize(Connection training) throws SQLException {
    try (Statement statement = training.createStatement();
        ResultSet row = statement.executeQuery("select count(*) from gold.artist_top_tracks")) {
      row.next();
      return row.getLong(1);
    }
  }
}
