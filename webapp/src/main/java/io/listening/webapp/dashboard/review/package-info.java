/** Year in review: per listener and local year, minutes, top tracks and artists, streaks, discoveries. */
@NullMarked
package io.listening.webapp.dashboard.review;

import org.jspecify.annotations.NullMarked;
