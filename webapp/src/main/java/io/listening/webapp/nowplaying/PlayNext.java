package io.listening.webapp.nowplaying;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a listener could play after the track on their player: the "play next" of the now-playing
 * page. Declared here and provided by the recommendations feature, so that this package does not
 * depend on how recommendations are made.
 */
public interface PlayNext {

  /**
   * At most {@code count} tracks, best first; empty when there is nothing to suggest (the user and
   * the track are unknown to the warehouse, or no build is published).
   */
  List<Suggestion> forUser(String userId, int count);

  /** One suggested track and why, in a sentence. */
  record Suggestion(
      String trackId, @Nullable String trackName, @Nullable String artistName, String reason) {}
}
