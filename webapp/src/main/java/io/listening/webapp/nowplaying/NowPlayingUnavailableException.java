package io.listening.webapp.nowplaying;

import io.listening.webapp.system.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** Now playing cannot answer, a 503: it is not configured, or it has not read the topic yet. */
class NowPlayingUnavailableException extends ErrorResponseException {

  static final String NOT_CONFIGURED =
      "Now playing is off: no Kafka bootstrap servers are configured"
          + " (WEBAPP_KAFKA_BOOTSTRAP_SERVERS).";
  static final String CATCHING_UP =
      "Now playing is still reading the topic; try again in a few seconds.";

  NowPlayingUnavailableException(String detail) {
    super(
        HttpStatus.SERVICE_UNAVAILABLE,
        Problems.detail(HttpStatus.SERVICE_UNAVAILABLE, "Now playing unavailable", detail),
        null);
  }
}
