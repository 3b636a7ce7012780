package io.listening.pipelines.snowflake;

/**
 * What one load did: the batch's lake files, the rows they held (copied into the staging table), how
 * many of those were new to the bronze table (the others were in bronze already, or repeated an
 * event_id of the same batch), and the dead letters the batch holds now in the dead-letter table.
 */
public record SnowflakeLoadResult(
    String batch, int files, long stagedRows, long insertedRows, long deadLetters) {

  public long skippedRows() {
    return stagedRows - insertedRows;
  }
}
