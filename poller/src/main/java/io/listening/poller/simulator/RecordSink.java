package io.listening.poller.simulator;

import io.listening.events.PlayEvent;
import io.listening.events.PlayEventCodec;
import io.listening.poller.kafka.EventPublisher;

/** Where simulated records go: Kafka, or nowhere for a dry run. */
interface RecordSink {

  void publish(PlayEvent event);

  /** A deliberately malformed record, as text. */
  void publishRaw(String topic, String key, String payload);

  static RecordSink kafka(EventPublisher publisher) {
    return new RecordSink() {
      @Override
      public void publish(PlayEvent event) {
        publisher.publish(event);
      }

      @Override
      public void publishRaw(String topic, String key, String payload) {
        publisher.publishRaw(topic, key, payload);
      }
    };
  }

  /**
   * Encodes every event as publishing would, then drops it: a dry run costs what a real one costs
   * before Kafka, which is what {@code ops/bench/simulator.sh} measures.
   */
  static RecordSink discarding() {
    return new RecordSink() {
      private long bytes;

      @Override
      public void publish(PlayEvent event) {
        bytes += PlayEventCodec.encode(event).length();
      }

      @Override
      public void publishRaw(String topic, String key, String payload) {
        bytes += payload.length();
      }

      @Override
      public String toString() {
        return "discarded " + bytes + " characters of JSON";
      }
    };
  }
}
