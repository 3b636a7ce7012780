/** Listening sessions: how long they last, and the longest. */
@NullMarked
package io.listening.webapp.dashboard.sessions;

import org.jspecify.annotations.NullMarked;
