package io.listening.webapp.connect;

import io.listening.events.UserIds;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The two browser stops of the connection: {@code /connect/spotify} sends the browser to Spotify
 * with a PKCE challenge and a fresh {@code state}; {@code /connect/spotify/callback} checks the state
 * Spotify sends back, exchanges the code, asks {@code /v1/me} whose account it is, and stores the
 * refresh token. Both end on the Connections page, with the outcome in its address; a failure at any
 * step stores nothing.
 */
@Controller
class ConnectController {

  static final String START = "/connect/spotify";
  static final String CALLBACK = "/connect/spotify/callback";

  private static final Logger log = LoggerFactory.getLogger(ConnectController.class);

  private final SpotifyConnectProperties properties;
  private final PendingAuthorizations pending;
  private final SpotifyAccounts spotify;
  private final Connections connections;

  ConnectController(
      SpotifyConnectProperties properties,
      PendingAuthorizations pending,
      SpotifyAccounts spotify,
      Connections connections) {
    this.properties = properties;
    this.pending = pending;
    this.spotify = spotify;
    this.connections = connections;
  }

  @GetMapping(START)
  ResponseEntity<Void> start() {
    if (!properties.hasClientId()) {
      return toPage(ConnectError.NOT_CONFIGURED);
    }
    try {
      connections.checkUsable();
    } catch (ConnectionStoreUnavailableException e) {
      log.warn("Not connecting Spotify: {}", e.getMessage());
      return toPage(ConnectError.STORE_UNAVAILABLE);
    }
    String verifier = Pkce.newVerifier();
    String state = pending.start(verifier);
    return redirect(spotify.authorizeUri(state, Pkce.challenge(verifier)));
  }

  @GetMapping(CALLBACK)
  ResponseEntity<Void> callback(
      @RequestParam(required = false) @Nullable String code,
      @RequestParam(required = false) @Nullable String state,
      @RequestParam(required = false) @Nullable String error) {
    // Taken first, whatever the answer says, so a state is never good for a second callback.
    Optional<PendingAuthorizations.Pending> request =
        state == null ? Optional.empty() : pending.take(state);
    if (request.isEmpty()) {
      log.warn("Refused a Spotify callback whose state is unknown, used or expired.");
      return toPage(ConnectError.STATE_MISMATCH);
    }
    if (error != null) {
      log.info("Spotify did not grant a connection (the user declined or Spotify refused).");
      return toPage(ConnectError.DENIED);
    }
    if (code == null || code.isBlank()) {
      return toPage(ConnectError.NO_CODE);
    }
    String userId;
    try {
      SpotifyAccounts.GrantedTokens tokens = spotify.exchange(code, request.get().codeVerifier());
      userId = spotify.userId(tokens.accessToken());
      if (!UserIds.isValid(userId)) {
        log.warn("Spotify's /v1/me gave an account id the platform cannot use as a user id.");
        return toPage(ConnectError.PROFILE_FAILED);
      }
      connections.connect(userId, tokens.refreshToken());
    } catch (SpotifyAuthorizationException e) {
      log.warn("Connecting Spotify failed: {}.", e.getMessage());
      return toPage(e.error());
    } catch (ConnectionStoreUnavailableException | UncheckedIOException e) {
      log.warn("Connecting Spotify failed at the token store: {}", e.getMessage());
      return toPage(ConnectError.STORE_FAILED);
    }
    log.info("Connected the Spotify account {}; its refresh token is in {}.", userId, properties.tokenFile());
    return redirect(
        UriComponentsBuilder.fromPath("/" + ConnectionsView.ROUTE)
            .queryParam("connected", userId)
            .encode()
            .build()
            .toUri());
  }

  private static ResponseEntity<Void> toPage(ConnectError error) {
    return redirect(
        UriComponentsBuilder.fromPath("/" + ConnectionsView.ROUTE)
            .queryParam("error", error.code())
            .build()
            .toUri());
  }

  private static ResponseEntity<Void> redirect(URI location) {
    HttpHeaders headers = new HttpHeaders();
    headers.setLocation(location);
    headers.setCacheControl("no-store");
    return new ResponseEntity<>(headers, HttpStatus.FOUND);
  }
}
