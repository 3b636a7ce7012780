package io.listening.pipelines.bench;

import io.listening.events.PlayEventCodec;
import io.listening.events.Topics;
import io.listening.pipelines.kafka.KafkaMessage;
import io.listening.pipelines.lake.LakeSchemas;
import java.io.FileOutputStream;
import java.nio.channels.FileChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.io.parquet.ParquetIO;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The ceiling ops/bench/ingest.sh measures the pipeline against: one plain loop, no framework, that
 * reads every record of the topics with a {@code KafkaConsumer}, decodes it with the event codec and
 * appends it to one Parquet file with the lake's schema. It validates nothing, sorts nothing and
 * writes no dead letters, so it is faster than any correct job can be on the same machine.
 *
 * <pre>java -cp beam-pipelines.jar io.listening.pipelines.bench.PlainKafkaToParquet HOST:PORT OUT.parquet</pre>
 *
 * Prints one line: {@code records=<n> seconds=<s>}.
 */
public final class PlainKafkaToParquet {

  private PlainKafkaToParquet() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: PlainKafkaToParquet BOOTSTRAP_SERVERS OUTPUT_FILE");
      System.exit(2);
    }
    long started = System.nanoTime();
    long records = 0;
    try (KafkaConsumer<String, String> consumer =
            new KafkaConsumer<>(
                Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, args[0],
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                    ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000,
                    ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1 << 16,
                    ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 << 20),
                new StringDeserializer(),
                new StringDeserializer());
        FileChannel out = new FileOutputStream(args[1]).getChannel()) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (String topic : Arrays.asList(Topics.BATCH_TOPICS.split(","))) {
        for (PartitionInfo info : consumer.partitionsFor(topic)) {
          partitions.add(new TopicPartition(topic, info.partition()));
        }
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      ParquetIO.Sink sink = ParquetIO.sink(LakeSchemas.PLAY_EVENT);
      sink.open(out);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
          KafkaMessage message =
              new KafkaMessage(
                  record.topic(), record.partition(), record.offset(), record.timestamp(),
                  record.key(), record.value());
          sink.write(LakeSchemas.playEvent(PlayEventCodec.decode(record.value()), message));
          records++;
        }
      }
      sink.flush();
    }
    System.out.printf("records=%d seconds=%.2f%n", records, (System.nanoTime() - started) / 1e9);
  }
}
