package io.listening.webapp.recommendations;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A well-formed user id with no plays in the current warehouse build: a 404 problem detail. */
class UserNotFoundException extends ErrorResponseException {

  UserNotFoundException(String userId) {
    super(HttpStatus.NOT_FOUND, problem(userId), null);
  }

  private static ProblemDetail problem(String userId) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.NOT_FOUND, "User " + userId + " has no plays in the warehouse");
    problem.setTitle("User not found");
    return problem;
  }
}
