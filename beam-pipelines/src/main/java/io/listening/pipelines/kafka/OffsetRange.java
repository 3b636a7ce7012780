package io.listening.pipelines.kafka;

import java.io.Serializable;

/** The records {@code [startOffset, endOffset)} of one topic partition. */
public record OffsetRange(String topic, int partition, long startOffset, long endOffset)
    implements Serializable {

  public OffsetRange {
    if (startOffset < 0 || endOffset < startOffset) {
      throw new IllegalArgumentException(
          "bad range " + topic + "-" + partition + " [" + startOffset + ", " + endOffset + ")");
    }
  }

  public long size() {
    return endOffset - startOffset;
  }

  public boolean isEmpty() {
    return startOffset == endOffset;
  }

  @Override
  public String toString() {
    return topic + "-" + partition + "[" + startOffset + "," + endOffset + ")";
  }
}
