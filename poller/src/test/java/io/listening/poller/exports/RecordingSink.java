package io.listening.poller.exports;

import io.listening.events.PlayEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@link EventSink} that behaves like Kafka from the importer's point of view: events become
 * durable only on {@link #flush()}, and what was published but not flushed when it fails is lost.
 */
final class RecordingSink implements EventSink {

  private final List<PlayEvent> delivered;
  private final List<PlayEvent> pending = new ArrayList<>();
  private final long failOnPublishNumber;
  private long publishCalls;

  private RecordingSink(List<PlayEvent> delivered, long failOnPublishNumber) {
    this.delivered = delivered;
    this.failOnPublishNumber = failOnPublishNumber;
  }

  static RecordingSink healthy() {
    return new RecordingSink(new ArrayList<>(), Long.MAX_VALUE);
  }

  /** A sink whose {@code n}-th publish fails, as a broker going away would. */
  static RecordingSink failingOnPublish(long n) {
    return new RecordingSink(new ArrayList<>(), n);
  }

  /**
   * A healthy sink delivering into the same list as {@code other}, as a rerun against one topic.
   */
  static RecordingSink healthyInto(RecordingSink other) {
    return new RecordingSink(other.delivered, Long.MAX_VALUE);
  }

  @Override
  public void publish(PlayEvent event) {
    publishCalls++;
    if (publishCalls == failOnPublishNumber) {
      pending.clear();
      throw new IllegalStateException("broker went away");
    }
    pending.add(event);
  }

  @Override
  public void flush() {
    delivered.addAll(pending);
    pending.clear();
  }

  List<PlayEvent> delivered() {
    return delivered;
  }
}
