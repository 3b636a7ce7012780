package io.listening.webapp.recommendations;

import static io.listening.webapp.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.listening.webapp.ApiClient;
import io.listening.webapp.GoldWarehouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
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

/** Redis pointed at a closed port: recommendations still answer, as cache misses. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "vaadin.productionMode=true")
@ExtendWith(OutputCaptureExtension.class)
class RedisDownIT {

  private static final Path DATA_DIR = GoldWarehouse.newDataDir();
  private static final Path WAREHOUSE = DATA_DIR.resolve("warehouse/analytics.duckdb");
  private static final int CLOSED_PORT = closedPort();

  @DynamicPropertySource
  static void warehouseAndClosedRedisPort(DynamicPropertyRegistry registry) {
    registry.add("listening.warehouse.path", WAREHOUSE::toString);
    registry.add("spring.data.redis.host", () -> "127.0.0.1");
    registry.add("spring.data.redis.port", () -> CLOSED_PORT);
  }

  @LocalServerPort private int port;

  @BeforeAll
  static void publish() throws Exception {
    GoldWarehouse.publish(WAREHOUSE, "build-redis-down");
  }

  @AfterAll
  static void deleteWarehouse() throws IOException {
    FileSystemUtils.deleteRecursively(DATA_DIR);
  }

  @Test
  void recommendationsAreServedAsMissesWithOneWarning(CapturedOutput output) {
    ApiClient api = new ApiClient(port);

    for (int call = 0; call < 3; call++) {
      HttpResponse<String> response = api.get("/api/recommendations/" + GoldWarehouse.NEVER_GONNA);
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      assertThat(json(response).get("cache").asText()).isEqualTo("miss");
      assertThat(json(response).get("recommendations")).hasSize(4);
    }
    assertThat(output.getOut().split("Redis is unavailable", -1)).hasSize(2);
  }

  private static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
