package io.listening.webapp.system;

import static io.listening.webapp.ApiClient.contentType;
import static io.listening.webapp.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.listening.webapp.ApiClient;
import io.listening.webapp.GoldWarehouse;
import java.io.IOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * Requests the API cannot use get a 4xx problem detail, and the OpenAPI document describes problem
 * details and media types as the API writes them.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "vaadin.productionMode=true")
class ProblemResponsesIT {

  private static final Path DATA_DIR = GoldWarehouse.newDataDir();
  private static final Path WAREHOUSE = DATA_DIR.resolve("warehouse/analytics.duckdb");
  private static final String TRACK = GoldWarehouse.NEVER_GONNA;

  @DynamicPropertySource
  static void warehouse(DynamicPropertyRegistry registry) {
    registry.add("listening.warehouse.path", WAREHOUSE::toString);
  }

  @LocalServerPort private int port;
  private ApiClient api;

  @BeforeAll
  static void publish() throws Exception {
    GoldWarehouse.publish(WAREHOUSE, "build-problems");
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
  void multipartContentTypeWithoutBoundaryIsIgnoredByAnEndpointThatReadsNoBody() {
    HttpResponse<String> response =
        api.send(
            api.request("/api/stats/totals")
                .header("Content-Type", "multipart/form-data")
                .method("GET", BodyPublishers.ofString("x"))
                .build());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(json(response).get("total_plays").asLong()).isEqualTo(GoldWarehouse.TOTAL_PLAYS);
  }

  @Test
  void multipartContentTypeWithoutBoundaryIsA400WhereParametersAreRead() {
    HttpResponse<String> response =
        api.send(
            api.request("/api/recommendations/" + TRACK + "?limit=3")
                .header("Content-Type", "multipart/form-data")
                .method("GET", BodyPublishers.ofString("x"))
                .build());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(contentType(response)).isEqualTo("application/problem+json");
    assertThat(json(response).get("detail").asText())
        .startsWith("The multipart body cannot be read")
        .contains("boundary");
    assertThat(json(response).get("instance").asText())
        .isEqualTo("/api/recommendations/" + TRACK);
  }

  @Test
  void problemDetailSchemaDeclaresInstanceAsAReferenceAndNoPropertiesField() {
    JsonNode problem = json(api.get("/v3/api-docs")).at("/components/schemas/ProblemDetail");

    assertThat(problem.at("/properties/instance/format").asText()).isEqualTo("uri-reference");
    assertThat(problem.at("/properties/type/format").asText()).isEqualTo("uri-reference");
    assertThat(problem.get("properties").has("properties")).isFalse();
    assertThat(problem.get("additionalProperties").asBoolean()).isTrue();
  }

  @Test
  void everyOperationDeclaresItsMediaTypesAndProblemResponses() {
    JsonNode paths = json(api.get("/v3/api-docs")).get("paths");

    assertThat(paths.size()).isGreaterThanOrEqualTo(4);
    paths.forEach(
        path ->
            path.forEach(
                operation -> {
                  JsonNode responses = operation.get("responses");
                  assertThat(responses.has("406")).as(operation.toString()).isTrue();
                  if (operation.has("parameters")) {
                    assertThat(responses.has("400")).as(operation.toString()).isTrue();
                  }
                  responses
                      .properties()
                      .forEach(
                          response -> {
                            JsonNode content = response.getValue().get("content");
                            if (content == null) {
                              return;
                            }
                            assertThat(content.has("*/*")).as(operation.toString()).isFalse();
                            if (response.getKey().startsWith("2")) {
                              assertThat(content.has("application/json")).isTrue();
                            } else {
                              assertThat(content.has("application/problem+json"))
                                  .as(response.toString())
                                  .isTrue();
                            }
                          });
                }));
  }

  @Test
  void userIdParameterDeclaresTheContractsPattern() {
    JsonNode userId =
        json(api.get("/v3/api-docs"))
            .at("/paths/~1api~1users~1{userId}~1now-playing/get/parameters/0");

    assertThat(userId.get("name").asText()).isEqualTo("userId");
    assertThat(userId.at("/schema/pattern").asText())
        .isEqualTo(io.listening.events.UserIds.PATTERN);
  }

  @Test
  void statsTotalsDeclaresTheWarehouseUnavailableAnswer() {
    JsonNode responses =
        json(api.get("/v3/api-docs")).at("/paths/~1api~1stats~1totals/get/responses");

    assertThat(responses.has("200")).isTrue();
    assertThat(responses.has("503")).isTrue();
  }
}
