/**
 * Cross-cutting web configuration: API error mapping, API documentation, the Redis client and what
 * holds for every cache. It depends on no feature package; features own their exceptions and what
 * they answer, and their caches' settings.
 */
@NullMarked
package io.listening.webapp.system;

import org.jspecify.annotations.NullMarked;
