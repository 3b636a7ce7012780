package io.listening.pipelines.snowflake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.function.UnaryOperator;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnowflakeLoadConfigTest {

  private static final String URL = "jdbc:snowflake://xy12345.eu-central-1.snowflakecomputing.com/";
  private static final UnaryOperator<String> ENV =
      Map.of("SNOWFLAKE_PASSWORD", "s3cret", "KEY_PASS", "k3y-s3cret")::get;

  @Test
  void withoutAUrlThereIsNoLoad() {
    assertThat(SnowflakeLoadConfig.of(options(), ENV)).isEmpty();
    assertThat(SnowflakeLoadConfig.of(options("--snowflakeUrl= "), ENV)).isEmpty();
  }

  @Test
  void theDefaultsNameTheObjectsOfSetupSqlAndAskForJsonResultsInUtc() {
    SnowflakeLoadConfig config = SnowflakeLoadConfig.of(options("--snowflakeUrl=" + URL), ENV).orElseThrow();

    assertThat(config.qualified(config.table())).isEqualTo("LISTENING.LAKE.PLAYS");
    assertThat(config.qualified(config.stagingTable())).isEqualTo("LISTENING.LAKE.PLAYS_STAGING");
    assertThat(config.qualified(config.stage())).isEqualTo("LISTENING.LAKE.LAKE_STAGE");
    Properties properties = config.connectionProperties();
    assertThat(properties)
        .containsEntry("user", "LISTENING_LOADER")
        .containsEntry("password", "s3cret")
        .containsEntry("role", "LISTENING_LOADER")
        .containsEntry("warehouse", "LISTENING_LOAD_WH")
        .containsEntry("db", "LISTENING")
        .containsEntry("schema", "LAKE")
        .containsEntry("loginTimeout", "60")
        .containsEntry("JDBC_QUERY_RESULT_FORMAT", "JSON")
        .containsEntry("TIMEZONE", "UTC")
        .doesNotContainKey("private_key_file");
    assertThat(config.toString()).doesNotContain("s3cret");
  }

  @Test
  void aPrivateKeyFileReplacesThePassword(@TempDir Path dir) throws Exception {
    Path key = Files.writeString(dir.resolve("rsa_key.p8"), "not read here");

    SnowflakeLoadConfig config =
        SnowflakeLoadConfig.of(
                options("--snowflakeUrl=" + URL, "--snowflakePrivateKeyFile=" + key,
                    "--snowflakePrivateKeyPassphraseEnv=KEY_PASS"),
                ENV)
            .orElseThrow();

    assertThat(config.connectionProperties())
        .containsEntry("private_key_file", key.toString())
        .containsEntry("private_key_file_pwd", "k3y-s3cret")
        .doesNotContainKey("password");
    assertThat(config.toString()).doesNotContain("k3y-s3cret");
  }

  @Test
  void wrongSettingsAreRefusedWithTheOptionNamed() {
    assertThatThrownBy(() -> SnowflakeLoadConfig.of(options("--snowflakeUrl=https://xy12345.snowflakecomputing.com"), ENV))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("--snowflakeUrl must be a Snowflake JDBC URL such as jdbc:snowflake://");
    assertThatThrownBy(() -> SnowflakeLoadConfig.of(options("--snowflakeUrl=" + URL), name -> null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "--snowflakeUrl is set but the environment variable SNOWFLAKE_PASSWORD (named by"
                + " --snowflakePasswordEnv) holds no password; set it, or give"
                + " --snowflakePrivateKeyFile for key-pair authentication");
    assertThatThrownBy(
            () -> SnowflakeLoadConfig.of(options("--snowflakeUrl=" + URL, "--snowflakePrivateKeyFile=/no/such/key.p8"), ENV))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--snowflakePrivateKeyFile /no/such/key.p8 does not exist or cannot be read");
    assertThatThrownBy(
            () -> SnowflakeLoadConfig.of(options("--snowflakeUrl=" + URL, "--snowflakeTable=PLAYS; DROP TABLE X"), ENV))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("--snowflakeTable must be a plain Snowflake identifier");
    assertThatThrownBy(() -> SnowflakeLoadConfig.of(options("--snowflakeUrl=" + URL, "--snowflakeSchema="), ENV))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--snowflakeSchema must not be empty when --snowflakeUrl is set");
    assertThatThrownBy(
            () -> SnowflakeLoadConfig.of(options("--snowflakeUrl=" + URL, "--snowflakeLoginTimeoutSeconds=0"), ENV))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--snowflakeLoginTimeoutSeconds must be at least 1, got 0");
  }

  static SnowflakeLoadOptions options(String... args) {
    return PipelineOptionsFactory.fromArgs(args).as(SnowflakeLoadOptions.class);
  }
}
