package io.listening.webapp.admin;

import static io.listening.webapp.ApiClient.contentType;
import static io.listening.webapp.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.listening.webapp.ApiClient;
import io.listening.webapp.GoldWarehouse;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/** Clearing the recommendation cache over HTTP, against a real Redis, behind the API key. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "vaadin.productionMode=true",
      "spring.data.redis.timeout=5s",
      "spring.data.redis.connect-timeout=5s"
    })
class CacheAdminIT {

  private static final String KEY = "admin-key-" + UUID.randomUUID();
  private static final String KEY_PREFIX = "webapp-admin-it-" + UUID.randomUUID() + ":";
  private static final Path DATA_DIR = GoldWarehouse.newDataDir();
  private static final Path WAREHOUSE = DATA_DIR.resolve("warehouse/analytics.duckdb");
  private static final String CLEAR = "/api/admin/caches/recommendations/clear";

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    registry.add("listening.warehouse.path", WAREHOUSE::toString);
    registry.add("listening.cache.key-prefix", () -> KEY_PREFIX);
    registry.add("listening.admin.api-key", () -> KEY);
  }

  @LocalServerPort private int port;
  @Autowired private StringRedisTemplate redis;
  private ApiClient api;

  @BeforeAll
  static void publish() throws Exception {
    GoldWarehouse.publish(WAREHOUSE, "build-admin");
  }

  @AfterAll
  static void deleteWarehouse() throws IOException {
    FileSystemUtils.deleteRecursively(DATA_DIR);
  }

  @BeforeEach
  void client() {
    api = new ApiClient(port);
  }

  @Test
  void theRightKeyClearsTheRecommendationCache(CapturedOutput output) {
    api.get("/api/recommendations/" + GoldWarehouse.NEVER_GONNA);
    assertThat(redis.keys(KEY_PREFIX + "*")).isNotEmpty();

    HttpResponse<String> response = post(CLEAR, KEY);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    assertThat(redis.keys(KEY_PREFIX + "*")).isEmpty();
    assertThat(json(api.get("/api/recommendations/" + GoldWarehouse.NEVER_GONNA)).get("cache").asText())
        .isEqualTo("miss");
    assertThat(output).contains("Cleared the cache recommendations").doesNotContain(KEY);
  }

  @Test
  void noKeyIs401AndAWrongKeyIs403AndNeitherClears(CapturedOutput output) {
    api.get("/api/recommendations/" + GoldWarehouse.NEVER_GONNA);

    HttpResponse<String> none = post(CLEAR, null);
    HttpResponse<String> wrong = post(CLEAR, KEY + "x");

    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(contentType(none)).isEqualTo("application/problem+json");
    assertThat(wrong.statusCode()).isEqualTo(403);
    assertThat(contentType(wrong)).isEqualTo("application/problem+json");
    assertThat(redis.keys(KEY_PREFIX + "*")).isNotEmpty();
    assertThat(output).doesNotContain(KEY);
  }

  @Test
  void anUnknownCacheIs404() {
    HttpResponse<String> response = post("/api/admin/caches/nope/clear", KEY);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(json(response).get("detail").asText()).contains("recommendations");
  }

  @Test
  void clearingIsNeverAGet() {
    HttpResponse<String> response =
        api.send(api.request(CLEAR).header("X-API-Key", KEY).GET().build());

    assertThat(response.statusCode()).isEqualTo(405);
  }

  private HttpResponse<String> post(String path, String key) {
    HttpRequest.Builder request = api.request(path).POST(BodyPublishers.noBody());
    if (key != null) {
      request.header("X-API-Key", key);
    }
    return api.send(request.build());
  }
}
