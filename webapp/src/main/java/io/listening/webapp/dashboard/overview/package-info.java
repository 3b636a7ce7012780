/** The overview page: plays, listening time, unique tracks and artists, the data range and its gaps. */
@NullMarked
package io.listening.webapp.dashboard.overview;

import org.jspecify.annotations.NullMarked;
