package io.listening.pipelines.ingest;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.listening.events.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class KafkaUnavailableTest {

  @Test
  void planningAgainstABrokerThatDoesNotAnswerFailsWithOneSentenceNamingTheAddress() {
    BatchWindow window =
        BatchWindow.of(
            "2024-06-01T10:00:00Z",
            "2024-06-01T11:00:00Z",
            Clock.fixed(Instant.parse("2024-06-02T00:00:00Z"), ZoneOffset.UTC));

    assertThatThrownBy(
            () ->
                KafkaToLake.resolveRanges(
                    "127.0.0.1:1", Topics.ALL, window, Duration.ofSeconds(2)))
        .isInstanceOf(KafkaUnavailableException.class)
        .hasMessageStartingWith("Kafka did not answer at 127.0.0.1:1 within 2 s")
        .hasMessageContaining("bash ops/kafka.sh start");
  }
}
