/** Cross-cutting web configuration: API error mapping and API documentation. */
@NullMarked
package io.listening.webapp.system;

import org.jspecify.annotations.NullMarked;
