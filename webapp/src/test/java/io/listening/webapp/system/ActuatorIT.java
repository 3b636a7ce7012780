package io.listening.webapp.system;

import static io.listening.webapp.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.listening.webapp.ApiClient;
import io.listening.webapp.GoldWarehouse;
import io.listening.webapp.warehouse.Warehouse;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * Health and metrics over HTTP. Kafka is not configured here, so health has no {@code kafka}
 * component and now playing says it is off. The warehouse's {@code built_at} is 2024-12-02, so
 * the one-hour maximum age set here makes it stale. Metrics export is on, which {@code
 * SpringBootTest} turns off by default.
 */
@AutoConfigureObservability(tracing = false)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "vaadin.productionMode=true",
      "listening.health.warehouse-max-age=1h",
      // Every test publishes a build or deletes it and asks at once: look at the file every request.
      "listening.warehouse.check-interval=0s",
      "listening.now-playing.bootstrap-servers=",
      "spring.data.redis.timeout=5s",
      "spring.data.redis.connect-timeout=5s"
    })
class ActuatorIT {

  private static final Path DATA_DIR = GoldWarehouse.newDataDir();
  private static final Path WAREHOUSE = DATA_DIR.resolve("warehouse/analytics.duckdb");

  @DynamicPropertySource
  static void warehouse(DynamicPropertyRegistry registry) {
    registry.add("listening.warehouse.path", WAREHOUSE::toString);
  }

  @LocalServerPort private int port;
  @Autowired private Warehouse warehouse;
  private ApiClient api;

  @BeforeEach
  void publish() throws Exception {
    api = new ApiClient(port);
    GoldWarehouse.publish(WAREHOUSE, "build-health");
  }

  @AfterAll
  static void deleteWarehouse() throws IOException {
    FileSystemUtils.deleteRecursively(DATA_DIR);
  }

  @Test
  void healthListsRedisAndTheWarehouseBuildButNoKafkaWhenItIsNotConfigured() {
    HttpResponse<String> response = api.get("/actuator/health");
    JsonNode components = json(response).get("components");

    assertThat(components.at("/redis/status").asText()).isEqualTo("UP");
    assertThat(components.at("/warehouse/details/build_id").asText()).isEqualTo("build-health");
    assertThat(components.at("/warehouse/details/built_at").asText())
        .isEqualTo("2024-12-02T03:00:00Z");
    assertThat(components.has("kafka")).isFalse();
  }

  @Test
  void buildOlderThanItsMaximumAgeIsStaleButStillAnswered200() {
    HttpResponse<String> response = api.get("/actuator/health");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).at("/components/warehouse/status").asText()).isEqualTo("STALE");
    assertThat(json(response).get("status").asText()).isEqualTo("STALE");
  }

  @Test
  void buildYoungerThanItsMaximumAgeIsUp() {
    WarehouseHealthIndicator young =
        new WarehouseHealthIndicator(
            warehouse, new HealthProperties(Duration.ofDays(365 * 100)), Clock.systemUTC());

    assertThat(young.health().getStatus().getCode()).isEqualTo("UP");
  }

  @Test
  void missingWarehouseIsDownAndHealthAnswers503() throws Exception {
    Files.delete(WAREHOUSE);

    HttpResponse<String> response = api.get("/actuator/health");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(json(response).at("/components/warehouse/status").asText()).isEqualTo("DOWN");
    assertThat(json(response).at("/components/warehouse/details/reason").asText())
        .startsWith("No warehouse build yet");
  }

  @Test
  void prometheusHasLatencyHistogramsOfTheApiAndCacheCounters() {
    api.get("/api/recommendations/" + GoldWarehouse.NEVER_GONNA);
    api.get("/api/recommendations/" + GoldWarehouse.NEVER_GONNA);

    HttpResponse<String> response = api.get("/actuator/prometheus");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .contains("http_server_requests_seconds_bucket{")
        .containsPattern(
            "http_server_requests_seconds_bucket\\{[^}]*uri=\"/api/recommendations/\\{trackId\\}\"")
        .containsPattern("listening_recommendations_cache_total\\{[^}]*result=\"hit\"")
        .containsPattern("listening_recommendations_cache_total\\{[^}]*result=\"miss\"")
        .containsPattern("cache_gets_total\\{[^}]*cache=\"recommendations\"");
  }

  @Test
  void nowPlayingSaysItIsOffWithoutKafka() {
    HttpResponse<String> response = api.get("/api/users/alice/now-playing");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(json(response).get("detail").asText()).contains("WEBAPP_KAFKA_BOOTSTRAP_SERVERS");
  }
}
