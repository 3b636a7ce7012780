package io.listening.poller.spotify.api;

import java.io.IOException;
import org.apache.hc.core5.http.ParseException;
import se.michaelthelin.spotify.SpotifyApi;
import se.michaelthelin.spotify.exceptions.SpotifyWebApiException;

/** One Web API request, made with a {@link SpotifyApi} that carries a user's access token. */
@FunctionalInterface
public interface ApiCall<T> {

  T execute(SpotifyApi api) throws IOException, SpotifyWebApiException, ParseException;
}
