/** The top artists page and an artist's own page with its history and tracks. */
@NullMarked
package io.listening.webapp.dashboard.artists;

import org.jspecify.annotations.NullMarked;
