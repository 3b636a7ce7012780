package io.listening.poller.spotify.api;

import io.listening.poller.spotify.PollerConfig;
import java.io.IOException;
import java.net.URI;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ParseException;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import se.michaelthelin.spotify.IHttpManager;
import se.michaelthelin.spotify.SpotifyApi;
import se.michaelthelin.spotify.SpotifyHttpManager;
import se.michaelthelin.spotify.exceptions.SpotifyWebApiException;
import se.michaelthelin.spotify.model_objects.credentials.AuthorizationCodeCredentials;

/**
 * The app's connection to Spotify through spotify-web-api-java: Web API calls go to the configured
 * API URL (via the builder's scheme, host and port), token calls to the configured accounts URL
 * (via {@link RewritingHttpManager}), both with the configured timeouts. One per process;
 * thread-safe.
 */
public final class SpotifyConnection implements AutoCloseable {

  private final PoolingHttpClientConnectionManager connections;
  private final IHttpManager http;
  private final URI apiUrl;
  private final String clientId;
  private final String clientSecret;

  private SpotifyConnection(
      PoolingHttpClientConnectionManager connections,
      IHttpManager http,
      URI apiUrl,
      String clientId,
      String clientSecret) {
    this.connections = connections;
    this.http = http;
    this.apiUrl = apiUrl;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
  }

  public static SpotifyConnection create(PollerConfig config) {
    config.requireClientCredentials();
    Timeout timeout = Timeout.ofMilliseconds(config.httpTimeout().toMillis());
    PoolingHttpClientConnectionManager connections =
        PoolingHttpClientConnectionManagerBuilder.create()
            .setDefaultConnectionConfig(
                ConnectionConfig.custom()
                    .setConnectTimeout(timeout)
                    .setSocketTimeout(timeout)
                    .build())
            .build();
    int timeoutMs = (int) Math.min(Integer.MAX_VALUE, config.httpTimeout().toMillis());
    IHttpManager library =
        new SpotifyHttpManager.Builder()
            .setConnectionManager(connections)
            .setConnectionRequestTimeout(timeoutMs)
            .setSocketTimeout(timeoutMs)
            .build();
    return new SpotifyConnection(
        connections,
        new RewritingHttpManager(library, config.accountsUrl()),
        config.apiUrl(),
        config.clientId(),
        config.clientSecret());
  }

  /** An API client acting for the holder of {@code accessToken}. */
  SpotifyApi api(String accessToken) {
    return builder().setAccessToken(accessToken).build();
  }

  /** Exchanges a refresh token for a new access token (authorization-code flow). */
  AuthorizationCodeCredentials refresh(String refreshToken)
      throws IOException, SpotifyWebApiException, ParseException {
    return builder()
        .setClientId(clientId)
        .setClientSecret(clientSecret)
        .setRefreshToken(refreshToken)
        .build()
        .authorizationCodeRefresh()
        .build()
        .execute();
  }

  private SpotifyApi.Builder builder() {
    int port =
        apiUrl.getPort() != -1 ? apiUrl.getPort() : "http".equals(apiUrl.getScheme()) ? 80 : 443;
    return SpotifyApi.builder()
        .setHttpManager(http)
        .setScheme(apiUrl.getScheme())
        .setHost(apiUrl.getHost())
        .setPort(port);
  }

  @Override
  public void close() {
    connections.close(CloseMode.GRACEFUL);
  }
}
