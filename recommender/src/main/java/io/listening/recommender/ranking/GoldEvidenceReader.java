package io.listening.recommender.ranking;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads one request's evidence from the gold recommendation models (dbt/models/gold/recommendations)
 * on a connection the caller owns (the web app's warehouse snapshot), one statement per relation.
 * Each statement filters on the key the model is sorted by, so DuckDB's zone maps skip nearly
 * every row group. {@link LoadedGoldEvidence} answers the same questions from the same tables held
 * in memory, for the evaluation's tens of thousands of questions; {@code
 * LoadedGoldEvidenceTest} holds the two to identical answers.
 */
public final class GoldEvidenceReader implements GoldEvidence {

  private static final String SEED_SQL =
      "select artist_key from gold.artist_top_tracks where track_id = ?";

  private static final String USER_FOLLOWERS_SQL =
      """
      select t.track_id, t.next_track_id, a.artist_key, t.probability
      from gold.user_track_transitions as t
      left join gold.artist_top_tracks as a on a.track_id = t.next_track_id
      where t.user_id = ? and t.track_id in (%s)
      qualify row_number() over (
          partition by t.track_id order by t.probability desc, t.next_track_id) <= %d
      order by t.track_id, t.probability desc, t.next_track_id
      """;

  /** The seed's followers by one of the user_track_transitions weights ({@code %s}). */
  private static final String USER_WEIGHTED_FOLLOWERS_SQL =
      """
      select t.next_track_id, a.artist_key, t.%1$s
      from gold.user_track_transitions as t
      left join gold.artist_top_tracks as a on a.track_id = t.next_track_id
      where t.user_id = ? and t.track_id = ? and t.%1$s > 0
      order by t.%1$s desc, t.next_track_id
      limit ?
      """;

  private static final String USER_SEQUENCE_FOLLOWERS_SQL =
      """
      select t.next_track_id, a.artist_key, t.probability
      from gold.user_sequence_transitions as t
      left join gold.artist_top_tracks as a on a.track_id = t.next_track_id
      where t.user_id = ? and t.track_id = ? and t.previous_track_id = ?
      order by t.probability desc, t.next_track_id
      limit ?
      """;

  private static final String USER_NEIGHBOURS_SQL =
      """
      select n.track_id, n.related_track_id, a.artist_key, n.share
      from gold.user_track_neighbours as n
      left join gold.artist_top_tracks as a on a.track_id = n.related_track_id
      where n.user_id = ? and n.track_id in (%s)
      qualify row_number() over (
          partition by n.track_id order by n.share desc, n.related_track_id) <= %d
      order by n.track_id, n.share desc, n.related_track_id
      """;

  private static final String EVERYONE_FOLLOWERS_SQL =
      """
      select t.track_id, t.next_track_id, a.artist_key, t.probability
      from gold.track_transitions as t
      left join gold.artist_top_tracks as a on a.track_id = t.next_track_id
      where t.track_id in (%s)
      qualify row_number() over (
          partition by t.track_id order by t.probability desc, t.next_track_id) <= %d
      order by t.track_id, t.probability desc, t.next_track_id
      """;

  private static final String CO_OCCURRENCE_SQL =
      """
      select c.related_track_id, a.artist_key, c.score
      from gold.track_co_occurrence as c
      left join gold.artist_top_tracks as a on a.track_id = c.related_track_id
      where c.track_id = ?
      order by c.score desc, c.co_occurrences desc, c.related_track_id
      limit ?
      """;

  private static final String SESSION_CO_OCCURRENCE_SQL =
      """
      select c.related_track_id, a.artist_key, c.share
      from gold.user_session_co_occurrence as c
      left join gold.artist_top_tracks as a on a.track_id = c.related_track_id
      where c.user_id = ? and c.track_id = ?
      order by c.share desc, c.related_track_id
      """;

  private static final String ARTIST_TOP_SQL =
      """
      select track_id, artist_key, plays from gold.artist_top_tracks
      where artist_key = ? and artist_rank <= ? order by artist_rank
      """;

  private static final String OVERALL_TOP_SQL =
      """
      select track_id, artist_key, plays from gold.artist_top_tracks
      where overall_rank <= ? order by overall_rank
      """;

  private static final String PROFILE_TRACKS_SQL =
      """
      select track_id, artist_key, plays, familiarity
      from gold.user_track_recency where user_id = ?
      """;

  private static final String PROFILE_ARTISTS_SQL =
      "select artist_key, scaled_affinity from gold.user_artist_preference where user_id = ?";

  private final Connection connection;
  /** The weights the answers are ranked with; null: read every relation. */
  private final ServedWeights weights;
  private List<Neighbour> overallTopTracks;

  /**
   * A reader for answers ranked with {@code weights}: a relation whose component a request's
   * weights leave at 0 is not read (its list is empty), since it could not change the answer.
   */
  public GoldEvidenceReader(Connection connection, ServedWeights weights) {
    this.connection = connection;
    this.weights = weights;
  }

  /**
   * A reader of every relation, and of the original design's per-session co-occurrence (the
   * evaluation's baseline; the model is empty outside evaluation builds).
   */
  public static GoldEvidenceReader everything(Connection connection) {
    return new GoldEvidenceReader(connection, null);
  }

  private boolean reads(Component component, String userId) {
    return weights == null || weights.forUser(userId).uses(component);
  }

  @Override
  public Optional<String> seedArtist(String trackId) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(SEED_SQL)) {
      statement.setString(1, trackId);
      try (ResultSet row = statement.executeQuery()) {
        return row.next() ? Optional.of(Objects.requireNonNullElse(row.getString(1), "")) : Optional.empty();
      }
    }
  }

  @Override
  public ListenerProfile profile(String userId) throws SQLException {
    List<KnownTrack> tracks = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(PROFILE_TRACKS_SQL)) {
      statement.setString(1, userId);
      try (ResultSet row = statement.executeQuery()) {
        while (row.next()) {
          tracks.add(
              new KnownTrack(row.getString(1), row.getString(2), row.getLong(3), row.getDouble(4)));
        }
      }
    }
    Map<String, Double> artists = new HashMap<>();
    try (PreparedStatement statement = connection.prepareStatement(PROFILE_ARTISTS_SQL)) {
      statement.setString(1, userId);
      try (ResultSet row = statement.executeQuery()) {
        while (row.next()) {
          artists.put(row.getString(1), row.getDouble(2));
        }
      }
    }
    return ListenerProfile.of(userId, tracks, artists);
  }

  @Override
  public SeedEvidence read(String seedTrackId, String seedArtistKey, String userId, List<String> recent)
      throws SQLException {
    List<String> sources = new ArrayList<>();
    sources.add(seedTrackId);
    recent.stream().filter(id -> !sources.contains(id)).forEach(sources::add);
    boolean personal = userId != null;

    Map<String, List<Neighbour>> userFollowers = new LinkedHashMap<>();
    if (personal && reads(Component.USER_TRANSITIONS, userId)) {
      userFollowers = bySource(USER_FOLLOWERS_SQL, userId, sources);
    }
    Map<String, List<Neighbour>> userNeighbours = new LinkedHashMap<>();
    if (personal && reads(Component.USER_NEIGHBOURS, userId)) {
      userNeighbours = bySource(USER_NEIGHBOURS_SQL, userId, sources);
    }
    List<Neighbour> userRecentFollowers = List.of();
    if (personal && reads(Component.USER_RECENT_TRANSITIONS, userId)) {
      userRecentFollowers = weightedFollowers("recent_probability", userId, seedTrackId);
    }
    List<Neighbour> userReplayFollowers = List.of();
    if (personal && reads(Component.USER_REPLAY, userId)) {
      userReplayFollowers = weightedFollowers("replay_probability", userId, seedTrackId);
    }
    List<Neighbour> userSequenceFollowers = List.of();
    if (personal && !recent.isEmpty() && reads(Component.USER_SEQUENCE, userId)) {
      try (PreparedStatement statement = connection.prepareStatement(USER_SEQUENCE_FOLLOWERS_SQL)) {
        statement.setString(1, userId);
        statement.setString(2, seedTrackId);
        statement.setString(3, recent.get(0));
        statement.setInt(4, GoldEvidence.FOLLOWERS_PER_TRACK);
        userSequenceFollowers = neighbours(statement);
      }
    }
    Map<String, List<Neighbour>> everyoneFollowers = new LinkedHashMap<>();
    if (reads(Component.EVERYONE_TRANSITIONS, userId)) {
      everyoneFollowers = bySource(EVERYONE_FOLLOWERS_SQL, null, sources);
    }
    List<Neighbour> coOccurrence = List.of();
    if (reads(Component.CO_OCCURRENCE, userId)) {
      try (PreparedStatement statement = connection.prepareStatement(CO_OCCURRENCE_SQL)) {
        statement.setString(1, seedTrackId);
        statement.setInt(2, GoldEvidence.FOLLOWERS_PER_TRACK);
        coOccurrence = neighbours(statement);
      }
    }
    List<Neighbour> sessionCoOccurrence = List.of();
    if (weights == null && personal) {
      try (PreparedStatement statement = connection.prepareStatement(SESSION_CO_OCCURRENCE_SQL)) {
        statement.setString(1, userId);
        statement.setString(2, seedTrackId);
        sessionCoOccurrence = neighbours(statement);
      }
    }
    return new SeedEvidence(
        seedTrackId,
        seedArtistKey,
        recent,
        userFollowers,
        userRecentFollowers,
        userReplayFollowers,
        userSequenceFollowers,
        userNeighbours,
        everyoneFollowers,
        coOccurrence,
        sessionCoOccurrence,
        artistTopTracks(seedArtistKey),
        overallTopTracks());
  }

  /**
   * The rows of a per-source statement ({@code sql} with the placeholders of the sources and the
   * limit to fill in), by source; {@code userId} null for a statement without a user.
   */
  private Map<String, List<Neighbour>> bySource(String sql, String userId, List<String> sources)
      throws SQLException {
    String placeholders = String.join(", ", Collections.nCopies(sources.size(), "?"));
    Map<String, List<Neighbour>> bySource = new LinkedHashMap<>();
    try (PreparedStatement statement =
        connection.prepareStatement(sql.formatted(placeholders, GoldEvidence.FOLLOWERS_PER_TRACK))) {
      int index = 1;
      if (userId != null) {
        statement.setString(index++, userId);
      }
      for (String source : sources) {
        statement.setString(index++, source);
      }
      readFollowers(statement, bySource);
    }
    return bySource;
  }

  private List<Neighbour> weightedFollowers(String column, String userId, String seedTrackId)
      throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(USER_WEIGHTED_FOLLOWERS_SQL.formatted(column))) {
      statement.setString(1, userId);
      statement.setString(2, seedTrackId);
      statement.setInt(3, GoldEvidence.FOLLOWERS_PER_TRACK);
      return neighbours(statement);
    }
  }

  private List<Neighbour> artistTopTracks(String artistKey) throws SQLException {
    if (artistKey == null) {
      return List.of();
    }
    try (PreparedStatement statement = connection.prepareStatement(ARTIST_TOP_SQL)) {
      statement.setString(1, artistKey);
      statement.setInt(2, GoldEvidence.ARTIST_TRACKS);
      return neighbours(statement);
    }
  }

  /** Read once per reader: the same for every request of a build. */
  private List<Neighbour> overallTopTracks() throws SQLException {
    if (overallTopTracks == null) {
      try (PreparedStatement statement = connection.prepareStatement(OVERALL_TOP_SQL)) {
        statement.setInt(1, GoldEvidence.POPULAR_TRACKS);
        overallTopTracks = neighbours(statement);
      }
    }
    return overallTopTracks;
  }

  private static void readFollowers(
      PreparedStatement statement, Map<String, List<Neighbour>> followers) throws SQLException {
    try (ResultSet row = statement.executeQuery()) {
      while (row.next()) {
        followers
            .computeIfAbsent(row.getString(1), id -> new ArrayList<>())
            .add(new Neighbour(row.getString(2), row.getString(3), row.getDouble(4)));
      }
    }
  }

  private static List<Neighbour> neighbours(PreparedStatement statement) throws SQLException {
    List<Neighbour> neighbours = new ArrayList<>();
    try (ResultSet row = statement.executeQuery()) {
      while (row.next()) {
        neighbours.add(new Neighbour(row.getString(1), row.getString(2), row.getDouble(3)));
      }
    }
    return neighbours;
  }
}
