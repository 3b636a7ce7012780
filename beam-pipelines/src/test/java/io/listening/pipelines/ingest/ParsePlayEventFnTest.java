package io.listening.pipelines.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.listening.events.PlayEvent;
import io.listening.events.PlayEventCodec;
import io.listening.pipelines.kafka.KafkaMessage;
import io.listening.pipelines.lake.LakeSchemas;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTagList;
import org.junit.jupiter.api.Test;

class ParsePlayEventFnTest {

  private static final long ARRIVED_MS = Instant.parse("2026-12-01T09:30:00Z").toEpochMilli();

  private static final Instant WINDOW_END = Instant.parse("2024-06-01T12:00:00Z");

  @Test
  void validEventsBecomeLakeRowsAndEverythingElseADeadLetterWithReason() {
    PlayEvent valid = TestEvents.play("user-1", 0, Instant.parse("2024-06-01T10:03:00Z"));
    String validJson = PlayEventCodec.encode(valid);
    String validId = valid.eventId();
    Instant validPlayedAt = valid.playedAt();
    List<KafkaMessage> messages =
        List.of(
            new KafkaMessage("spotify-plays", 0, 0, ARRIVED_MS, "user-1", validJson),
            new KafkaMessage("spotify-plays", 0, 1, ARRIVED_MS, "user-1", "{broken"),
            new KafkaMessage(
                "spotify-plays", 0, 2, ARRIVED_MS, "user-1",
                validJson.replace("\"ms_played\":180000", "\"ms_played\":-3")),
            new KafkaMessage("spotify-plays", 0, 3, ARRIVED_MS, "user-2", validJson),
            new KafkaMessage("spotify-plays", 0, 4, ARRIVED_MS, "user-1", null));

    Pipeline pipeline = Pipeline.create(PipelineOptionsFactory.create());
    PCollectionTuple parsed = parse(pipeline, messages);

    PAssert.that(parsed.get(ParsePlayEventFn.VALID))
        .satisfies(
            rows -> {
              List<GenericRecord> list = toList(rows);
              assertThat(list).hasSize(1);
              GenericRecord row = list.get(0);
              assertThat(row.get("event_id").toString()).isEqualTo(validId);
              assertThat(LakeSchemas.instant(row, "played_at")).isEqualTo(validPlayedAt);
              assertThat(row.get("kafka_offset")).isEqualTo(0L);
              assertThat(LakeSchemas.instant(row, "kafka_timestamp"))
                  .isEqualTo(Instant.ofEpochMilli(ARRIVED_MS));
              return null;
            });
    PAssert.that(parsed.get(ParsePlayEventFn.DEAD_LETTER))
        .satisfies(
            rows -> {
              List<String> reasons = new ArrayList<>();
              for (GenericRecord row : rows) {
                reasons.add(row.get("kafka_offset") + ": " + row.get("reason"));
                assertThat(row.get("batch").toString()).isEqualTo("w1");
              }
              assertThat(reasons)
                  .hasSize(4)
                  .anyMatch(r -> r.startsWith("1: not valid JSON"))
                  .anyMatch(r -> r.startsWith("2: ms_played must not be negative"))
                  .anyMatch(r -> r.startsWith("3: record key 'user-2' differs from user_id"))
                  .anyMatch(r -> r.startsWith("4: empty payload"));
              return null;
            });
    pipeline.run().waitUntilFinish();
  }

  @Test
  void deadLetterKeepsTheOriginalPayload() {
    Pipeline pipeline = Pipeline.create(PipelineOptionsFactory.create());
    PCollectionTuple parsed =
        parse(pipeline, List.of(new KafkaMessage("spotify-plays", 2, 9, ARRIVED_MS, "k", "{\"ms_played\":\"x\"}")));

    PAssert.that(parsed.get(ParsePlayEventFn.DEAD_LETTER))
        .satisfies(
            rows -> {
              GenericRecord row = rows.iterator().next();
              assertThat(row.get("payload").toString()).isEqualTo("{\"ms_played\":\"x\"}");
              assertThat(row.get("kafka_partition")).isEqualTo(2);
              assertThat(row.get("reason").toString()).contains("ms_played must be an integer");
              return null;
            });
    pipeline.run().waitUntilFinish();
  }

  private static PCollectionTuple parse(Pipeline pipeline, List<KafkaMessage> messages) {
    PCollectionTuple parsed =
        pipeline
            .apply(Create.of(messages).withCoder(SerializableCoder.of(KafkaMessage.class)))
            .apply(
                ParDo.of(new ParsePlayEventFn("w1", WINDOW_END))
                    .withOutputTags(
                        ParsePlayEventFn.VALID, TupleTagList.of(ParsePlayEventFn.DEAD_LETTER)));
    parsed.get(ParsePlayEventFn.VALID).setCoder(AvroCoder.of(LakeSchemas.PLAY_EVENT));
    parsed.get(ParsePlayEventFn.DEAD_LETTER).setCoder(AvroCoder.of(LakeSchemas.DEAD_LETTER));
    return parsed;
  }

  private static List<GenericRecord> toList(Iterable<GenericRecord> rows) {
    return StreamSupport.stream(rows.spliterator(), false).toList();
  }
}
