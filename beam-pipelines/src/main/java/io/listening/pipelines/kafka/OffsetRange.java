package io.listening.pipelines.kafka;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.io.Serializable;

/** The records {@code [startOffset, endOffset)} of one topic partition. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record OffsetRange(String topic, int partition, long startOffset, long endOffset)
    implements Serializable {

  public OffsetRange {
    if (startOffset < 0 || endOffset < startOffset) {
      throw new IllegalArgumentException(
          "bad range " + topic + "-" + partition + " [" + startOffset + ", " + endOffset + ")");
    }
  }

  @JsonIgnore
  public long size() {
    return endOffset - startOffset;
  }

  @JsonIgnore
  public boolean isEmpty() {
    return startOffset == endOffset;
  }

  @Override
  public String toString() {
    return topic + "-" + partition + "[" + startOffset + "," + endOffset + ")";
  }
}
