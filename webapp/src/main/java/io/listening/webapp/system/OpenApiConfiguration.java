package io.listening.webapp.system;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Describes the API for springdoc: Swagger UI at {@code /docs}, OpenAPI JSON at {@code
 * /v3/api-docs}.
 *
 * <p>Features declare their own parameters and responses. What holds for every endpoint is added
 * here, so that the document says what the API does rather than what springdoc guesses: problem
 * details are {@code application/problem+json} with the fields Spring actually writes ({@code
 * instance} is the request path, a relative reference, not an absolute URI); other answers are
 * {@code application/json}; an operation with parameters can answer 400, and any operation answers
 * 406 (with no body) to an {@code Accept} header that allows neither and 415 to a {@code
 * Content-Type} that is not a media type ({@link ContentTypeFilter}).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  static final String PROBLEM_JSON = "application/problem+json";
  static final String PROBLEM_SCHEMA = "ProblemDetail";
  private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM_SCHEMA;

  @Bean
  OpenAPI listeningApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Listening data platform API")
                .description(
                    "Listening statistics, track recommendations and live playback state. "
                        + "Errors are RFC 9457 problem details (application/problem+json).")
                .version("v1"));
  }

  @Bean
  OpenApiCustomizer responsesAsTheApiAnswersThem() {
    return api -> {
      api.getComponents().addSchemas(PROBLEM_SCHEMA, problemDetail());
      if (api.getPaths() == null) {
        return;
      }
      api.getPaths()
          .values()
          .forEach(path -> path.readOperations().forEach(OpenApiConfiguration::complete));
    };
  }

  private static void complete(Operation operation) {
    ApiResponses responses = operation.getResponses();
    boolean hasParameters =
        operation.getParameters() != null && !operation.getParameters().isEmpty();
    if (hasParameters && !responses.containsKey("400")) {
      responses.addApiResponse(
          "400", problemResponse("A parameter breaks its rule; the detail names it"));
    }
    responses.putIfAbsent(
        "415", problemResponse("The Content-Type header is not one concrete media type"));
    responses.putIfAbsent(
        "406",
        new ApiResponse().description("The Accept header allows neither JSON nor problem JSON"));
    responses.forEach(
        (status, response) -> {
          Content content = response.getContent();
          if (content == null) {
            return;
          }
          // springdoc files a problem under the operation's declared type (*/* when it declares
          // none, application/json when it produces JSON); the API writes it as problem JSON.
          for (String declared : List.of("*/*", "application/json")) {
            MediaType type = content.get(declared);
            if (type == null) {
              continue;
            }
            boolean problem =
                type.getSchema() != null && PROBLEM_REF.equals(type.getSchema().get$ref());
            if (problem || declared.equals("*/*")) {
              content.remove(declared);
              content.addMediaType(problem ? PROBLEM_JSON : "application/json", type);
            }
          }
        });
  }

  private static ApiResponse problemResponse(String description) {
    return new ApiResponse()
        .description(description)
        .content(
            new Content()
                .addMediaType(
                    PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref(PROBLEM_REF))));
  }

  /**
   * RFC 9457 as Spring's {@code ProblemDetail} serializes it: springdoc's reflection of the class
   * would declare {@code instance} an absolute URI and a {@code properties} field that never
   * appears (its entries are written as top-level members).
   */
  @SuppressWarnings("rawtypes")
  private static Schema problemDetail() {
    Map<String, Schema> fields = new LinkedHashMap<>();
    fields.put(
        "type",
        new StringSchema()
            .format("uri-reference")
            .description("Identifies the problem type; about:blank when it is only the status")
            ._default("about:blank"));
    fields.put("title", new StringSchema().description("Short summary of the problem type"));
    fields.put("status", new IntegerSchema().description("The HTTP status code"));
    fields.put("detail", new StringSchema().description("What went wrong with this request"));
    fields.put(
        "instance",
        new StringSchema()
            .format("uri-reference")
            .description("The request path, e.g. /api/recommendations/abc"));
    ObjectSchema schema = new ObjectSchema();
    schema.setProperties(fields);
    schema.setRequired(List.of("type", "title", "status"));
    schema.setAdditionalProperties(Boolean.TRUE);
    schema.setDescription("An RFC 9457 problem detail; never carries a stack trace");
    return schema;
  }
}
