package io.listening.poller.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TopicSetupTest {

  @Test
  void aStoppedBrokerIsOneSentenceNamingKafkaTheAddressAndHowToStartIt() {
    String address = NoKafka.address();
    KafkaConfig config = new KafkaConfig(address, 3, (short) 1, Duration.ofMillis(1_500));
    long started = System.nanoTime();

    assertThatThrownBy(() -> TopicSetup.ensureTopics(config))
        .isInstanceOf(KafkaUnavailableException.class)
        .hasMessage(
            "Kafka did not answer at "
                + address
                + " within 1500 ms, so nothing was published. Start it with `bash ops/kafka.sh"
                + " start`, or point --bootstrap-servers (KAFKA_BOOTSTRAP_SERVERS) at a running"
                + " broker.");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void anAddressThatDoesNotResolveIsUnavailableToo() {
    KafkaConfig config =
        new KafkaConfig("kafka.invalid:9092", 3, (short) 1, Duration.ofMillis(1_500));

    assertThatThrownBy(() -> TopicSetup.ensureTopics(config))
        .isInstanceOf(KafkaUnavailableException.class)
        .hasMessageStartingWith("Kafka could not be reached at kafka.invalid:9092 (");
  }

  @Test
  void bootstrapServersMustBeHostAndPortPairs() {
    assertThatThrownBy(() -> new KafkaConfig("localhost", 3, (short) 1, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bootstrap-servers must look like host:port[,host:port]");
    assertThat(new KafkaConfig("a:1,b:19092", 3, (short) 1, Duration.ofSeconds(1)).partitions())
        .isEqualTo(3);
  }
}
