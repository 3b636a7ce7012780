package io.listening.pipelines.ingest;

import io.listening.events.LocalDefaults;
import io.listening.events.Topics;
import io.listening.pipelines.snowflake.SnowflakeLoadOptions;
import org.apache.beam.sdk.io.aws2.options.S3Options;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.Validation;

/**
 * Options of {@link KafkaToLake}. Every option can be given as {@code --name=value}; the optional
 * Snowflake load's are in {@link SnowflakeLoadOptions}.
 *
 * <p>Extends Beam's {@link S3Options} for {@code s3://} lakes: Beam registers only their parent
 * {@code AwsOptions} ({@code --awsRegion}, {@code --endpoint}, {@code --awsCredentialsProvider}) with
 * the command line, so without this {@code --s3ClientFactoryClass} (path-style access) and {@code
 * --s3UploadBufferSizeBytes} would be refused as unknown.
 */
public interface IngestOptions extends S3Options, SnowflakeLoadOptions {

  @Description("Kafka bootstrap servers, host:port[,host:port]")
  @Default.String(LocalDefaults.KAFKA_BOOTSTRAP_SERVERS)
  String getBootstrapServers();

  void setBootstrapServers(String value);

  @Description("Comma-separated topics to read")
  @Default.String(Topics.BATCH_TOPICS)
  String getTopics();

  void setTopics(String value);

  @Description(
      "Root of the lake (required): a local folder or a Beam filesystem URI such as"
          + " s3://bucket/lake. Valid events go to <lakeDir>/plays, rejected ones to"
          + " <lakeDir>/dead_letter")
  @Validation.Required
  String getLakeDir();

  void setLakeDir(String value);

  @Description(
      "Start of the window of Kafka arrival times to read, an ISO-8601 instant (inclusive)."
          + " Defaults to the beginning of time: a backfill")
  @Default.String("1970-01-01T00:00:00Z")
  String getWindowStart();

  void setWindowStart(String value);

  @Description(
      "End of the window, an ISO-8601 instant (exclusive). Defaults to the moment the job starts."
          + " Must not be in the future")
  String getWindowEnd();

  void setWindowEnd(String value);

  @Description(
      "Rows each lake file sorts in memory before it spills a sorted run to the local temporary"
          + " folder; bounds memory per Kafka partition being written")
  @Default.Integer(100_000)
  int getSortBufferRows();

  void setSortBufferRows(int value);

  @Description("Fail a partition read when Kafka returns nothing for this many seconds")
  @Default.Integer(60)
  int getStallTimeoutSeconds();

  void setStallTimeoutSeconds(int value);
}
