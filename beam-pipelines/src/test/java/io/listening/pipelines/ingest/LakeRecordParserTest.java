package io.listening.pipelines.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.listening.events.PlayEvent;
import io.listening.events.PlayEventCodec;
import io.listening.pipelines.kafka.KafkaMessage;
import io.listening.pipelines.lake.LakeSchemas;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

class LakeRecordParserTest {

  private static final long ARRIVED_MS = Instant.parse("2026-12-01T09:30:00Z").toEpochMilli();
  private static final Instant WINDOW_END = Instant.parse("2024-06-01T12:00:00Z");

  private final LakeRecordParser parser = new LakeRecordParser("w1", WINDOW_END);
  private final List<GenericRecord> valid = new ArrayList<>();
  private final List<GenericRecord> rejected = new ArrayList<>();

  @Test
  void validEventsBecomeLakeRowsAndEverythingElseADeadLetterWithReason() {
    PlayEvent event = TestEvents.play("user-1", 0, Instant.parse("2024-06-01T10:03:00Z"));
    String json = PlayEventCodec.encode(event);

    parse(new KafkaMessage("spotify-plays", 0, 0, ARRIVED_MS, "user-1", json));
    parse(new KafkaMessage("spotify-plays", 0, 1, ARRIVED_MS, "user-1", "{broken"));
    parse(
        new KafkaMessage(
            "spotify-plays", 0, 2, ARRIVED_MS, "user-1",
            json.replace("\"ms_played\":180000", "\"ms_played\":-3")));
    parse(new KafkaMessage("spotify-plays", 0, 3, ARRIVED_MS, "user-2", json));
    parse(new KafkaMessage("spotify-plays", 0, 4, ARRIVED_MS, "user-1", null));

    assertThat(valid).hasSize(1);
    GenericRecord row = valid.get(0);
    assertThat(row.get("event_id").toString()).isEqualTo(event.eventId());
    assertThat(LakeSchemas.instant(row, "played_at")).isEqualTo(event.playedAt());
    assertThat(row.get("kafka_offset")).isEqualTo(0L);
    assertThat(LakeSchemas.instant(row, "kafka_timestamp")).isEqualTo(Instant.ofEpochMilli(ARRIVED_MS));
    assertThat(rejected)
        .allSatisfy(dead -> assertThat(dead.get("batch")).isEqualTo("w1"))
        .extracting(dead -> dead.get("kafka_offset") + ": " + dead.get("reason"))
        .hasSize(4)
        .anyMatch(r -> r.startsWith("1: not valid JSON"))
        .anyMatch(r -> r.startsWith("2: ms_played must not be negative"))
        .anyMatch(r -> r.startsWith("3: record key 'user-2' differs from user_id"))
        .anyMatch(r -> r.startsWith("4: empty payload"));
  }

  @Test
  void deadLetterKeepsTheOriginalPayload() {
    parse(new KafkaMessage("spotify-plays", 2, 9, ARRIVED_MS, "k", "{\"ms_played\":\"x\"}"));

    assertThat(valid).isEmpty();
    GenericRecord row = rejected.get(0);
    assertThat(row.get("payload")).isEqualTo("{\"ms_played\":\"x\"}");
    assertThat(row.get("kafka_partition")).isEqualTo(2);
    assertThat(row.get("reason").toString()).contains("ms_played must be an integer");
  }

  private void parse(KafkaMessage message) {
    LakeRecordParser.Parsed parsed = parser.parse(message);
    (parsed.valid() ? valid : rejected).add(parsed.row());
  }
}
