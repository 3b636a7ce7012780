package io.listening.webapp.admin;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Admin actions.
 *
 * @param apiKey the key a client sends in {@value AdminApiKey#HEADER} ({@code
 *     WEBAPP_ADMIN_API_KEY}); unset or blank (the default) turns admin actions off. A secret: it is
 *     never logged, and {@link #toString} leaves it out.
 */
@ConfigurationProperties("listening.admin")
record AdminProperties(@Nullable String apiKey) {

  boolean enabled() {
    return apiKey != null && !apiKey.isBlank();
  }

  @Override
  public String toString() {
    return "AdminProperties[apiKey=" + (enabled() ? "(set)" : "(unset)") + "]";
  }
}
