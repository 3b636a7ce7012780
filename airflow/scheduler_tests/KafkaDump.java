import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Prints every record of the given topics as one tab-separated line: topic, partition, offset,
 * timestamp type, timestamp (epoch ms), value. The real-scheduler test's oracle: what the broker
 * holds, read with a plain consumer, independently of the Beam job. Run with Java's source launcher:
 * {@code java -cp <kafka classpath> KafkaDump.java <bootstrap> <topic>...}.
 */
public final class KafkaDump {
  public static void main(String[] args) {
    Properties props = new Properties();
    props.put("bootstrap.servers", args[0]);
    props.put("key.deserializer", StringDeserializer.class.getName());
    props.put("value.deserializer", StringDeserializer.class.getName());
    props.put("enable.auto.commit", "false");
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (int i = 1; i < args.length; i++) {
        consumer.partitionsFor(args[i]).forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
          System.out.println(String.join("\t", r.topic(), String.valueOf(r.partition()),
              String.valueOf(r.offset()), r.timestampType().name, String.valueOf(r.timestamp()),
              r.value().replace('\t', ' ').replace('\n', ' ')));
        }
      }
    }
  }
}
