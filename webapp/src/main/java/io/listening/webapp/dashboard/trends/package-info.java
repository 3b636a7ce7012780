/** The trends page: daily plays and hours, with weekly and monthly roll-ups. */
@NullMarked
package io.listening.webapp.dashboard.trends;

import org.jspecify.annotations.NullMarked;
