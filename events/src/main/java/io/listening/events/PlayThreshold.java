package io.listening.events;

/**
 * Spotify's own rule: a play counts as a play once 30 seconds were listened to; shorter ones are
 * skips, kept but not counted.
 */
public final class PlayThreshold {

  public static final long DEFAULT_MS = 30_000;

  private PlayThreshold() {}

  public static boolean countsAsPlay(long msPlayed, long thresholdMs) {
    return msPlayed >= thresholdMs;
  }
}
