package io.listening.webapp.system;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * RFC 9457 problem details with a title, for features and the cross-cutting handlers alike. An
 * {@link ErrorResponseException} carries its status and problem to Spring MVC, which answers it as
 * it is, so no shared handler needs to know a feature's failures.
 */
public final class Problems {

  private Problems() {}

  public static ProblemDetail detail(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return problem;
  }

  public static ErrorResponseException exception(HttpStatus status, String title, String detail) {
    return new ErrorResponseException(status, detail(status, title, detail), null);
  }
}
