package io.listening.webapp.recommendations;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Locale;

/**
 * The track a listener's recommendations follow, where it came from and why it was chosen: the
 * {@code seed} of {@code GET /api/users/{userId}/recommendations}.
 *
 * @param recent the listener's latest plays before it, the latest first, as the answer used them
 * @param personal whether the answer is ranked for this listener; false when the warehouse has no
 *     plays of theirs yet, and the answer is everyone's
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record Seed(String trackId, Source source, List<String> recent, boolean personal, String reason) {

  Seed {
    recent = List.copyOf(recent);
  }

  enum Source {
    /** The track on the listener's player, from the now-playing topic. */
    NOW_PLAYING,
    /** The listener's latest play in the warehouse. */
    LATEST_PLAY;

    @JsonValue
    String value() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
