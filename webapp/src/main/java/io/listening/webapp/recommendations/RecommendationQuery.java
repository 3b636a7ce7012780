package io.listening.webapp.recommendations;

import java.util.List;

/**
 * One question to the API: recommendations after {@code trackId} for {@code userId} (null: nobody
 * in particular) who just played {@code recent} (the latest first).
 */
record RecommendationQuery(TrackId trackId, String userId, List<String> recent, int limit) {

  RecommendationQuery {
    recent = List.copyOf(recent);
  }

  /** The part of the cache key after the build id: every input the answer depends on. */
  String cacheKey() {
    return trackId.value()
        + ':'
        + (userId == null ? "" : userId)
        + ':'
        + String.join(",", recent)
        + ':'
        + limit;
  }
}
