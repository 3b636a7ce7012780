package io.listening.webapp.recommendations;

import static io.listening.webapp.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.listening.webapp.ApiClient;
import io.listening.webapp.GoldWarehouse;
import io.listening.webapp.RedisServer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * Redis pointed at a port where nothing listens: recommendations still answer, computed once and
 * then from the in-memory fallback; when Redis is back the fallback is dropped and Redis caches.
 * Then the test starts its own {@code redis-server} on that port (apt {@code redis-server}) and
 * stops it again, to see recovery and a second outage. A refused connection fails at once whatever
 * the timeout; the longer connect timeout only keeps the reconnect from timing out on a loaded test
 * machine.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"vaadin.productionMode=true", "spring.data.redis.connect-timeout=5s"})
@ExtendWith(OutputCaptureExtension.class)
class RedisDownIT {

  private static final Path DATA_DIR = GoldWarehouse.newDataDir();
  private static final Path WAREHOUSE = DATA_DIR.resolve("warehouse/analytics.duckdb");
  private static final RedisServer REDIS = new RedisServer();
  private static final String DOWN = "Redis is unavailable";
  private static final String BACK = "Redis answers again";

  @DynamicPropertySource
  static void warehouseAndClosedRedisPort(DynamicPropertyRegistry registry) {
    registry.add("listening.warehouse.path", WAREHOUSE::toString);
    registry.add("spring.data.redis.host", () -> "127.0.0.1");
    registry.add("spring.data.redis.port", REDIS::port);
  }

  @LocalServerPort private int port;

  @BeforeAll
  static void publish() throws Exception {
    GoldWarehouse.publish(WAREHOUSE, "build-redis-down");
  }

  @AfterEach
  void stopRedis() throws InterruptedException {
    REDIS.stop();
  }

  @AfterAll
  static void deleteWarehouse() throws IOException {
    FileSystemUtils.deleteRecursively(DATA_DIR);
  }

  @Test
  void outageIsServedFromMemoryAfterOneMissAndLoggedOnceAsIsRecovery(CapturedOutput output) throws Exception {
    ApiClient api = new ApiClient(port);

    // One miss computes the answer; the in-memory fallback answers the repeats.
    assertThat(List.of(recommend(api), recommend(api), recommend(api)))
        .containsExactly("miss", "hit", "hit");
    assertThat(occurrences(output, DOWN)).isEqualTo(1);
    assertThat(occurrences(output, BACK)).isZero();

    REDIS.start();
    assertThat(recommend(api)).isEqualTo("miss");
    assertThat(recommend(api)).isEqualTo("hit");
    assertThat(occurrences(output, BACK)).isEqualTo(1);

    REDIS.stop();
    // One miss computes the answer; the in-memory fallback answers the repeats.
    assertThat(List.of(recommend(api), recommend(api), recommend(api)))
        .containsExactly("miss", "hit", "hit");
    assertThat(occurrences(output, DOWN)).isEqualTo(2);
    assertThat(occurrences(output, BACK)).isEqualTo(1);
  }

  /** The {@code cache} field of a recommendation answer, which must be a 200 with all rows. */
  private static String recommend(ApiClient api) {
    HttpResponse<String> response = api.get("/api/recommendations/" + GoldWarehouse.NEVER_GONNA);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(json(response).get("recommendations")).hasSize(4);
    assertThat(response.headers().firstValue("X-Cache"))
        .hasValue(json(response).get("cache").asText());
    return json(response).get("cache").asText();
  }

  private static int occurrences(CapturedOutput output, String text) {
    return output.getOut().split(text, -1).length - 1;
  }
}
