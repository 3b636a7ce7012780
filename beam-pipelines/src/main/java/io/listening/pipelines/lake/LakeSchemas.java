package io.listening.pipelines.lake;

import io.listening.events.PlayEvent;
import io.listening.pipelines.kafka.KafkaMessage;
import java.time.Instant;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * The Parquet schemas of the lake (see docs/data-contracts.md, section 2) and the conversions into
 * them. Timestamps are UTC-adjusted milliseconds, so every engine reads them as instants.
 */
public final class LakeSchemas {

  private static final Schema TIMESTAMP =
      LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG));

  public static final Schema PLAY_EVENT =
      SchemaBuilder.record("PlayEvent")
          .namespace("io.listening.lake")
          .fields()
          .requiredString("event_id")
          .requiredString("event_type")
          .requiredString("user_id")
          .requiredString("track_id")
          .requiredString("track_name")
          .requiredString("artist_name")
          .optionalString("album_name")
          .optionalLong("duration_ms")
          .requiredLong("ms_played")
          .name("played_at").type(TIMESTAMP).noDefault()
          .name("started_at").type().optional().type(TIMESTAMP)
          .optionalString("device_type")
          .optionalString("platform")
          .optionalString("context_uri")
          .optionalBoolean("shuffle")
          .optionalString("reason_start")
          .optionalString("reason_end")
          .optionalBoolean("skipped")
          .requiredString("source")
          .name("ingested_at").type(TIMESTAMP).noDefault()
          .requiredString("kafka_topic")
          .requiredInt("kafka_partition")
          .requiredLong("kafka_offset")
          .name("kafka_timestamp").type(TIMESTAMP).noDefault()
          .endRecord();

  public static final Schema DEAD_LETTER =
      SchemaBuilder.record("DeadLetter")
          .namespace("io.listening.lake")
          .fields()
          .requiredString("kafka_topic")
          .requiredInt("kafka_partition")
          .requiredLong("kafka_offset")
          .optionalString("payload")
          .requiredString("reason")
          .requiredString("batch")
          .endRecord();

  private LakeSchemas() {}

  public static GenericRecord playEvent(PlayEvent event, KafkaMessage origin) {
    GenericRecord record = new GenericData.Record(PLAY_EVENT);
    record.put("event_id", event.eventId());
    record.put("event_type", event.eventType());
    record.put("user_id", event.userId());
    record.put("track_id", event.trackId());
    record.put("track_name", event.trackName());
    record.put("artist_name", event.artistName());
    record.put("album_name", event.albumName());
    record.put("duration_ms", event.durationMs());
    record.put("ms_played", event.msPlayed());
    record.put("played_at", millis(event.playedAt()));
    record.put("started_at", millis(event.startedAt()));
    record.put("device_type", event.deviceType());
    record.put("platform", event.platform());
    record.put("context_uri", event.contextUri());
    record.put("shuffle", event.shuffle());
    record.put("reason_start", event.reasonStart());
    record.put("reason_end", event.reasonEnd());
    record.put("skipped", event.skipped());
    record.put("source", event.source());
    record.put("ingested_at", millis(event.ingestedAt()));
    record.put("kafka_topic", origin.topic());
    record.put("kafka_partition", origin.partition());
    record.put("kafka_offset", origin.offset());
    record.put("kafka_timestamp", origin.timestampMs());
    return record;
  }

  public static GenericRecord deadLetter(KafkaMessage origin, String reason, String batch) {
    GenericRecord record = new GenericData.Record(DEAD_LETTER);
    record.put("kafka_topic", origin.topic());
    record.put("kafka_partition", origin.partition());
    record.put("kafka_offset", origin.offset());
    record.put("payload", origin.value());
    record.put("reason", reason);
    record.put("batch", batch);
    return record;
  }

  /** The UTC instant of a lake timestamp field. */
  public static Instant instant(GenericRecord record, String field) {
    Object value = record.get(field);
    return value == null ? null : Instant.ofEpochMilli((Long) value);
  }

  private static Long millis(Instant instant) {
    return instant == null ? null : instant.toEpochMilli();
  }
}
