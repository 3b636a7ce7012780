package io.listening.webapp.recommendations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.listening.recommender.ranking.Component;
import io.listening.recommender.ranking.GoldEvidenceReader;
import io.listening.recommender.ranking.ListenerProfile;
import io.listening.recommender.ranking.NextTrackRanker;
import io.listening.recommender.ranking.RankedTrack;
import io.listening.recommender.ranking.RankingRequest;
import io.listening.recommender.ranking.ServedWeights;
import io.listening.webapp.warehouse.Warehouse;
import io.listening.webapp.warehouse.WarehouseBuild;
import io.listening.webapp.warehouse.WarehouseBuildChangedException;
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
import java.util.Optional;
import org.springframework.cache.annotation.CachePut;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Repository;

/**
 * Answers a {@link RecommendationQuery} from the gold recommendation models: the recommender
 * module's {@link GoldEvidenceReader} reads what gold precomputed for the seed, the recent tracks
 * and the listener (only the relations the served weights use), and its {@link NextTrackRanker}
 * with the served weights ranks it (the personal set when the query names a listener), the same
 * code the offline evaluation measures (recommender/README.md). Names come from {@code
 * gold.tracks}. The cached value is the answer's JSON less its closing brace ({@link
 * RecommendationAnswer}), so a hit is served without JSON work.
 */
@Repository
class RecommendationRepository {

  private static final String TRACK_SQL =
      "select track_id, track_name, artist_name from gold.tracks where track_id in (%s)";

  private final Warehouse warehouse;
  private final ObjectMapper json;
  private final NextTrackRanker ranker = new NextTrackRanker(ServedWeights.SERVED);

  RecommendationRepository(Warehouse warehouse, ObjectMapper json) {
    this.warehouse = warehouse;
    this.json = json;
  }

  /**
   * The answer in {@code build}, in its cached form ({@link RecommendationAnswer#cachedForm}); empty
   * if the seed track is not in that build. Cached per build and query; {@code lookup} is marked
   * when the warehouse is read, that is on a miss.
   *
   * @throws UserNotFoundException if the query names a listener without plays in the build
   * @throws WarehouseBuildChangedException if {@code build} is no longer the published build
   */
  @Cacheable(
      cacheNames = RecommendationCacheConfiguration.CACHE,
      keyGenerator = RecommendationCacheKey.BEAN,
      unless = "#result == null")
  Optional<byte[]> find(WarehouseBuild build, RecommendationQuery query, CacheLookup lookup) {
    return compute(build, query, lookup);
  }

  /**
   * {@link #find}, but computed whatever the cache holds and written over its entry: for an entry
   * that is not an answer ({@link RecommendationAnswer#isCachedForm}).
   */
  @CachePut(
      cacheNames = RecommendationCacheConfiguration.CACHE,
      keyGenerator = RecommendationCacheKey.BEAN,
      unless = "#result == null")
  Optional<byte[]> replace(WarehouseBuild build, RecommendationQuery query, CacheLookup lookup) {
    return compute(build, query, lookup);
  }

  private Optional<byte[]> compute(
      WarehouseBuild build, RecommendationQuery query, CacheLookup lookup) {
    lookup.computed();
    return warehouse
        .read(build, (connection, current) -> answer(connection, current.buildId(), query))
        .map(this::cachedForm);
  }

  private byte[] cachedForm(RecommendationSet set) {
    try {
      return RecommendationAnswer.cachedForm(json.writeValueAsBytes(set));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A recommendation set could not be written as JSON", e);
    }
  }

  private Optional<RecommendationSet> answer(
      Connection connection, String buildId, RecommendationQuery query) throws SQLException {
    String seed = query.trackId().value();
    Map<String, String[]> seedNames = names(connection, List.of(seed));
    if (!seedNames.containsKey(seed)) {
      return Optional.empty();
    }
    GoldEvidenceReader gold = new GoldEvidenceReader(connection, ServedWeights.SERVED);
    ListenerProfile profile = ListenerProfile.anonymous();
    if (query.userId() != null) {
      profile = gold.profile(query.userId());
      if (profile.tracks().isEmpty()) {
        throw new UserNotFoundException(query.userId());
      }
    }
    String seedArtist = gold.seedArtist(seed).orElse(null);
    List<RankedTrack> ranked =
        ranker.rank(
            new RankingRequest(
                gold.read(seed, seedArtist, query.userId(), query.recent()),
                profile,
                query.limit(),
                false));
    Map<String, String[]> names =
        names(connection, ranked.stream().map(RankedTrack::trackId).toList());
    String seedName = seedNames.get(seed)[0];
    List<Recommendation> recommendations = new ArrayList<>();
    for (RankedTrack track : ranked) {
      String[] name = names.getOrDefault(track.trackId(), new String[] {null, null});
      Map<String, Double> components = new LinkedHashMap<>();
      for (Map.Entry<Component, Double> component : track.components().entrySet()) {
        components.put(component.getKey().key(), component.getValue());
      }
      recommendations.add(
          new Recommendation(
              track.trackId(),
              name[0],
              name[1],
              track.score(),
              components,
              track.reason().describe(seedName),
              track.coldStart()));
    }
    return Optional.of(
        new RecommendationSet(
            seed,
            seedName,
            seedNames.get(seed)[1],
            query.userId(),
            query.recent(),
            buildId,
            recommendations));
  }

  /** Track name and artist name by track id, for the ids gold.tracks has. */
  private static Map<String, String[]> names(Connection connection, List<String> trackIds)
      throws SQLException {
    Map<String, String[]> names = new HashMap<>();
    if (trackIds.isEmpty()) {
      return names;
    }
    String placeholders = String.join(", ", Collections.nCopies(trackIds.size(), "?"));
    try (PreparedStatement statement =
        connection.prepareStatement(TRACK_SQL.formatted(placeholders))) {
      for (int i = 0; i < trackIds.size(); i++) {
        statement.setString(i + 1, trackIds.get(i));
      }
      try (ResultSet row = statement.executeQuery()) {
        while (row.next()) {
          names.put(row.getString(1), new String[] {row.getString(2), row.getString(3)});
        }
      }
    }
    return names;
  }
}
