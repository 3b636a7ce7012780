package io.listening.poller.spotify.api;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.ParseException;
import se.michaelthelin.spotify.IHttpManager;
import se.michaelthelin.spotify.SpotifyApi;
import se.michaelthelin.spotify.exceptions.SpotifyWebApiException;

/**
 * Sends the library's token requests where the configuration says. spotify-web-api-java 9.x
 * hard-codes {@code https://accounts.spotify.com:443} in every authorization request's {@code
 * build()}, ignoring the API builder's scheme, host and port; this manager swaps scheme, host and
 * port of such requests for the configured accounts URL (a local stand-in in tests) and passes
 * everything else through unchanged.
 */
final class RewritingHttpManager implements IHttpManager {

  private final IHttpManager delegate;
  private final URI accounts;

  RewritingHttpManager(IHttpManager delegate, URI accounts) {
    this.delegate = delegate;
    this.accounts = accounts;
  }

  @Override
  public String get(URI uri, Header[] headers)
      throws IOException, SpotifyWebApiException, ParseException {
    return delegate.get(rewrite(uri), headers);
  }

  @Override
  public String post(URI uri, Header[] headers, HttpEntity body)
      throws IOException, SpotifyWebApiException, ParseException {
    return delegate.post(rewrite(uri), headers, body);
  }

  @Override
  public String put(URI uri, Header[] headers, HttpEntity body)
      throws IOException, SpotifyWebApiException, ParseException {
    return delegate.put(rewrite(uri), headers, body);
  }

  @Override
  public String delete(URI uri, Header[] headers, HttpEntity body)
      throws IOException, SpotifyWebApiException, ParseException {
    return delegate.delete(rewrite(uri), headers, body);
  }

  URI rewrite(URI uri) {
    if (!SpotifyApi.DEFAULT_AUTHENTICATION_HOST.equalsIgnoreCase(uri.getHost())) {
      return uri;
    }
    try {
      return new URI(
          accounts.getScheme(),
          uri.getRawUserInfo(),
          accounts.getHost(),
          accounts.getPort(),
          uri.getPath(),
          uri.getQuery(),
          uri.getFragment());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("Cannot send " + uri.getPath() + " to " + accounts, e);
    }
  }
}
