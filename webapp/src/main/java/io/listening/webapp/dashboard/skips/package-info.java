/** Skips: skip rates by track, artist and local hour. */
@NullMarked
package io.listening.webapp.dashboard.skips;

import org.jspecify.annotations.NullMarked;
