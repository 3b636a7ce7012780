package io.listening.webapp.recommendations;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A well-formed track id that the current warehouse build does not know. It carries its own 404
 * problem detail, which Spring MVC answers as it is, so no shared handler needs to know this type.
 */
class TrackNotFoundException extends ErrorResponseException {

  TrackNotFoundException(TrackId trackId) {
    super(HttpStatus.NOT_FOUND, problem(trackId), null);
  }

  private static ProblemDetail problem(TrackId trackId) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.NOT_FOUND, "Track " + trackId + " is not in the warehouse");
    problem.setTitle("Track not found");
    return problem;
  }
}
