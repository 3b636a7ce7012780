/** The listening clock: plays by local weekday and hour. */
@NullMarked
package io.listening.webapp.dashboard.clock;

import org.jspecify.annotations.NullMarked;
