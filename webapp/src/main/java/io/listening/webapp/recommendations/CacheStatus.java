package io.listening.webapp.recommendations;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Whether an answer came from the cache. */
enum CacheStatus {
  HIT,
  MISS;

  @JsonValue
  String json() {
    return name().toLowerCase(Locale.ROOT);
  }
}
