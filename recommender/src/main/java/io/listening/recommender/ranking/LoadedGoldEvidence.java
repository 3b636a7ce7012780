package io.listening.recommender.ranking;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The gold recommendation models of one build held in memory, answering exactly what {@link
 * GoldEvidenceReader} answers (same filters, orders and limits; {@code LoadedGoldEvidenceTest}
 * compares them). The evaluation asks tens of thousands of questions of a training warehouse,
 * and a statement per question and relation would take longer than the whole build.
 */
public final class LoadedGoldEvidence implements GoldEvidence {

  private static final Comparator<Neighbour> STRONGEST_FIRST =
      Comparator.comparingDouble(Neighbour::score).reversed().thenComparing(Neighbour::trackId);

  private final Map<String, String> artistOf = new HashMap<>();
  private final Map<String, List<Neighbour>> artistTop = new HashMap<>();
  private final List<Neighbour> overallTop = new ArrayList<>();
  private final Map<String, Map<String, List<Neighbour>>> userFollowers = new HashMap<>();
  private final Map<String, Map<String, List<Neighbour>>> userRecentFollowers = new HashMap<>();
  private final Map<String, Map<String, List<Neighbour>>> userReplayFollowers = new HashMap<>();
  /** By user, then seed, then the track played just before the seed. */
  private final Map<String, Map<String, Map<String, List<Neighbour>>>> userSequenceFollowers =
      new HashMap<>();
  private final Map<String, Map<String, List<Neighbour>>> userNeighbours = new HashMap<>();
  private final Map<String, List<Neighbour>> everyoneFollowers = new HashMap<>();
  private final Map<String, List<Neighbour>> coOccurrence = new HashMap<>();
  private final Map<String, Map<String, List<Neighbour>>> sessionCoOccurrence = new HashMap<>();
  private final Map<String, List<KnownTrack>> profileTracks = new HashMap<>();
  private final Map<String, Map<String, Double>> profileArtists = new HashMap<>();

  private LoadedGoldEvidence() {}

  /** Reads every recommendation table of the warehouse on {@code connection}. */
  public static LoadedGoldEvidence load(Connection connection) throws SQLException {
    LoadedGoldEvidence gold = new LoadedGoldEvidence();
    Map<String, String> strings = new HashMap<>();
    try (Statement statement = connection.createStatement()) {
      try (ResultSet row =
          statement.executeQuery(
              "select track_id, artist_key, plays, artist_rank, overall_rank from gold.artist_top_tracks"
                  + " order by overall_rank")) {
        while (row.next()) {
          String track = intern(strings, row.getString(1));
          String artist = intern(strings, row.getString(2));
          gold.artistOf.put(track, artist);
          Neighbour neighbour = new Neighbour(track, artist, row.getLong(3));
          if (row.getLong(4) <= ARTIST_TRACKS) {
            gold.artistTop.computeIfAbsent(artist, a -> new ArrayList<>()).add(neighbour);
          }
          if (row.getLong(5) <= POPULAR_TRACKS) {
            gold.overallTop.add(neighbour);
          }
        }
      }
      // Within an artist, overall_rank orders like artist_rank (the same keys).
      try (ResultSet row =
          statement.executeQuery(
              "select user_id, track_id, next_track_id, probability, recent_probability,"
                  + " replay_probability from gold.user_track_transitions")) {
        while (row.next()) {
          String user = intern(strings, row.getString(1));
          String track = intern(strings, row.getString(2));
          gold.userFollowers
              .computeIfAbsent(user, u -> new HashMap<>())
              .computeIfAbsent(track, t -> new ArrayList<>())
              .add(gold.neighbour(strings, row.getString(3), row.getDouble(4)));
          gold.userRecentFollowers
              .computeIfAbsent(user, u -> new HashMap<>())
              .computeIfAbsent(track, t -> new ArrayList<>())
              .add(gold.neighbour(strings, row.getString(3), row.getDouble(5)));
          if (row.getDouble(6) > 0) {
            gold.userReplayFollowers
                .computeIfAbsent(user, u -> new HashMap<>())
                .computeIfAbsent(track, t -> new ArrayList<>())
                .add(gold.neighbour(strings, row.getString(3), row.getDouble(6)));
          }
        }
      }
      try (ResultSet row =
          statement.executeQuery(
              "select user_id, track_id, previous_track_id, next_track_id, probability"
                  + " from gold.user_sequence_transitions")) {
        while (row.next()) {
          gold.userSequenceFollowers
              .computeIfAbsent(intern(strings, row.getString(1)), u -> new HashMap<>())
              .computeIfAbsent(intern(strings, row.getString(2)), t -> new HashMap<>())
              .computeIfAbsent(intern(strings, row.getString(3)), p -> new ArrayList<>())
              .add(gold.neighbour(strings, row.getString(4), row.getDouble(5)));
        }
      }
      try (ResultSet row =
          statement.executeQuery(
              "select user_id, track_id, related_track_id, share from gold.user_track_neighbours")) {
        while (row.next()) {
          gold.userNeighbours
              .computeIfAbsent(intern(strings, row.getString(1)), u -> new HashMap<>())
              .computeIfAbsent(intern(strings, row.getString(2)), t -> new ArrayList<>())
              .add(gold.neighbour(strings, row.getString(3), row.getDouble(4)));
        }
      }
      try (ResultSet row =
          statement.executeQuery("select track_id, next_track_id, probability from gold.track_transitions")) {
        while (row.next()) {
          gold.everyoneFollowers
              .computeIfAbsent(intern(strings, row.getString(1)), t -> new ArrayList<>())
              .add(gold.neighbour(strings, row.getString(2), row.getDouble(3)));
        }
      }
      try (ResultSet row =
          statement.executeQuery(
              "select track_id, related_track_id, score from gold.track_co_occurrence"
                  + " order by track_id, score desc, co_occurrences desc, related_track_id")) {
        while (row.next()) {
          List<Neighbour> list =
              gold.coOccurrence.computeIfAbsent(intern(strings, row.getString(1)), t -> new ArrayList<>());
          if (list.size() < FOLLOWERS_PER_TRACK) {
            list.add(gold.neighbour(strings, row.getString(2), row.getDouble(3)));
          }
        }
      }
      try (ResultSet row =
          statement.executeQuery(
              "select user_id, track_id, related_track_id, share from gold.user_session_co_occurrence")) {
        while (row.next()) {
          gold.sessionCoOccurrence
              .computeIfAbsent(intern(strings, row.getString(1)), u -> new HashMap<>())
              .computeIfAbsent(intern(strings, row.getString(2)), t -> new ArrayList<>())
              .add(gold.neighbour(strings, row.getString(3), row.getDouble(4)));
        }
      }
      try (ResultSet row =
          statement.executeQuery(
              "select user_id, track_id, artist_key, plays, familiarity from gold.user_track_recency")) {
        while (row.next()) {
          gold.profileTracks
              .computeIfAbsent(intern(strings, row.getString(1)), u -> new ArrayList<>())
              .add(
                  new KnownTrack(
                      intern(strings, row.getString(2)),
                      intern(strings, row.getString(3)),
                      row.getLong(4),
                      row.getDouble(5)));
        }
      }
      try (ResultSet row =
          statement.executeQuery("select user_id, artist_key, scaled_affinity from gold.user_artist_preference")) {
        while (row.next()) {
          gold.profileArtists
              .computeIfAbsent(intern(strings, row.getString(1)), u -> new HashMap<>())
              .put(intern(strings, row.getString(2)), row.getDouble(3));
        }
      }
    }
    gold.userFollowers.values().forEach(LoadedGoldEvidence::keepStrongest);
    gold.userRecentFollowers.values().forEach(LoadedGoldEvidence::keepStrongest);
    gold.userReplayFollowers.values().forEach(LoadedGoldEvidence::keepStrongest);
    gold.userNeighbours.values().forEach(LoadedGoldEvidence::keepStrongest);
    gold.userSequenceFollowers.values().forEach(bySeed -> bySeed.values().forEach(LoadedGoldEvidence::keepStrongest));
    keepStrongest(gold.everyoneFollowers);
    gold.sessionCoOccurrence.values().forEach(byTrack -> byTrack.values().forEach(list -> list.sort(STRONGEST_FIRST)));
    return gold;
  }

  @Override
  public Optional<String> seedArtist(String trackId) {
    if (!artistOf.containsKey(trackId)) {
      return Optional.empty();
    }
    String artist = artistOf.get(trackId);
    return Optional.of(artist == null ? "" : artist);
  }

  @Override
  public ListenerProfile profile(String userId) {
    return ListenerProfile.of(
        userId,
        profileTracks.getOrDefault(userId, List.of()),
        profileArtists.getOrDefault(userId, Map.of()));
  }

  @Override
  public SeedEvidence read(String seedTrackId, String seedArtistKey, String userId, List<String> recent) {
    List<String> sources = new ArrayList<>();
    sources.add(seedTrackId);
    recent.stream().filter(id -> !sources.contains(id)).forEach(sources::add);
    Map<String, List<Neighbour>> user = new LinkedHashMap<>();
    Map<String, List<Neighbour>> near = new LinkedHashMap<>();
    Map<String, List<Neighbour>> everyone = new LinkedHashMap<>();
    Map<String, List<Neighbour>> own = userId == null ? Map.of() : userFollowers.getOrDefault(userId, Map.of());
    Map<String, List<Neighbour>> ownNear =
        userId == null ? Map.of() : userNeighbours.getOrDefault(userId, Map.of());
    for (String source : sources.stream().sorted().toList()) {
      if (own.containsKey(source)) {
        user.put(source, own.get(source));
      }
      if (ownNear.containsKey(source)) {
        near.put(source, ownNear.get(source));
      }
      if (everyoneFollowers.containsKey(source)) {
        everyone.put(source, everyoneFollowers.get(source));
      }
    }
    List<Neighbour> session =
        userId == null
            ? List.of()
            : sessionCoOccurrence.getOrDefault(userId, Map.of()).getOrDefault(seedTrackId, List.of());
    List<Neighbour> recentFollowers =
        userId == null
            ? List.of()
            : userRecentFollowers.getOrDefault(userId, Map.of()).getOrDefault(seedTrackId, List.of());
    List<Neighbour> sequenceFollowers =
        userId == null || recent.isEmpty()
            ? List.of()
            : userSequenceFollowers
                .getOrDefault(userId, Map.of())
                .getOrDefault(seedTrackId, Map.of())
                .getOrDefault(recent.get(0), List.of());
    List<Neighbour> replayFollowers =
        userId == null
            ? List.of()
            : userReplayFollowers.getOrDefault(userId, Map.of()).getOrDefault(seedTrackId, List.of());
    return new SeedEvidence(
        seedTrackId,
        seedArtistKey,
        recent,
        user,
        recentFollowers,
        replayFollowers,
        sequenceFollowers,
        near,
        everyone,
        coOccurrence.getOrDefault(seedTrackId, List.of()),
        session,
        seedArtistKey == null ? List.of() : artistTop.getOrDefault(seedArtistKey, List.of()),
        overallTop);
  }

  private Neighbour neighbour(Map<String, String> strings, String trackId, double score) {
    String track = intern(strings, trackId);
    return new Neighbour(track, artistOf.get(track), score);
  }

  private static void keepStrongest(Map<String, List<Neighbour>> followers) {
    followers.replaceAll(
        (track, list) -> {
          list.sort(STRONGEST_FIRST);
          return List.copyOf(list.subList(0, Math.min(list.size(), FOLLOWERS_PER_TRACK)));
        });
  }

  private static String intern(Map<String, String> strings, String value) {
    return value == null ? null : strings.computeIfAbsent(value, v -> v);
  }
}
