/** Track-to-track recommendations from co-occurrence, cached in Redis per warehouse build. */
@NullMarked
package io.listening.webapp.recommendations;

import org.jspecify.annotations.NullMarked;
