package io.listening.webapp.connect;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The three calls of Spotify's authorization-code flow with PKCE
 * (https://developer.spotify.com/documentation/web-api/tutorials/code-pkce-flow): the {@code
 * /authorize} address the browser is sent to, the code exchange at {@code /api/token}, and {@code
 * /v1/me} for the account's id. Plain HTTP through Spring's {@link RestClient}: the accounts URL is
 * configurable here, unlike in spotify-web-api-java, whose token requests always go to
 * accounts.spotify.com.
 */
@Component
class SpotifyAccounts {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  /** What {@code /api/token} answers; only the refresh token is kept. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record GrantedTokens(
      @JsonProperty("access_token") @Nullable String accessToken,
      @JsonProperty("refresh_token") @Nullable String refreshToken) {

    @Override
    public String toString() {
      return "GrantedTokens[redacted]";
    }
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Profile(@Nullable String id) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record OAuthError(@Nullable String error) {}

  private final SpotifyConnectProperties properties;
  private final RestClient http;

  SpotifyAccounts(SpotifyConnectProperties properties, RestClient.Builder builder) {
    this.properties = properties;
    JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory();
    requests.setReadTimeout(TIMEOUT);
    this.http = builder.requestFactory(requests).build();
  }

  /** Where to send the browser to ask the user's consent. */
  URI authorizeUri(String state, String codeChallenge) {
    return UriComponentsBuilder.fromUri(properties.accountsUrl())
        .path("/authorize")
        .queryParam("client_id", properties.clientId())
        .queryParam("response_type", "code")
        .queryParam("redirect_uri", properties.redirectUri().toString())
        .queryParam("code_challenge_method", "S256")
        .queryParam("code_challenge", codeChallenge)
        .queryParam("state", state)
        .queryParam("scope", SpotifyConnectProperties.SCOPES)
        .encode()
        .build()
        .toUri();
  }

  /**
   * Exchanges the authorization code for tokens.
   *
   * @throws SpotifyAuthorizationException when Spotify refuses or does not answer
   */
  GrantedTokens exchange(String code, String codeVerifier) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("grant_type", "authorization_code");
    form.add("code", code);
    form.add("redirect_uri", properties.redirectUri().toString());
    form.add("client_id", properties.clientId());
    form.add("code_verifier", codeVerifier);
    GrantedTokens tokens;
    try {
      tokens =
          http.post()
              .uri(UriComponentsBuilder.fromUri(properties.accountsUrl()).path("/api/token").build().toUri())
              .contentType(MediaType.APPLICATION_FORM_URLENCODED)
              .headers(this::clientCredentials)
              .body(form)
              .retrieve()
              .body(GrantedTokens.class);
    } catch (RestClientResponseException e) {
      throw new SpotifyAuthorizationException(
          ConnectError.TOKEN_EXCHANGE_FAILED,
          "Spotify's token endpoint refused the authorization code with HTTP "
              + e.getStatusCode().value()
              + errorCode(e));
    } catch (RestClientException e) {
      throw new SpotifyAuthorizationException(
          ConnectError.TOKEN_EXCHANGE_FAILED,
          "Spotify's token endpoint at " + properties.accountsUrl() + " did not answer: " + e.getMessage());
    }
    if (tokens == null || blank(tokens.accessToken()) || blank(tokens.refreshToken())) {
      throw new SpotifyAuthorizationException(
          ConnectError.TOKEN_EXCHANGE_FAILED,
          "Spotify's token endpoint answered without an access token and a refresh token");
    }
    return tokens;
  }

  /**
   * The Spotify account's id.
   *
   * @throws SpotifyAuthorizationException when Spotify refuses or does not answer
   */
  String userId(String accessToken) {
    Profile profile;
    try {
      profile =
          http.get()
              .uri(UriComponentsBuilder.fromUri(properties.apiUrl()).path("/v1/me").build().toUri())
              .headers(headers -> headers.setBearerAuth(accessToken))
              .retrieve()
              .body(Profile.class);
    } catch (RestClientResponseException e) {
      throw new SpotifyAuthorizationException(
          ConnectError.PROFILE_FAILED,
          "Spotify's /v1/me answered HTTP " + e.getStatusCode().value());
    } catch (RestClientException e) {
      throw new SpotifyAuthorizationException(
          ConnectError.PROFILE_FAILED,
          "Spotify's Web API at " + properties.apiUrl() + " did not answer: " + e.getMessage());
    }
    if (profile == null || blank(profile.id())) {
      throw new SpotifyAuthorizationException(
          ConnectError.PROFILE_FAILED, "Spotify's /v1/me answered without an id");
    }
    return profile.id();
  }

  /** With a secret, the app authenticates too (HTTP Basic); without one the verifier is the proof. */
  private void clientCredentials(HttpHeaders headers) {
    if (properties.hasClientSecret()) {
      headers.setBasicAuth(properties.clientId(), properties.clientSecret());
    }
  }

  /** Spotify's OAuth error code ({@code invalid_grant}, ...), never its description or the body. */
  private static String errorCode(RestClientResponseException e) {
    try {
      OAuthError error = e.getResponseBodyAs(OAuthError.class);
      String code = error == null ? null : error.error();
      // Only a code shaped like OAuth's: the log never carries what a server chose to send.
      return code != null && code.matches("[a-z_]{1,40}") ? " (" + code + ")" : "";
    } catch (RuntimeException unreadable) {
      return "";
    }
  }

  private static boolean blank(@Nullable String value) {
    return value == null || value.isBlank();
  }
}
