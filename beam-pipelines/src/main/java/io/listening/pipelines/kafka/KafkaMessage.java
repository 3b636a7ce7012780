package io.listening.pipelines.kafka;

import java.io.Serializable;

/** One Kafka record as read, with where it came from. {@code value} is the payload as received. */
public record KafkaMessage(String topic, int partition, long offset, String key, String value)
    implements Serializable {}
