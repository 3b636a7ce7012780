package io.listening.webapp.admin;

import io.listening.webapp.system.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Clears a cache of Spring's {@link CacheManager}, e.g. the recommendations after a fix to how they
 * are computed. Calls the cache directly, not through the caching interceptor, so that a Redis
 * failure is reported to the caller (503) instead of being swallowed as a miss.
 */
@RestController
@RequestMapping("/api/admin/caches")
@Tag(name = "admin", description = "State-changing actions; they need the admin API key")
class CacheAdminController {

  private static final Logger log = LoggerFactory.getLogger(CacheAdminController.class);

  private final AdminApiKey apiKey;
  private final CacheManager caches;

  CacheAdminController(AdminApiKey apiKey, CacheManager caches) {
    this.apiKey = apiKey;
    this.caches = caches;
  }

  @PostMapping("/{cacheName}/clear")
  @Operation(summary = "Removes every entry of the cache")
  @ApiResponse(responseCode = "204", description = "The cache is empty")
  @ApiResponse(
      responseCode = "401",
      description = "No API key in " + AdminApiKey.HEADER,
      content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(
      responseCode = "403",
      description = "Wrong API key, or admin actions are off (no key configured)",
      content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(
      responseCode = "404",
      description = "No cache of that name",
      content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(
      responseCode = "503",
      description = "The cache store (Redis) did not answer; nothing was cleared",
      content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
  ResponseEntity<Void> clear(
      @Parameter(description = "The cache, e.g. recommendations") @PathVariable String cacheName,
      @Parameter(description = "The admin API key")
          @RequestHeader(name = AdminApiKey.HEADER, required = false)
          @Nullable String key) {
    apiKey.check(key);
    Cache cache = caches.getCacheNames().contains(cacheName) ? caches.getCache(cacheName) : null;
    if (cache == null) {
      throw Problems.exception(
          HttpStatus.NOT_FOUND,
          "Unknown cache",
          "There is no cache " + cacheName + "; caches: " + String.join(", ", caches.getCacheNames()));
    }
    try {
      cache.invalidate();
    } catch (DataAccessException e) {
      throw Problems.exception(
          HttpStatus.SERVICE_UNAVAILABLE,
          "Cache unavailable",
          "Clearing " + cacheName + " failed: "
              + NestedExceptionUtils.getMostSpecificCause(e).getMessage());
    }
    log.info("Cleared the cache {} on an admin request", cacheName);
    return ResponseEntity.noContent().build();
  }
}
