package io.listening.webapp;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The listening dashboard (Vaadin, at {@code /}) and the recommendation API (REST, at {@code
 * /api}), both reading the gold tables of the DuckDB warehouse that dbt publishes.
 *
 * <p>Run with {@code java -jar webapp/target/webapp.jar} from the repository root; see the module
 * README for the environment variables.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WebappApplication {

  public static void main(String[] args) {
    SpringApplication.run(WebappApplication.class, args);
  }
}
