package io.listening.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * Deterministic event ids: the same play described twice by the same source gets the same id, so
 * re-importing an export or replaying a simulation adds no duplicates downstream.
 */
public final class EventIds {

  private EventIds() {}

  /** An id derived from the fields that identify a play within one source. */
  public static String of(String source, String userId, String trackId, Instant playedAt) {
    return of(source, userId, trackId, playedAt.toString());
  }

  /** An id derived from any list of identifying parts. */
  public static String of(String... parts) {
    String key = String.join("\u001f", parts);
    byte[] digest = TrackIds.sha256(key.getBytes(StandardCharsets.UTF_8));
    long msb = 0;
    long lsb = 0;
    for (int i = 0; i < 8; i++) {
      msb = (msb << 8) | (digest[i] & 0xff);
      lsb = (lsb << 8) | (digest[i + 8] & 0xff);
    }
    // Version 8 (custom) and the IETF variant, so the value is a well-formed UUID.
    msb = (msb & ~0xF000L) | 0x8000L;
    lsb = (lsb & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb).toString();
  }
}
