package io.listening.poller.exports;

import io.listening.events.PlayEvent;
import io.listening.poller.kafka.EventPublisher;

/**
 * Where imported events go. {@link #flush()} returns only when every event published so far is
 * durably stored (for Kafka: acknowledged by the brokers), and throws if any was not; the importer
 * advances its checkpoint only after a flush.
 */
interface EventSink {

  void publish(PlayEvent event);

  void flush();

  static EventSink kafka(EventPublisher publisher) {
    return new EventSink() {
      @Override
      public void publish(PlayEvent event) {
        publisher.publish(event);
      }

      @Override
      public void flush() {
        publisher.flush();
      }
    };
  }
}
