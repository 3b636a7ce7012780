package io.listening.webapp;

import static io.listening.webapp.ApiClient.json;
import static io.listening.webapp.nowplaying.NowPlayingBroker.track;
import static org.assertj.core.api.Assertions.assertThat;

import io.listening.webapp.nowplaying.NowPlayingBroker;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * The API under a steady load of cache hits, cache misses, a listener's recommendations, now
 * playing and the totals, while the test stops Redis and starts it again, restarts the broker
 * (its log kept), and publishes a new warehouse build: no request of the load fails. Redis ({@link
 * RedisServer}) and the broker ({@link KafkaBrokerProcess}) are the test's own, so stopping them
 * disturbs no other test; the app keeps its production timeouts.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "vaadin.productionMode=true")
class LoadThroughOutagesIT {

  private static final Logger log = LoggerFactory.getLogger(LoadThroughOutagesIT.class);
  private static final int CLIENTS = 4;
  private static final Duration PHASE = Duration.ofSeconds(2);
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String LISTENER = "load-listener";

  private static final Path DATA_DIR = GoldWarehouse.newDataDir();
  private static final Path WAREHOUSE = DATA_DIR.resolve("warehouse/analytics.duckdb");
  private static final RedisServer REDIS = new RedisServer();
  private static final KafkaBrokerProcess BROKER = new KafkaBrokerProcess();
  private static final NowPlayingBroker KAFKA;

  static {
    BROKER.start();
    KAFKA = NowPlayingBroker.on(BROKER.bootstrapServers());
    try {
      REDIS.start();
      GoldWarehouse.publish(WAREHOUSE, "build-before-" + UUID.randomUUID());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    KAFKA.publish(LISTENER, playing(GoldWarehouse.TAKE_ON_ME, "Take On Me"));
  }

  @DynamicPropertySource
  static void ownRedisKafkaAndWarehouse(DynamicPropertyRegistry registry) {
    registry.add("spring.data.redis.host", () -> "127.0.0.1");
    registry.add("spring.data.redis.port", REDIS::port);
    registry.add("listening.now-playing.bootstrap-servers", KAFKA::bootstrapServers);
    registry.add("listening.warehouse.path", WAREHOUSE::toString);
    registry.add("listening.cache.key-prefix", () -> "load-it-" + UUID.randomUUID() + ":");
  }

  @LocalServerPort private int port;

  private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
  private final Map<String, AtomicInteger> answeredPerPhase =
      Collections.synchronizedMap(new LinkedHashMap<>());
  private volatile String phase;
  private volatile boolean loading = true;

  @AfterAll
  static void stopAll() throws Exception {
    KAFKA.close();
    BROKER.close();
    REDIS.close();
    FileSystemUtils.deleteRecursively(DATA_DIR);
  }

  @Test
  void noRequestFailsWhileRedisStopsTheBrokerRestartsAndANewBuildIsPublished() throws Exception {
    ApiClient api = new ApiClient(port);
    awaitUntil(() -> api.get("/api/users/" + LISTENER + "/now-playing").statusCode() == 200);
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    enter("steady");
    for (int client = 0; client < CLIENTS; client++) {
      int seed = client;
      clients.submit(() -> load(new ApiClient(port), seed));
    }
    Thread.sleep(PHASE.toMillis());

    enter("Redis stopped");
    REDIS.stop();
    Thread.sleep(PHASE.toMillis());

    enter("Redis started again");
    REDIS.start();
    Thread.sleep(PHASE.toMillis());

    enter("broker stopped");
    BROKER.stop();
    Thread.sleep(PHASE.toMillis());

    enter("broker started again");
    BROKER.start();
    KAFKA.publish(LISTENER, playing(GoldWarehouse.NEVER_GONNA, "Never Gonna Give You Up"));
    awaitUntil(() -> playingNow(api).equals(GoldWarehouse.NEVER_GONNA));

    enter("new build published");
    String newBuild = "build-after-" + UUID.randomUUID();
    GoldWarehouse.publish(WAREHOUSE, newBuild, GoldWarehouse.NEW_TRACK_SQL);
    awaitUntil(() -> firstRecommendation(api).equals(GoldWarehouse.RUNNING_UP));
    Thread.sleep(PHASE.toMillis());

    loading = false;
    clients.shutdown();
    assertThat(clients.awaitTermination(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

    log.info("Requests answered in each phase of the load: {}", answeredPerPhase);
    assertThat(failures).as("failed requests").isEmpty();
    assertThat(answeredPerPhase)
        .as("requests answered in each phase")
        .allSatisfy((name, answered) -> assertThat(answered.get()).as(name).isGreaterThan(10));
    HttpResponse<String> last = api.get("/api/recommendations/" + GoldWarehouse.NEVER_GONNA);
    assertThat(json(last).get("build_id").asText()).isEqualTo(newBuild);
  }

  /** Sends the load's requests in turn until the test ends, noting every answer that is not 200. */
  private void load(ApiClient api, int seed) {
    List<String> paths = new ArrayList<>();
    paths.add("/api/recommendations/" + GoldWarehouse.NEVER_GONNA + "?limit=3");
    paths.add(
        "/api/recommendations/" + GoldWarehouse.NEVER_GONNA + "?userId=" + GoldWarehouse.ALICE);
    paths.add("/api/users/" + GoldWarehouse.ALICE + "/recommendations");
    paths.add("/api/users/" + LISTENER + "/recommendations");
    paths.add("/api/users/" + LISTENER + "/now-playing");
    paths.add("/api/stats/totals");
    for (long request = seed; loading; request++) {
      // A limit that changes with every round keeps some requests cache misses.
      String path =
          request % (paths.size() + 1) == paths.size()
              ? "/api/recommendations/" + GoldWarehouse.TAKE_ON_ME + "?limit=" + (1 + request % 50)
              : paths.get((int) (request % (paths.size() + 1)));
      String during = phase;
      try {
        HttpResponse<String> response = api.get(path);
        if (response.statusCode() != 200) {
          failures.add(
              during + ": " + path + " answered " + response.statusCode() + " " + response.body());
        }
      } catch (RuntimeException e) {
        failures.add(during + ": " + path + " failed: " + e);
      }
      answeredPerPhase.get(during).incrementAndGet();
    }
  }

  private synchronized void enter(String name) {
    answeredPerPhase.put(name, new AtomicInteger());
    phase = name;
  }

  private static String playingNow(ApiClient api) {
    HttpResponse<String> response = api.get("/api/users/" + LISTENER + "/now-playing");
    return response.statusCode() == 200
        ? json(response).path("track").path("track_id").asText()
        : "";
  }

  private static String firstRecommendation(ApiClient api) {
    return json(api.get("/api/recommendations/" + GoldWarehouse.NEVER_GONNA))
        .path("recommendations")
        .path(0)
        .path("track_id")
        .asText();
  }

  private static Map<String, Object> playing(String trackId, String name) {
    return track(LISTENER, "playing", Instant.now(), trackId, name, "someone", 20_000, 200_000);
  }

  private static void awaitUntil(BooleanSupplier condition) throws InterruptedException {
    Instant deadline = Instant.now().plus(WAIT);
    while (!condition.getAsBoolean()) {
      assertThat(Instant.now()).as("waited %s", WAIT).isBefore(deadline);
      Thread.sleep(100);
    }
  }
}
