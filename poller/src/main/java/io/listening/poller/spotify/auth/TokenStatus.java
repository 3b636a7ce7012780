package io.listening.poller.spotify.auth;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Whether the platform may call Spotify on a user's behalf. */
public enum TokenStatus {
  /** The stored refresh token works, as far as we know. */
  CONNECTED("connected"),
  /** Spotify rejected the refresh token; the user has to connect Spotify again. */
  RECONNECT_NEEDED("reconnect_needed");

  private final String value;

  TokenStatus(String value) {
    this.value = value;
  }

  /** The value stored in the token file. */
  @JsonValue
  public String value() {
    return value;
  }

  @JsonCreator
  public static TokenStatus of(String value) {
    for (TokenStatus status : values()) {
      if (status.value.equals(value)) {
        return status;
      }
    }
    throw new IllegalArgumentException("unknown token status '" + value + "'");
  }
}
