package io.listening.pipelines.ingest;

import io.listening.events.InvalidEventException;
import io.listening.events.PlayEvent;
import io.listening.events.PlayEventCodec;
import io.listening.events.PlayEventValidator;
import io.listening.pipelines.kafka.KafkaMessage;
import io.listening.pipelines.lake.LakeSchemas;
import java.time.Instant;
import org.apache.avro.generic.GenericRecord;

/**
 * Decodes and validates one Kafka record. A valid event becomes a lake row; every other record
 * becomes a dead letter with its original payload and the reason, so nothing read is ever dropped.
 */
final class LakeRecordParser {

  private final String batch;
  private final Instant windowEnd;

  /**
   * @param windowEnd the instant validation treats as "now", so a rerun judges records exactly as
   *     the first run did
   */
  LakeRecordParser(String batch, Instant windowEnd) {
    this.batch = batch;
    this.windowEnd = windowEnd;
  }

  /** A record as the lake keeps it: a lake row, or a dead letter with the reason. */
  record Parsed(boolean valid, GenericRecord row) {}

  Parsed parse(KafkaMessage message) {
    try {
      PlayEvent event =
          PlayEventValidator.requireValid(PlayEventCodec.decode(message.value()), windowEnd);
      if (message.key() != null && !message.key().equals(event.userId())) {
        throw new InvalidEventException(
            "record key '" + message.key() + "' differs from user_id '" + event.userId() + "'");
      }
      return new Parsed(true, LakeSchemas.playEvent(event, message));
    } catch (InvalidEventException e) {
      return new Parsed(false, LakeSchemas.deadLetter(message, e.getMessage(), batch));
    }
  }
}
