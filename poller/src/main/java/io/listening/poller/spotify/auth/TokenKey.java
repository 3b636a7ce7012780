package io.listening.poller.spotify.auth;

import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 key that encrypts the token store. Generate one with {@code openssl rand -base64 32}.
 * Its {@link #toString()} never shows the key.
 */
public final class TokenKey {

  static final int LENGTH_BYTES = 32;

  private final SecretKey key;
  private final String source;

  private TokenKey(byte[] bytes, String source) {
    this.key = new SecretKeySpec(bytes, "AES");
    this.source = source;
  }

  /**
   * Decodes a base64 key.
   *
   * @param variable the environment variable it came from, named in every error
   * @throws IllegalArgumentException when the key is missing, not base64, or not 32 bytes long
   */
  public static TokenKey fromBase64(String base64, String variable) {
    if (base64 == null || base64.isBlank()) {
      throw new IllegalArgumentException(
          variable
              + " is required: the base64 of 32 random bytes that encrypts the Spotify token store"
              + " (generate one with: openssl rand -base64 32)");
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(variable + " is not valid base64");
    }
    if (bytes.length != LENGTH_BYTES) {
      throw new IllegalArgumentException(
          variable + " must decode to " + LENGTH_BYTES + " bytes, got " + bytes.length);
    }
    return new TokenKey(bytes, variable);
  }

  SecretKey secretKey() {
    return key;
  }

  /** Where the key came from, for error messages: the variable's name. */
  String source() {
    return source;
  }

  @Override
  public String toString() {
    return "TokenKey[redacted]";
  }
}
