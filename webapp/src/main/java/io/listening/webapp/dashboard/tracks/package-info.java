/** The top tracks page and a track's own page with its history. */
@NullMarked
package io.listening.webapp.dashboard.tracks;

import org.jspecify.annotations.NullMarked;
