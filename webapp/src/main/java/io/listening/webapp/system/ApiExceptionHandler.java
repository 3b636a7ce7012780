package io.listening.webapp.system;

import io.listening.webapp.recommendations.TrackNotFoundException;
import io.listening.webapp.warehouse.WarehouseUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Maps the API's typed exceptions to RFC 9457 problem details. Spring MVC's own exceptions (a limit
 * that is not a number, a wrong method) get their problem details from the base class. No answer
 * carries a stack trace.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler
  ProblemDetail invalidRequest(InvalidRequestException e) {
    return problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage());
  }

  @ExceptionHandler
  ProblemDetail trackNotFound(TrackNotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "Track not found", e.getMessage());
  }

  /** Already logged by the warehouse, once per cause. */
  @ExceptionHandler
  ProblemDetail warehouseUnavailable(WarehouseUnavailableException e) {
    return problem(HttpStatus.SERVICE_UNAVAILABLE, "Warehouse unavailable", e.getMessage());
  }

  @ExceptionHandler
  ProblemDetail unexpected(RuntimeException e) {
    log.error("Request failed unexpectedly", e);
    return problem(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "Internal error",
        "The request failed; see the server log.");
  }

  private static ProblemDetail problem(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return problem;
  }
}
