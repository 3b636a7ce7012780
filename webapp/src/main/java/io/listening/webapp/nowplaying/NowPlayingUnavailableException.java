package io.listening.webapp.nowplaying;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Now playing cannot answer: it is not configured, or it has not read the topic yet. */
class NowPlayingUnavailableException extends ErrorResponseException {

  static final String NOT_CONFIGURED =
      "Now playing is off: no Kafka bootstrap servers are configured"
          + " (WEBAPP_KAFKA_BOOTSTRAP_SERVERS).";
  static final String CATCHING_UP =
      "Now playing is still reading the topic; try again in a few seconds.";

  NowPlayingUnavailableException(String detail) {
    super(HttpStatus.SERVICE_UNAVAILABLE, problem(detail), null);
  }

  private static ProblemDetail problem(String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
    problem.setTitle("Now playing unavailable");
    return problem;
  }
}
