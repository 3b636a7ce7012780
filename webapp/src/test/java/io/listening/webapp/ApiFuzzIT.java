package io.listening.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.listening.webapp.nowplaying.NowPlayingBroker;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * Sends thousands of malformed requests to every endpoint of the running app (the API's paths as
 * its OpenAPI document lists them, actuator, the docs) and asserts that none is answered with a
 * 5xx or carries a stack trace. Requests are written to a raw socket, so they can be what no HTTP
 * client would send: bad percent escapes, control characters, broken multipart and JSON bodies,
 * garbage headers. Everything the app can use is up (a warehouse, Redis at {@code REDIS_PORT},
 * Kafka, an admin key, a pipeline command), so any 5xx is a bug and not an outage. The seed is
 * printed with every failure; {@code -Dfuzz.seed=} replays a run, {@code -Dfuzz.requests=}
 * changes its size.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "vaadin.productionMode=true",
      "listening.admin.api-key=fuzz-admin-key",
      // A pipeline command that does nothing, so that a fuzzed POST with the key starts a run.
      "listening.pipeline.command=true",
      "spring.data.redis.timeout=5s",
      "spring.data.redis.connect-timeout=5s"
    })
class ApiFuzzIT {

  private static final long SEED = Long.getLong("fuzz.seed", System.nanoTime());
  private static final int REQUESTS = Integer.getInteger("fuzz.requests", 3000);
  private static final Path DATA_DIR = GoldWarehouse.newDataDir();
  private static final Path WAREHOUSE = DATA_DIR.resolve("warehouse/analytics.duckdb");
  private static final NowPlayingBroker KAFKA = NowPlayingBroker.start();

  /** A Java stack frame, "at io.x.Y.method(Y.java:12)", or an exception's class name. */
  private static final Pattern STACK_TRACE =
      Pattern.compile("\\bat [\\w$.]+\\([\\w$]+\\.java:\\d+\\)|\\b[\\w.]+\\.[A-Z]\\w*Exception\\b");

  private static final String[] METHODS = {"GET", "GET", "GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE", "FOO"};

  private static final String[] VALUES = {
    "", " ", "%20", "%00", "%0d%0a", "%2F", "%2e%2e", "..", "%", "%Z", "%ZZ", "%C3%28", "%FF%FE",
    "-1", "0", "1", "50", "51", "2147483648", "99999999999999999999999", "1e3", "NaN", "null",
    "true", "[]", "{}", "'%20OR%201=1--", "%3Cscript%3E", "%24%7Bjndi:ldap://x%7D", "%F0%9F%8E%B5",
    "%E2%80%AE", "4uLU6hMCjMI75M1A2tKUQC", "0000000000000000000000", "derived-XYZ",
    "derived-0123456789abcdef0123456789abcdef", "alice", ".hidden", "a;b", "a%3Bb", "recommendations",
    "x".repeat(300), "9".repeat(5000)
  };

  private static final String[] CONTENT_TYPES = {
    "multipart/form-data", "multipart/form-data; boundary=", "multipart/form-data; boundary=xyz",
    "multipart/mixed", "application/json", "application/json; charset=nope", "application/problem+json",
    "application/x-www-form-urlencoded", "text/plain", "application/xml", ";;;", "*/*", "", "x/y/z",
    "application/octet-stream"
  };

  private static final String[] ACCEPTS = {
    "application/json", "application/problem+json", "text/html", "*/*", "???", "", "image/png",
    "application/json;q=abc", "text/event-stream", "application/yaml"
  };

  private static final String[] BODIES = {
    "", "{", "{\"a\":", "[1,2", "null", "{\"limit\":\"x\"}", "--xyz\r\nContent-Disposition: form-data\r\n\r\nx",
    "--xyz\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.zip\"\r\n\r\nPK\u0003\u0004\r\n--xyz--\r\n",
    "a=%%&b=%ZZ&limit=abc", "<xml>", "\u0000\u0001\u0002"
  };

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    registry.add("listening.warehouse.path", WAREHOUSE::toString);
    registry.add("listening.now-playing.bootstrap-servers", KAFKA::bootstrapServers);
  }

  @LocalServerPort private int port;

  @BeforeAll
  static void publish() throws Exception {
    GoldWarehouse.publish(WAREHOUSE, "build-fuzz");
  }

  @AfterAll
  static void cleanUp() throws IOException {
    KAFKA.close();
    FileSystemUtils.deleteRecursively(DATA_DIR);
  }

  @Test
  void noMalformedRequestGetsA5xxOrAStackTrace() throws IOException {
    List<String> templates = pathTemplates();
    assertThat(templates).as("paths of /v3/api-docs").hasSizeGreaterThanOrEqualTo(4);
    templates.addAll(List.of("/actuator/health", "/actuator/prometheus", "/v3/api-docs", "/docs"));
    Random random = new Random(SEED);
    TreeMap<Integer, Integer> statuses = new TreeMap<>();
    List<String> failures = new ArrayList<>();

    for (int i = 0; i < REQUESTS && failures.size() < 10; i++) {
      String request = request(random, templates.get(random.nextInt(templates.size())));
      Answer answer = send(request);
      statuses.merge(answer.status(), 1, Integer::sum);
      if (answer.status() >= 500 || answer.status() < 100 || STACK_TRACE.matcher(answer.body()).find()) {
        failures.add(
            answer.status() + " for\n" + request.substring(0, Math.min(600, request.length()))
                + "\n-> " + answer.body().substring(0, Math.min(600, answer.body().length())));
      }
    }

    System.out.printf("Fuzzed %d requests (seed %d): statuses %s%n", REQUESTS, SEED, statuses);
    assertThat(failures).as("seed %d, statuses %s", SEED, statuses).isEmpty();
    assertThat(statuses.keySet()).as("the fuzzer reached handlers, not only the parser").contains(200, 400, 404);
  }

  private List<String> pathTemplates() {
    JsonNode paths = ApiClient.json(new ApiClient(port).get("/v3/api-docs")).get("paths");
    List<String> templates = new ArrayList<>();
    for (Iterator<String> names = paths.fieldNames(); names.hasNext(); ) {
      templates.add(names.next());
    }
    return templates;
  }

  private static String request(Random random, String template) {
    StringBuilder path = new StringBuilder(template.replaceAll("\\{[^}]+}", "%s"));
    String target = path.toString();
    while (target.contains("%s")) {
      target = target.replaceFirst("%s", java.util.regex.Matcher.quoteReplacement(pick(random, VALUES)));
    }
    if (random.nextInt(4) == 0) {
      target += pick(random, new String[] {"/", "//", "/x", ";jsessionid=1", "/..", "%2F..", ".json", "~"});
    }
    if (random.nextBoolean()) {
      StringBuilder query = new StringBuilder("?");
      int parameters = 1 + random.nextInt(3);
      for (int p = 0; p < parameters; p++) {
        query.append(pick(random, new String[] {"limit", "userId", "x", "", "limit[]", "%ZZ"}))
            .append(random.nextInt(5) == 0 ? "" : "=" + pick(random, VALUES))
            .append('&');
      }
      target += query;
    }
    String method = pick(random, METHODS);
    String body = random.nextInt(3) == 0 ? "" : pick(random, BODIES);
    if (random.nextInt(10) == 0) {
      body = randomBytes(random, 1 + random.nextInt(2000));
    }
    StringBuilder request = new StringBuilder();
    request.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
    request.append("Host: 127.0.0.1\r\n");
    if (random.nextBoolean()) {
      request.append("Content-Type: ").append(pick(random, CONTENT_TYPES)).append("\r\n");
    }
    if (random.nextBoolean()) {
      request.append("Accept: ").append(pick(random, ACCEPTS)).append("\r\n");
    }
    if (random.nextInt(3) == 0) {
      request.append("X-API-Key: ").append(pick(random, new String[] {"", "fuzz-admin-key", "wrong", "\u00e9"})).append("\r\n");
    }
    if (random.nextInt(6) == 0) {
      request.append(pick(random, new String[] {
        "Range: bytes=abc", "If-None-Match: ***", "Accept-Language: ;;", "Cookie: JSESSIONID=%%%",
        "Accept-Encoding: nope", "Origin: null", "X-Forwarded-For: ::::", "Expect: 100-continue",
        "Accept-Charset: utf-99"})).append("\r\n");
    }
    byte[] bytes = body.getBytes(StandardCharsets.ISO_8859_1);
    if (bytes.length > 0 || !method.equals("GET")) {
      request.append("Content-Length: ").append(bytes.length).append("\r\n");
    }
    request.append("Connection: close\r\n\r\n").append(body);
    return request.toString();
  }

  private Answer send(String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream response = new ByteArrayOutputStream();
      in.transferTo(response);
      String text = response.toString(StandardCharsets.ISO_8859_1);
      // An interim "100 Continue" (for Expect: 100-continue) precedes the real answer.
      while (text.startsWith("HTTP/1.1 100") && text.contains("\r\n\r\n")) {
        text = text.substring(text.indexOf("\r\n\r\n") + 4);
      }
      if (!text.startsWith("HTTP/1.1 ")) {
        return new Answer(0, text);
      }
      int status = Integer.parseInt(text.substring(9, 12));
      int bodyStart = text.indexOf("\r\n\r\n");
      return new Answer(status, bodyStart < 0 ? "" : text.substring(bodyStart + 4));
    }
  }

  private static String pick(Random random, String[] values) {
    return values[random.nextInt(values.length)];
  }

  private static String randomBytes(Random random, int length) {
    char[] chars = new char[length];
    for (int i = 0; i < length; i++) {
      chars[i] = (char) random.nextInt(256);
    }
    return new String(chars);
  }

  private record Answer(int status, String body) {}
}
