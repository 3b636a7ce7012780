package io.listening.pipelines.snowflake;

/**
 * What one load did: the batch's lake files, the rows they held (copied into the staging table) and
 * how many of those were new to the bronze table. The others were in bronze already, or repeated an
 * event_id of the same batch.
 */
public record SnowflakeLoadResult(String batch, int files, long stagedRows, long insertedRows) {

  public long skippedRows() {
    return stagedRows - insertedRows;
  }
}
