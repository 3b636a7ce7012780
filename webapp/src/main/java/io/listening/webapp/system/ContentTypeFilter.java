package io.listening.webapp.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 415 to a request whose {@code Content-Type} is not one concrete media type (unparseable,
 * or a wildcard such as {@code *}{@code /*}). Spring asserts a concrete type when it reads a body,
 * and that assertion would otherwise surface as a 500 from whichever handler reads it first
 * (actuator endpoints read an optional body on every request).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ContentTypeFilter extends OncePerRequestFilter {

  private final ObjectMapper json;

  ContentTypeFilter(ObjectMapper json) {
    this.json = json;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String contentType = request.getHeader("Content-Type");
    String problem = contentType == null ? null : problemWith(contentType);
    if (problem == null) {
      chain.doFilter(request, response);
      return;
    }
    ProblemDetail detail =
        Problems.detail(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type", problem);
    try {
      detail.setInstance(URI.create(request.getRequestURI()));
    } catch (IllegalArgumentException e) {
      // A path Tomcat let through but java.net.URI rejects: the problem goes without an instance.
    }
    response.setStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), detail);
  }

  private static String problemWith(String contentType) {
    if (contentType.isBlank()) {
      return null; // no type at all: treated as no body type, like a missing header
    }
    try {
      MediaType type = MediaType.parseMediaType(contentType);
      return type.isConcrete()
          ? null
          : "The Content-Type header must name one media type, not a wildcard.";
    } catch (InvalidMediaTypeException e) {
      return "The Content-Type header is not a media type: " + e.getMessage();
    }
  }
}
