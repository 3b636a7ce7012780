package io.listening.pipelines.kafka;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * Turns a time window into exact offset ranges, one per topic partition.
 *
 * <p>The topics use broker arrival time as record timestamp, so in every partition timestamps grow
 * with offsets and {@code [first offset at or after start, first offset at or after end)} is exactly
 * the records that arrived in the window. Consecutive windows therefore tile the log with no gap and
 * no overlap, and once a window has passed its ranges never change: rerunning it reads the same
 * records. When no record exists at or after an instant, the partition's current end stands in for
 * it (Beam's own {@code withStopReadTime} fails in that case instead).
 */
public final class OffsetRanges {

  private OffsetRanges() {}

  public static List<OffsetRange> resolve(
      Consumer<?, ?> consumer, List<String> topics, Instant windowStart, Instant windowEnd) {
    if (!windowStart.isBefore(windowEnd)) {
      throw new IllegalArgumentException(
          "window start " + windowStart + " must be before window end " + windowEnd);
    }
    Map<String, List<PartitionInfo>> existing = consumer.listTopics();
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic : topics) {
      List<PartitionInfo> infos = existing.get(topic);
      if (infos == null) {
        throw new IllegalArgumentException(
            "topic '" + topic + "' does not exist; existing topics: " + existing.keySet());
      }
      infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
    }
    partitions.sort(
        Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition));

    Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions);
    Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
    Map<TopicPartition, Long> starts = offsetsAt(consumer, partitions, windowStart, end);
    Map<TopicPartition, Long> stops = offsetsAt(consumer, partitions, windowEnd, end);

    List<OffsetRange> ranges = new ArrayList<>();
    for (TopicPartition partition : partitions) {
      long start = Math.max(starts.get(partition), beginning.get(partition));
      long stop = Math.max(stops.get(partition), start);
      ranges.add(new OffsetRange(partition.topic(), partition.partition(), start, stop));
    }
    return ranges;
  }

  private static Map<TopicPartition, Long> offsetsAt(
      Consumer<?, ?> consumer,
      List<TopicPartition> partitions,
      Instant instant,
      Map<TopicPartition, Long> endOffsets) {
    Map<TopicPartition, Long> query =
        partitions.stream().collect(Collectors.toMap(p -> p, p -> instant.toEpochMilli()));
    Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query);
    Map<TopicPartition, Long> offsets = new HashMap<>();
    for (TopicPartition partition : partitions) {
      OffsetAndTimestamp hit = found.get(partition);
      offsets.put(partition, hit == null ? endOffsets.get(partition) : hit.offset());
    }
    return offsets;
  }

  public static long totalSize(List<OffsetRange> ranges) {
    return ranges.stream().mapToLong(OffsetRange::size).sum();
  }

  public static Set<String> topicsOf(List<OffsetRange> ranges) {
    return ranges.stream().map(OffsetRange::topic).collect(Collectors.toSet());
  }
}
