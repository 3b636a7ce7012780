/**
 * Cross-cutting web configuration: API error mapping, API documentation and the Redis client. It
 * depends on no feature package; features own their exceptions and what they answer.
 */
@NullMarked
package io.listening.webapp.system;

import org.jspecify.annotations.NullMarked;
