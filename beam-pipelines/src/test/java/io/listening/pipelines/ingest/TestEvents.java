package io.listening.pipelines.ingest;

import io.listening.events.EventIds;
import io.listening.events.PlayEvent;
import java.time.Instant;

/** Contract-valid events for pipeline tests (also the Snowflake load's). */
public final class TestEvents {

  private TestEvents() {}

  public static PlayEvent play(String userId, int n, Instant playedAt) {
    String trackId = String.format("track%017d", n % 7);
    return new PlayEvent(
        EventIds.of("simulator", userId, trackId, playedAt),
        "play",
        userId,
        trackId,
        "Track " + (n % 7),
        "Artist " + (n % 3),
        null,
        200_000L,
        180_000,
        playedAt,
        playedAt.minusMillis(180_000),
        "computer",
        "linux",
        null,
        false,
        "clickrow",
        "trackdone",
        n % 4 == 0,
        "simulator",
        playedAt.plusSeconds(1));
  }
}
