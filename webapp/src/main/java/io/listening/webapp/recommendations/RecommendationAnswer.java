package io.listening.webapp.recommendations;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * One answer as the bytes the client receives. {@code cached} is the JSON object of a {@link
 * RecommendationSet} without its closing brace, exactly as the cache holds it; the fields that
 * differ per request ({@code cache}, {@code query_time_ms}) are appended as text. A hit is thus
 * answered by copying bytes, with no JSON library involved.
 */
record RecommendationAnswer(byte[] cached, CacheStatus cache, double queryTimeMs) {

  private static final byte[] START = "{\"track_id\":\"".getBytes(StandardCharsets.US_ASCII);

  /**
   * Whether a cache entry is in the form {@link #cachedForm} writes, as far as a cheap look at its
   * ends tells: an entry another program or version wrote is answered as a miss instead of being
   * sent as broken JSON.
   */
  static boolean isCachedForm(byte[] cached) {
    return cached.length > START.length
        && cached[cached.length - 1] == ']'
        && Arrays.equals(cached, 0, START.length, START, 0, START.length);
  }

  /** The cached value for {@code set}'s JSON: everything but the closing brace. */
  static byte[] cachedForm(byte[] setJson) {
    int end = setJson.length - 1;
    if (end < 1 || setJson[end] != '}') {
      throw new IllegalArgumentException("not a JSON object: " + new String(setJson, StandardCharsets.UTF_8));
    }
    byte[] cached = new byte[end];
    System.arraycopy(setJson, 0, cached, 0, end);
    return cached;
  }

  /** The response body: a {@link RecommendationResponse}. */
  byte[] json() {
    return json(null);
  }

  /**
   * The response body with one more field before {@code cache}, for answers that say more (the
   * per-user endpoint's {@code seed}).
   *
   * @param extraField a JSON member, {@code "name":value}, or null
   */
  byte[] json(byte @Nullable [] extraField) {
    byte[] tail =
        (",\"cache\":\""
                + cache.value()
                + "\",\"query_time_ms\":"
                + Math.round(queryTimeMs * 1000) / 1000.0
                + '}')
            .getBytes(StandardCharsets.US_ASCII);
    // One array of the final size, filled in place: a hit is answered with a single copy.
    int extra = extraField == null ? 0 : extraField.length + 1;
    byte[] body = new byte[cached.length + extra + tail.length];
    System.arraycopy(cached, 0, body, 0, cached.length);
    if (extraField != null) {
      body[cached.length] = ',';
      System.arraycopy(extraField, 0, body, cached.length + 1, extraField.length);
    }
    System.arraycopy(tail, 0, body, cached.length + extra, tail.length);
    return body;
  }
}
