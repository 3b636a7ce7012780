package io.listening.webapp.admin;

import io.listening.webapp.system.Problems;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Checks the key a request presents. Both keys are hashed before {@link MessageDigest#isEqual}, a
 * constant-time comparison, so neither the content nor the length of the configured key shows in
 * how long a wrong guess takes. Every admin action checks its key here: the REST endpoints and the
 * pages that start one.
 */
@Component
public class AdminApiKey {

  public static final String HEADER = "X-API-Key";

  private final byte @Nullable [] expectedDigest;

  AdminApiKey(AdminProperties properties) {
    String key = properties.apiKey();
    this.expectedDigest = properties.enabled() && key != null ? sha256(key) : null;
  }

  /**
   * Returns if {@code presented} is the configured key.
   *
   * @throws ErrorResponseException 403 when admin actions are off or the key is wrong, 401 when no
   *     key is presented
   */
  public void check(@Nullable String presented) {
    if (expectedDigest == null) {
      throw rejected(
          HttpStatus.FORBIDDEN,
          "Admin actions are off: no API key is configured (WEBAPP_ADMIN_API_KEY).");
    }
    if (presented == null || presented.isEmpty()) {
      throw rejected(HttpStatus.UNAUTHORIZED, "This action needs the admin API key in " + HEADER + ".");
    }
    if (!MessageDigest.isEqual(expectedDigest, sha256(presented))) {
      throw rejected(HttpStatus.FORBIDDEN, "The API key in " + HEADER + " is not the admin key.");
    }
  }

  private static ErrorResponseException rejected(HttpStatus status, String detail) {
    ErrorResponseException exception =
        Problems.exception(
            status, status == HttpStatus.UNAUTHORIZED ? "API key required" : "Forbidden", detail);
    if (status == HttpStatus.UNAUTHORIZED) {
      exception.getHeaders().set("WWW-Authenticate", "ApiKey header=\"" + HEADER + "\"");
    }
    return exception;
  }

  private static byte[] sha256(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
    }
  }
}
