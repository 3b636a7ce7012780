package io.listening.pipelines.kafka;

import java.io.Serializable;

/**
 * One Kafka record as read, with where it came from. {@code value} is the payload as received;
 * {@code timestampMs} is the record's timestamp, the broker's append time on the platform's topics
 * (their {@code message.timestamp.type} is {@code LogAppendTime}), so it says when it arrived.
 */
public record KafkaMessage(
    String topic, int partition, long offset, long timestampMs, String key, String value)
    implements Serializable {}
