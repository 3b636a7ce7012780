package io.listening.webapp.connect;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Proof Key for Code Exchange (RFC 7636) with the S256 method: a random verifier kept on the server
 * and its SHA-256 challenge sent with the authorization request, so a stolen code is useless without
 * the verifier.
 */
final class Pkce {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private Pkce() {}

  /** 43 characters of base64url from 32 random bytes: the shortest verifier RFC 7636 allows. */
  static String newVerifier() {
    return randomToken();
  }

  /** A random, unguessable value, e.g. the {@code state} of an authorization request. */
  static String randomToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return BASE64URL.encodeToString(bytes);
  }

  /** {@code BASE64URL(SHA256(ASCII(verifier)))}, RFC 7636 section 4.2. */
  static String challenge(String verifier) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return BASE64URL.encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
    }
  }
}
