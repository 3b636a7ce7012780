/** Listening totals and top tracks from the gold tables. */
@NullMarked
package io.listening.webapp.stats;

import org.jspecify.annotations.NullMarked;
