package io.listening.pipelines.ingest;

import io.listening.pipelines.lake.HourPartition;
import io.listening.pipelines.lake.LakeSchemas;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.WriteFilesResult;
import org.apache.beam.sdk.io.parquet.ParquetIO;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;

/**
 * Writes lake rows as Parquet under {@code year=/month=/day=/hour=} of the UTC hour they arrived in
 * Kafka ({@code kafka_timestamp}), one fixed set of files per hour and batch: {@code
 * <batch>-00000-of-00001.parquet}. Partitioning by arrival, not by {@code played_at}, means a window
 * writes only the partitions of its own hours (years of imported history arriving in one hour are
 * one partition, not one per hour played) and a late event needs no special case. The fixed shard
 * count and the batch in the name make a rerun replace its own files and nothing else.
 */
final class WritePartitionedParquet
    extends PTransform<PCollection<GenericRecord>, WriteFilesResult<String>> {

  private final String directory;
  private final String batch;
  private final int shards;

  WritePartitionedParquet(String directory, String batch, int shards) {
    this.directory = directory;
    this.batch = batch;
    this.shards = shards;
  }

  @Override
  public WriteFilesResult<String> expand(PCollection<GenericRecord> rows) {
    String batchName = batch;
    return rows.apply(
        "WriteHourPartitions",
        FileIO.<String, GenericRecord>writeDynamic()
            .by(row -> HourPartition.of(LakeSchemas.instant(row, "kafka_timestamp")))
            .withDestinationCoder(StringUtf8Coder.of())
            .via(ParquetIO.sink(LakeSchemas.PLAY_EVENT))
            .to(directory)
            .withNaming(partition -> FileIO.Write.defaultNaming(partition + "/" + batchName, ".parquet"))
            .withNumShards(shards));
  }
}
