package io.listening.webapp.recommendations;

import io.listening.events.TrackIds;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code recent} parameter: track ids the listener played just before the seed, the latest
 * first, comma-separated. Checked by {@link ValidRecentTracks} before it is parsed here.
 */
final class RecentTracks {

  /** More than the ranker's context fades into (each step back weighs less). */
  static final int MAX = 10;

  static final String RULE =
      "must be at most " + MAX + " comma-separated track ids, each " + TrackIds.RULE;

  private RecentTracks() {}

  /** The ids, or null when the text breaks the rule. An absent or blank parameter is none. */
  static List<String> parse(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    List<String> ids = new ArrayList<>();
    for (String part : text.split(",", -1)) {
      String id = part.strip();
      if (!TrackIds.isValid(id)) {
        return null;
      }
      ids.add(id);
    }
    return ids.size() > MAX ? null : List.copyOf(ids);
  }
}
