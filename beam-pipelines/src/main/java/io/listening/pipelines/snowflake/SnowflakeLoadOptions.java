package io.listening.pipelines.snowflake;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * Options of the optional Snowflake load that follows a lake write ({@link SnowflakeLoad}). Off
 * unless {@code --snowflakeUrl} is set. Secrets never travel as options (options are logged and
 * shipped to runners): the password and the key passphrase are read from environment variables
 * whose names are options.
 */
public interface SnowflakeLoadOptions extends PipelineOptions {

  @Description(
      "JDBC URL of the Snowflake account, jdbc:snowflake://<account>.snowflakecomputing.com/."
          + " When unset, nothing is loaded into Snowflake")
  String getSnowflakeUrl();

  void setSnowflakeUrl(String value);

  @Description("Snowflake user the load connects as")
  @Default.String("LISTENING_LOADER")
  String getSnowflakeUser();

  void setSnowflakeUser(String value);

  @Description("Snowflake role of the load session")
  @Default.String("LISTENING_LOADER")
  String getSnowflakeRole();

  void setSnowflakeRole(String value);

  @Description("Snowflake warehouse that runs the COPY and the insert")
  @Default.String("LISTENING_LOAD_WH")
  String getSnowflakeWarehouse();

  void setSnowflakeWarehouse(String value);

  @Description("Snowflake database of the bronze table, the staging table and the stage")
  @Default.String("LISTENING")
  String getSnowflakeDatabase();

  void setSnowflakeDatabase(String value);

  @Description("Snowflake schema of the bronze table, the staging table and the stage (dbt's source schema)")
  @Default.String("LAKE")
  String getSnowflakeSchema();

  void setSnowflakeSchema(String value);

  @Description("Bronze table the plays are merged into, one row per event_id (dbt's source lake.plays)")
  @Default.String("PLAYS")
  String getSnowflakeTable();

  void setSnowflakeTable(String value);

  @Description("Staging table a batch's files are copied into before the merge")
  @Default.String("PLAYS_STAGING")
  String getSnowflakeStagingTable();

  void setSnowflakeStagingTable(String value);

  @Description(
      "Table that mirrors the lake's dead_letter folder, one row per rejected record and batch"
          + " (dbt's source lake.dead_letter)")
  @Default.String("DEAD_LETTER")
  String getSnowflakeDeadLetterTable();

  void setSnowflakeDeadLetterTable(String value);

  @Description("External stage whose URL is the lake root (--lakeDir)")
  @Default.String("LAKE_STAGE")
  String getSnowflakeStage();

  void setSnowflakeStage(String value);

  @Description(
      "Environment variable that holds the password (password authentication, used when no"
          + " --snowflakePrivateKeyFile is given)")
  @Default.String("SNOWFLAKE_PASSWORD")
  String getSnowflakePasswordEnv();

  void setSnowflakePasswordEnv(String value);

  @Description("PKCS#8 private key file (.p8) for key-pair authentication; replaces the password")
  String getSnowflakePrivateKeyFile();

  void setSnowflakePrivateKeyFile(String value);

  @Description("Environment variable that holds the passphrase of an encrypted private key file")
  @Default.String("SNOWFLAKE_PRIVATE_KEY_PASSPHRASE")
  String getSnowflakePrivateKeyPassphraseEnv();

  void setSnowflakePrivateKeyPassphraseEnv(String value);

  @Description("Give up connecting to Snowflake after this many seconds")
  @Default.Integer(60)
  int getSnowflakeLoginTimeoutSeconds();

  void setSnowflakeLoginTimeoutSeconds(int value);
}
