package io.listening.webapp.system;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Describes the API for springdoc: Swagger UI at {@code /docs}, OpenAPI JSON at {@code
 * /v3/api-docs}.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  @Bean
  OpenAPI listeningApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Listening data platform API")
                .description(
                    "Listening statistics and track recommendations from the gold warehouse. "
                        + "Errors are RFC 9457 problem details.")
                .version("v1"));
  }
}
