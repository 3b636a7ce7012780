package io.listening.poller.spotify;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.listening.events.PlayEvent;
import io.listening.poller.files.AtomicFiles.Permissions;
import io.listening.poller.files.JsonFiles;
import io.listening.poller.files.MalformedJsonException;
import io.listening.poller.files.Required;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The plays the poller published lately, per user, so the recently-played backfill can drop the
 * ones it would otherwise publish a second time. The poller appends; the backfill reads.
 *
 * <p>One JSON file per user, replaced atomically:
 *
 * <pre>
 * {"plays": [{"track_id": "4uLU6hMCjMI75M1A2tKUQC", "played_at": "2025-01-02T10:03:00Z",
 *   "duration_ms": 180000}]}
 * </pre>
 *
 * Spotify's recently-played endpoint returns at most the last 50 tracks, so plays older than {@link
 * #KEEP} or beyond the newest {@link #MAX_PLAYS} can never be matched again and are dropped.
 */
public final class PollerPlayLog {

  static final Duration KEEP = Duration.ofDays(30);
  static final int MAX_PLAYS = 2_000;

  private final UserFiles files;

  /** A play the poller published. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Play(@Required String trackId, @Required Instant playedAt, Long durationMs) {}

  private record Stored(@Required List<Play> plays) {}

  public PollerPlayLog(UserFiles files) {
    this.files = files;
  }

  /**
   * The plays recorded for the user, oldest first; none when the poller never published any.
   *
   * @throws IllegalStateException naming the file when it is broken
   */
  public List<Play> load(String userId) {
    Path path = files.pollerPlays(userId);
    try {
      return JsonFiles.read(path, Stored.class).map(Stored::plays).orElse(List.of());
    } catch (MalformedJsonException e) {
      throw new IllegalStateException(
          "The poller plays "
              + path
              + " are broken ("
              + e.getMessage()
              + "); delete the file, and the next backfill may publish again, as"
              + " spotify_recently_played, plays the poller already published",
          e);
    }
  }

  /** Adds the plays of {@code events}, dropping those too old to matter relative to {@code now}. */
  public void record(String userId, Collection<PlayEvent> events, Instant now) {
    if (events.isEmpty()) {
      return;
    }
    List<Play> plays = new ArrayList<>(load(userId));
    for (PlayEvent event : events) {
      plays.add(new Play(event.trackId(), event.playedAt(), event.durationMs()));
    }
    Instant oldest = now.minus(KEEP);
    List<Play> kept =
        plays.stream()
            .filter(play -> !play.playedAt().isBefore(oldest))
            .sorted(Comparator.comparing(Play::playedAt))
            .toList();
    if (kept.size() > MAX_PLAYS) {
      kept = kept.subList(kept.size() - MAX_PLAYS, kept.size());
    }
    JsonFiles.write(files.pollerPlays(userId), new Stored(kept), Permissions.DEFAULT);
  }
}
