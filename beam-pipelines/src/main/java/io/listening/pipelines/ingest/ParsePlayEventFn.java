package io.listening.pipelines.ingest;

import io.listening.events.InvalidEventException;
import io.listening.events.PlayEvent;
import io.listening.events.PlayEventCodec;
import io.listening.events.PlayEventValidator;
import io.listening.pipelines.kafka.KafkaMessage;
import io.listening.pipelines.lake.LakeSchemas;
import java.time.Instant;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.TupleTag;

/**
 * Decodes and validates one Kafka record. Valid events leave on {@link #VALID} as lake rows; every
 * other record leaves on {@link #DEAD_LETTER} with its original payload and the reason, so nothing
 * read is ever dropped.
 */
final class ParsePlayEventFn extends DoFn<KafkaMessage, GenericRecord> {

  static final TupleTag<GenericRecord> VALID = new TupleTag<>() {};
  static final TupleTag<GenericRecord> DEAD_LETTER = new TupleTag<>() {};

  private final String batch;
  private final Instant windowEnd;
  private final Counter valid = Metrics.counter(ParsePlayEventFn.class, "valid_events");
  private final Counter rejected = Metrics.counter(ParsePlayEventFn.class, "dead_letters");

  /**
   * @param windowEnd the instant validation treats as "now", so a rerun judges records exactly as
   *     the first run did
   */
  ParsePlayEventFn(String batch, Instant windowEnd) {
    this.batch = batch;
    this.windowEnd = windowEnd;
  }

  @ProcessElement
  public void processElement(@Element KafkaMessage message, MultiOutputReceiver out) {
    try {
      PlayEvent event = PlayEventValidator.requireValid(PlayEventCodec.decode(message.value()), windowEnd);
      if (message.key() != null && !message.key().equals(event.userId())) {
        throw new InvalidEventException(
            "record key '" + message.key() + "' differs from user_id '" + event.userId() + "'");
      }
      out.get(VALID).output(LakeSchemas.playEvent(event, message));
      valid.inc();
    } catch (InvalidEventException e) {
      out.get(DEAD_LETTER).output(LakeSchemas.deadLetter(message, e.getMessage(), batch));
      rejected.inc();
    }
  }
}
