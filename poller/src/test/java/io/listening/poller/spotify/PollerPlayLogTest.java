package io.listening.poller.spotify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.listening.events.PlayEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PollerPlayLogTest {

  private static final Instant NOW = Instant.parse("2025-01-02T10:00:00Z");

  @TempDir Path dir;

  private static PlayEvent play(String trackId, Instant playedAt) {
    return TestConfigs.play("spotify_poll", trackId, playedAt);
  }

  @Test
  void recordedPlaysAreReadBackPerUser() {
    PollerPlayLog log = new PollerPlayLog(new UserFiles(dir));

    log.record("alice", List.of(play("4uLU6hMCjMI75M1A2tKUQC", NOW)), NOW);
    log.record("alice", List.of(play("7GhIk7Il098yCjg4BQjzvb", NOW.plusSeconds(200))), NOW);

    assertThat(log.load("alice"))
        .containsExactly(
            new PollerPlayLog.Play("4uLU6hMCjMI75M1A2tKUQC", NOW, 180_000L),
            new PollerPlayLog.Play("7GhIk7Il098yCjg4BQjzvb", NOW.plusSeconds(200), 180_000L));
    assertThat(log.load("bob")).isEmpty();
  }

  @Test
  void playsOlderThanTheKeepPeriodAreDropped() {
    PollerPlayLog log = new PollerPlayLog(new UserFiles(dir));
    Instant old = NOW.minus(PollerPlayLog.KEEP).minus(Duration.ofMinutes(1));

    log.record("alice", List.of(play("4uLU6hMCjMI75M1A2tKUQC", old)), old);
    log.record("alice", List.of(play("7GhIk7Il098yCjg4BQjzvb", NOW)), NOW);

    assertThat(log.load("alice"))
        .extracting(PollerPlayLog.Play::trackId)
        .containsExactly("7GhIk7Il098yCjg4BQjzvb");
  }

  @Test
  void oddUserIdsCannotEscapeTheStateFolder() {
    UserFiles files = new UserFiles(dir);

    assertThat(files.playback("../../etc/passwd").normalize()).startsWithRaw(dir.resolve("users"));
    assertThat(files.playback("alice")).isEqualTo(dir.resolve("users/alice/playback.json"));
  }

  @Test
  void playsInTheDocumentedFormatLoad() throws Exception {
    Path file = new UserFiles(dir).pollerPlays("alice");
    Files.createDirectories(file.getParent());
    Files.writeString(
        file,
        "{\"plays\": [{\"track_id\": \"4uLU6hMCjMI75M1A2tKUQC\","
            + " \"played_at\": \"2025-01-02T10:03:00Z\", \"duration_ms\": 180000},"
            + " {\"track_id\": \"7GhIk7Il098yCjg4BQjzvb\", \"played_at\": \"2025-01-02T10:06:00Z\","
            + " \"duration_ms\": null}]}");

    assertThat(new PollerPlayLog(new UserFiles(dir)).load("alice"))
        .containsExactly(
            new PollerPlayLog.Play("4uLU6hMCjMI75M1A2tKUQC", NOW.plusSeconds(180), 180_000L),
            new PollerPlayLog.Play("7GhIk7Il098yCjg4BQjzvb", NOW.plusSeconds(360), null));
  }

  @Test
  void aBrokenFileIsAClearErrorNamingTheFileAndThePlay() throws Exception {
    Path file = new UserFiles(dir).pollerPlays("alice");
    Files.createDirectories(file.getParent());
    Files.writeString(
        file, "{\"plays\": [{\"track_id\": \"4uLU6hMCjMI75M1A2tKUQC\", \"played_at\": null}]}");

    assertThatThrownBy(() -> new PollerPlayLog(new UserFiles(dir)).load("alice"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("plays[0].played_at must not be null");
  }
}
