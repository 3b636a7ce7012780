package io.listening.webapp.system;

import io.listening.webapp.warehouse.WarehouseUnavailableException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The API's cross-cutting error mapping to RFC 9457 problem details: the warehouse being
 * unavailable, a multipart body that cannot be read, and anything unexpected. Spring MVC's own exceptions (a limit that is not a number,
 * a broken parameter constraint, a wrong method) and a feature's exceptions that extend {@link
 * org.springframework.web.ErrorResponseException} (they carry their own status and problem detail)
 * are answered by the base class. No answer carries a stack trace.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  /** Already logged by the warehouse, once per cause. */
  @ExceptionHandler
  ProblemDetail warehouseUnavailable(WarehouseUnavailableException e) {
    return Problems.detail(HttpStatus.SERVICE_UNAVAILABLE, "Warehouse unavailable", e.getMessage());
  }

  /**
   * A body that claims to be multipart but cannot be parsed (a {@code multipart/form-data} type
   * without a boundary, a truncated part). Multipart bodies are parsed lazily, so only an endpoint
   * that reads parameters or parts gets here; the rest ignore the body. Too large an upload is
   * Spring's own 413.
   */
  @ExceptionHandler
  ProblemDetail unreadableMultipart(MultipartException e) {
    return Problems.detail(
        HttpStatus.BAD_REQUEST,
        "Invalid request",
        "The multipart body cannot be read: "
            + NestedExceptionUtils.getMostSpecificCause(e).getMessage());
  }

  @ExceptionHandler
  ProblemDetail unexpected(RuntimeException e) {
    log.error("Request failed unexpectedly", e);
    return Problems.detail(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "Internal error",
        "The request failed; see the server log.");
  }

  /**
   * Spring's default detail is only "Validation failure"; this one names each parameter and the
   * rule it breaks, e.g. "limit must be between 1 and 50".
   */
  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    String detail =
        e.getParameterValidationResults().stream()
            .flatMap(
                parameter ->
                    parameter.getResolvableErrors().stream()
                        .map(
                            error ->
                                parameter.getMethodParameter().getParameterName()
                                    + " "
                                    + error.getDefaultMessage()))
            .collect(Collectors.joining("; "));
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle("Invalid request");
    return handleExceptionInternal(e, problem, headers, status, request);
  }
}
