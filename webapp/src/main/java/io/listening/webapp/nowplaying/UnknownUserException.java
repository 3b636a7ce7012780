package io.listening.webapp.nowplaying;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No playback state has been published for the user. */
class UnknownUserException extends ErrorResponseException {

  UnknownUserException(String userId) {
    super(HttpStatus.NOT_FOUND, problem(userId), null);
  }

  private static ProblemDetail problem(String userId) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.NOT_FOUND, "No playback state has been published for user " + userId);
    problem.setTitle("Unknown user");
    return problem;
  }
}
