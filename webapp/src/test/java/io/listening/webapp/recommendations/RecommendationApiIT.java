package io.listening.webapp.recommendations;

import static io.listening.webapp.ApiClient.contentType;
import static io.listening.webapp.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.listening.events.TrackIds;
import io.listening.webapp.ApiClient;
import io.listening.webapp.GoldWarehouse;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * The API against a real DuckDB file and a real Redis ({@code REDIS_HOST}/{@code REDIS_PORT},
 * default 127.0.0.1:6379). Every test publishes a build with a fresh build id, so cache entries
 * never leak from one test into another. The Redis timeouts are longer than the app's 200 ms: on a
 * loaded test machine the first connection can take longer, and these tests are about caching, not
 * about giving up on a slow Redis.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "vaadin.productionMode=true",
      "listening.cache.ttl=2m",
      // Every test publishes a build and asks for it at once: look at the file on every request.
      "listening.warehouse.check-interval=0s",
      "spring.data.redis.timeout=5s",
      "spring.data.redis.connect-timeout=5s"
    })
class RecommendationApiIT {

  private static final Path DATA_DIR = GoldWarehouse.newDataDir();
  private static final Path WAREHOUSE = DATA_DIR.resolve("warehouse/analytics.duckdb");
  private static final String KEY_PREFIX = "webapp-it-" + UUID.randomUUID() + ":";
  private static final String TRACK = GoldWarehouse.NEVER_GONNA;
  private static final ObjectMapper JSON = new ObjectMapper();

  @DynamicPropertySource
  static void warehouseAndCache(DynamicPropertyRegistry registry) {
    registry.add("listening.warehouse.path", WAREHOUSE::toString);
    registry.add("listening.cache.key-prefix", () -> KEY_PREFIX);
  }

  @LocalServerPort private int port;
  @Autowired private StringRedisTemplate redis;
  @Autowired private MeterRegistry meters;

  private ApiClient api;
  private String buildId;

  @BeforeAll
  static void redisAnswers(
      @Autowired StringRedisTemplate redis,
      @Value("${spring.data.redis.host}") String host,
      @Value("${spring.data.redis.port}") int port) {
    try {
      redis.hasKey(KEY_PREFIX + "probe");
    } catch (DataAccessException e) {
      fail(
          "RecommendationApiIT needs a Redis at %s:%d (REDIS_HOST, REDIS_PORT), e.g."
              + " redis-server --port %d --save '' --daemonize yes: %s",
          host, port, port, e.getMessage());
    }
  }

  @BeforeEach
  void publishFreshBuild() throws Exception {
    api = new ApiClient(port);
    buildId = "build-" + UUID.randomUUID();
    GoldWarehouse.publish(WAREHOUSE, buildId);
  }

  @AfterEach
  void deleteCacheEntries() {
    var keys = redis.keys(KEY_PREFIX + "*");
    if (keys != null && !keys.isEmpty()) {
      redis.delete(keys);
    }
  }

  @AfterAll
  static void deleteWarehouse() throws IOException {
    FileSystemUtils.deleteRecursively(DATA_DIR);
  }

  @Test
  void secondIdenticalCallIsACacheHitEqualToTheFirst() {
    HttpResponse<String> first = ok(api.get("/api/recommendations/" + TRACK + "?limit=3"));
    HttpResponse<String> second = ok(api.get("/api/recommendations/" + TRACK + "?limit=3"));

    assertThat(json(first).get("cache").asText()).isEqualTo("miss");
    assertThat(first.headers().firstValue("X-Cache")).hasValue("miss");
    assertThat(json(second).get("cache").asText()).isEqualTo("hit");
    assertThat(second.headers().firstValue("X-Cache")).hasValue("hit");
    assertThat(withoutCacheField(json(second))).isEqualTo(withoutCacheField(json(first)));
    assertThat(json(first).get("build_id").asText()).isEqualTo(buildId);
    assertThat(json(first).get("recommendations")).hasSize(3);
  }

  @Test
  void cacheEntryIsTheAnswersJsonUnderAKeyNamingTheBuildAndExpiresWithTheTtl() throws Exception {
    JsonNode answer = json(ok(api.get("/api/recommendations/" + TRACK + "?limit=3")));

    String key = KEY_PREFIX + RecommendationCacheConfiguration.VALUE_FORM + buildId + ":" + TRACK + ":::3";
    // The entry is the answer's leading fields, open for the per-request ones: JSON less its brace.
    JsonNode entry = JSON.readTree(redis.opsForValue().get(key) + "}");
    assertThat(entry.get("build_id").asText()).isEqualTo(buildId);
    assertThat(entry.get("track_id").asText()).isEqualTo(TRACK);
    assertThat(entry.get("recommendations")).isEqualTo(answer.get("recommendations"));
    assertThat(redis.getExpire(key)).isBetween(1L, Duration.ofMinutes(2).toSeconds());
  }

  @Test
  void unreadableEntryIsAMissAndIsReplaced() {
    redis.opsForValue().set(KEY_PREFIX + RecommendationCacheConfiguration.VALUE_FORM + buildId + ":" + TRACK + ":::10", "not json");

    JsonNode first = json(ok(api.get("/api/recommendations/" + TRACK)));
    JsonNode second = json(ok(api.get("/api/recommendations/" + TRACK)));

    assertThat(first.get("cache").asText()).isEqualTo("miss");
    assertThat(first.get("recommendations")).hasSize(4);
    assertThat(second.get("cache").asText()).isEqualTo("hit");
  }

  @Test
  void answersAreCountedByCacheResult() {
    double hitsBefore = answers("hit");
    double missesBefore = answers("miss");
    double redisHitsBefore = redisGets("hit");

    ok(api.get("/api/recommendations/" + TRACK));
    ok(api.get("/api/recommendations/" + TRACK));
    ok(api.get("/api/recommendations/" + TRACK));

    assertThat(answers("miss") - missesBefore).isEqualTo(1);
    assertThat(answers("hit") - hitsBefore).isEqualTo(2);
    // Spring's own statistics of the Redis cache, published by Spring Boot as cache.gets.
    assertThat(redisGets("hit") - redisHitsBefore).isEqualTo(2);
  }

  @Test
  void recommendationsAreOrderedByScoreAndCarryTheirComponentsAndReason() {
    JsonNode body = json(ok(api.get("/api/recommendations/" + TRACK)));

    assertThat(body.get("track_name").asText()).isEqualTo("Never Gonna Give You Up");
    assertThat(body.get("artist_name").asText()).isEqualTo("Rick Astley");
    assertThat(trackIds(body))
        .containsExactly(
            GoldWarehouse.TAKE_ON_ME,
            GoldWarehouse.BLUE_MONDAY,
            GoldWarehouse.DON_T_YOU,
            GoldWarehouse.DERIVED_DEMO);
    JsonNode best = body.get("recommendations").get(0);
    assertThat(best.get("track_name").asText()).isEqualTo("Take On Me");
    assertThat(best.get("artist_name").asText()).isEqualTo("a-ha");
    assertThat(best.get("components").has("everyone_transitions")).isTrue();
    assertThat(best.get("reason").asText())
        .isEqualTo("Listeners of Never Gonna Give You Up also play this");
    assertThat(best.get("cold_start").asBoolean()).isFalse();
    assertThat(body.get("query_time_ms").asDouble()).isPositive();
  }

  @Test
  void aListenersOwnNextTrackComesFirstAndAnUnknownListenerGets404() {
    JsonNode body =
        json(ok(api.get("/api/recommendations/" + TRACK + "?userId=" + GoldWarehouse.ALICE)));
    assertThat(trackIds(body)).startsWith(GoldWarehouse.BLUE_MONDAY);
    assertThat(body.get("user_id").asText()).isEqualTo(GoldWarehouse.ALICE);

    HttpResponse<String> unknown = api.get("/api/recommendations/" + TRACK + "?userId=user-nobody");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(json(unknown).get("title").asText()).isEqualTo("User not found");
  }

  @Test
  void newBuildIdChangesTheCacheKey() throws Exception {
    ok(api.get("/api/recommendations/" + TRACK));
    assertThat(json(ok(api.get("/api/recommendations/" + TRACK))).get("cache").asText())
        .isEqualTo("hit");

    String nextBuild = "build-" + UUID.randomUUID();
    GoldWarehouse.publish(WAREHOUSE, nextBuild);
    JsonNode afterPublish = json(ok(api.get("/api/recommendations/" + TRACK)));

    assertThat(afterPublish.get("cache").asText()).isEqualTo("miss");
    assertThat(afterPublish.get("build_id").asText()).isEqualTo(nextBuild);
    assertThat(redis.hasKey(KEY_PREFIX + RecommendationCacheConfiguration.VALUE_FORM + buildId + ":" + TRACK + ":::10")).isTrue();
    assertThat(redis.hasKey(KEY_PREFIX + RecommendationCacheConfiguration.VALUE_FORM + nextBuild + ":" + TRACK + ":::10")).isTrue();
  }

  @Test
  void warehouseFileReplacedByRenameIsPickedUp() throws Exception {
    assertThat(trackIds(json(ok(api.get("/api/recommendations/" + TRACK)))))
        .doesNotContain(GoldWarehouse.RUNNING_UP);

    GoldWarehouse.publish(WAREHOUSE, "build-" + UUID.randomUUID(), GoldWarehouse.NEW_TRACK_SQL);

    assertThat(trackIds(json(ok(api.get("/api/recommendations/" + TRACK)))))
        .startsWith(GoldWarehouse.RUNNING_UP, GoldWarehouse.TAKE_ON_ME);
  }

  @Test
  void missingWarehouseGets503ProblemDetail() throws Exception {
    Files.delete(WAREHOUSE);

    for (String path : List.of("/api/recommendations/" + TRACK, "/api/stats/totals")) {
      HttpResponse<String> response = api.get(path);
      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(contentType(response)).isEqualTo("application/problem+json");
      JsonNode problem = json(response);
      assertThat(problem.get("title").asText()).isEqualTo("Warehouse unavailable");
      assertThat(problem.get("detail").asText()).startsWith("No warehouse build yet");
      assertThat(problem.has("trace")).isFalse();
    }
  }

  @Test
  void malformedTrackIdGets400NamingTheRule() {
    HttpResponse<String> response = api.get("/api/recommendations/not-a-spotify-id");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(contentType(response)).isEqualTo("application/problem+json");
    assertThat(json(response).get("detail").asText()).isEqualTo("trackId must be " + TrackIds.RULE);
  }

  @Test
  void limitOutOfRangeGets400() {
    HttpResponse<String> response = api.get("/api/recommendations/" + TRACK + "?limit=51");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("detail").asText()).isEqualTo("limit must be between 1 and 50");
  }

  @Test
  void noBadParameterGetsA500() {
    for (String query :
        List.of(
            TRACK + "?limit=abc",
            TRACK + "?limit=0",
            TRACK + "?limit=51",
            TRACK + "?limit=99999999999",
            "derived-XYZ",
            "not-a-track?limit=abc")) {
      HttpResponse<String> response = api.get("/api/recommendations/" + query);

      assertThat(response.statusCode()).as(query).isEqualTo(400);
      assertThat(contentType(response)).as(query).isEqualTo("application/problem+json");
      assertThat(json(response).get("detail").asText()).as(query).isNotBlank();
    }
  }

  @Test
  void unknownTrackGets404WithMessage() {
    HttpResponse<String> response =
        api.get("/api/recommendations/" + GoldWarehouse.UNKNOWN_BUT_WELL_FORMED);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(contentType(response)).isEqualTo("application/problem+json");
    assertThat(json(response).get("detail").asText())
        .isEqualTo("Track " + GoldWarehouse.UNKNOWN_BUT_WELL_FORMED + " is not in the warehouse");
  }

  @Test
  void totalsEndpointAnswersTheGoldTotals() {
    JsonNode totals = json(ok(api.get("/api/stats/totals")));

    assertThat(totals.get("total_plays").asLong()).isEqualTo(GoldWarehouse.TOTAL_PLAYS);
    assertThat(totals.get("total_skips").asLong()).isEqualTo(GoldWarehouse.TOTAL_SKIPS);
    assertThat(totals.get("unique_users").asLong()).isEqualTo(GoldWarehouse.UNIQUE_USERS);
    assertThat(totals.get("listening_hours").asDouble()).isEqualTo(12.5);
    assertThat(totals.get("first_played_at").asText()).isEqualTo("2024-11-01T08:00:00Z");
  }

  @Test
  void swaggerUiIsServedAtDocs() {
    HttpResponse<String> response = api.get("/docs");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.uri().getPath()).startsWith("/swagger-ui/");
    assertThat(response.body()).contains("<title>Swagger UI</title>");
  }

  @Test
  void apiDocsDescribeTheRecommendationEndpoint() {
    HttpResponse<String> response = api.get("/v3/api-docs");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode parameters =
        json(response).at("/paths/~1api~1recommendations~1{trackId}/get/parameters");
    JsonNode trackId = parameter(parameters, "trackId");
    assertThat(trackId.get("in").asText()).isEqualTo("path");
    assertThat(trackId.get("description").asText()).contains(TrackIds.RULE);
    JsonNode limit = parameter(parameters, "limit").get("schema");
    assertThat(limit.get("minimum").asInt()).isEqualTo(1);
    assertThat(limit.get("maximum").asInt()).isEqualTo(50);
    assertThat(limit.get("default").asInt()).isEqualTo(10);
  }

  private static JsonNode parameter(JsonNode parameters, String name) {
    for (JsonNode parameter : parameters) {
      if (parameter.get("name").asText().equals(name)) {
        return parameter;
      }
    }
    throw new AssertionError("no parameter " + name + " in " + parameters);
  }

  private double answers(String result) {
    return meters.get("listening.recommendations.cache").tag("result", result).counter().count();
  }

  private double redisGets(String result) {
    return meters
        .get("cache.gets")
        .tag("cache", RecommendationCacheConfiguration.CACHE)
        .tag("result", result)
        .functionCounter()
        .count();
  }

  private static HttpResponse<String> ok(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response;
  }

  /** The answer without what differs between a miss and a hit: the cache status and the time. */
  private static JsonNode withoutCacheField(JsonNode body) {
    ObjectNode copy = body.deepCopy();
    copy.remove("cache");
    copy.remove("query_time_ms");
    return copy;
  }

  private static List<String> trackIds(JsonNode body) {
    List<String> ids = new ArrayList<>();
    body.get("recommendations").forEach(r -> ids.add(r.get("track_id").asText()));
    return ids;
  }
}
