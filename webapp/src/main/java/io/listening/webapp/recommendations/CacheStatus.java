package io.listening.webapp.recommendations;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Whether an answer came from the cache: the {@code cache} field of the answer, its {@code X-Cache}
 * header and the {@code result} tag of the {@code listening.recommendations.cache} counter.
 */
enum CacheStatus {
  HIT,
  MISS;

  @JsonValue
  String value() {
    return name().toLowerCase(Locale.ROOT);
  }
}
