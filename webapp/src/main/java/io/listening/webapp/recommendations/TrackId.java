package io.listening.webapp.recommendations;

import io.listening.webapp.system.InvalidRequestException;
import java.util.regex.Pattern;

/**
 * A track id as the event contract defines it: a Spotify base62 id, or {@code derived-} and the 32
 * hex characters the pipeline derives from artist and track name when Spotify gave no id.
 */
record TrackId(String value) {

  static final String RULE =
      "track id must be a Spotify id (22 characters [0-9A-Za-z]) or 'derived-' followed by"
          + " 32 lowercase hex characters [0-9a-f]";

  private static final Pattern FORMAT = Pattern.compile("[0-9A-Za-z]{22}|derived-[0-9a-f]{32}");

  TrackId {
    if (!FORMAT.matcher(value).matches()) {
      throw new InvalidRequestException(RULE);
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
