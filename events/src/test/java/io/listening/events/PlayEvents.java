package io.listening.events;

import java.time.Instant;

/** A valid event to start tests from. */
final class PlayEvents {

  static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");

  private PlayEvents() {}

  static PlayEvent valid() {
    return new PlayEvent(
        "7b1f0f52-3b7a-8c1e-9a55-0f0c3c2b9d11",
        "play",
        "user-1",
        "4uLU6hMCjMI75M1A2tKUQC",
        "Never Gonna Give You Up",
        "Rick Astley",
        "Whenever You Need Somebody",
        213_573L,
        180_000,
        Instant.parse("2024-06-01T10:03:00Z"),
        Instant.parse("2024-06-01T10:00:00Z"),
        "smartphone",
        "android",
        null,
        false,
        "clickrow",
        "trackdone",
        false,
        "simulator",
        Instant.parse("2024-06-01T10:03:05Z"));
  }
}
