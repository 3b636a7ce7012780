package io.listening.webapp.connect;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Connecting Spotify accounts. The variables are the poller's where they mean the same thing, so one
 * environment file serves both.
 *
 * @param clientId the app's client id ({@code POLLER_SPOTIFY_CLIENT_ID}); unset turns connecting off
 * @param clientSecret the app's client secret ({@code POLLER_SPOTIFY_CLIENT_SECRET}); unset means
 *     PKCE only (the code verifier is the proof). A secret: never logged, left out of {@link
 *     #toString}
 * @param accountsUrl base of {@code /authorize} and {@code /api/token} ({@code
 *     POLLER_SPOTIFY_ACCOUNTS_URL})
 * @param apiUrl base of the Web API, for {@code /v1/me} ({@code POLLER_SPOTIFY_API_URL})
 * @param redirectUri where Spotify sends the browser back ({@code WEBAPP_SPOTIFY_REDIRECT_URI}); must
 *     be registered in the app's settings, with a loopback IP rather than {@code localhost}
 * @param tokenFile the poller's encrypted token store ({@code POLLER_TOKEN_FILE})
 * @param tokenKey base64 AES-256 key of the store ({@code POLLER_TOKEN_KEY}); a secret
 * @param authorizationTimeout how long a started connection may take before its state expires
 */
@Validated
@ConfigurationProperties("listening.spotify")
record SpotifyConnectProperties(
    @Nullable String clientId,
    @Nullable String clientSecret,
    @NotNull URI accountsUrl,
    @NotNull URI apiUrl,
    @NotNull URI redirectUri,
    @NotNull Path tokenFile,
    @Nullable String tokenKey,
    @NotNull Duration authorizationTimeout) {

  /** The scopes the poller's calls need: currently playing and recently played. */
  static final String SCOPES = "user-read-currently-playing user-read-recently-played";

  boolean hasClientId() {
    return clientId != null && !clientId.isBlank();
  }

  boolean hasClientSecret() {
    return clientSecret != null && !clientSecret.isBlank();
  }

  @Override
  public String toString() {
    return "SpotifyConnectProperties[clientId="
        + clientId
        + ", clientSecret="
        + (hasClientSecret() ? "(set)" : "(unset)")
        + ", accountsUrl="
        + accountsUrl
        + ", apiUrl="
        + apiUrl
        + ", redirectUri="
        + redirectUri
        + ", tokenFile="
        + tokenFile
        + ", tokenKey="
        + (tokenKey != null && !tokenKey.isBlank() ? "(set)" : "(unset)")
        + "]";
  }
}
