package io.listening.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Track identifiers: Spotify's 22-character base62 ids, or ids derived from artist and track name
 * for sources that carry no id (Spotify's basic "Account data" export).
 */
public final class TrackIds {

  public static final String DERIVED_PREFIX = "derived-";
  public static final Pattern SPOTIFY_ID = Pattern.compile("[0-9A-Za-z]{22}");
  public static final Pattern DERIVED_ID = Pattern.compile("derived-[0-9a-f]{32}");
  /** The rule, in words, for error messages. */
  public static final String RULE =
      "a 22-character Spotify base62 id or 'derived-' followed by 32 lowercase hex characters";

  private static final String SPOTIFY_TRACK_URI_PREFIX = "spotify:track:";

  private TrackIds() {}

  public static boolean isValid(String trackId) {
    return trackId != null
        && (SPOTIFY_ID.matcher(trackId).matches() || DERIVED_ID.matcher(trackId).matches());
  }

  /**
   * A stable id for a track known only by name. Case and surrounding whitespace are ignored so the
   * same track from two exports maps to the same id.
   */
  public static String derive(String artistName, String trackName) {
    String key = normalize(artistName) + "\n" + normalize(trackName);
    byte[] digest = sha256(key.getBytes(StandardCharsets.UTF_8));
    return DERIVED_PREFIX + HexFormat.of().formatHex(digest, 0, 16);
  }

  /** The id inside a {@code spotify:track:<id>} URI, or {@code null} if it is not one. */
  public static String fromTrackUri(String uri) {
    if (uri == null || !uri.startsWith(SPOTIFY_TRACK_URI_PREFIX)) {
      return null;
    }
    String id = uri.substring(SPOTIFY_TRACK_URI_PREFIX.length());
    return SPOTIFY_ID.matcher(id).matches() ? id : null;
  }

  private static String normalize(String value) {
    return value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
  }

  static byte[] sha256(byte[] input) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(input);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
    }
  }
}
