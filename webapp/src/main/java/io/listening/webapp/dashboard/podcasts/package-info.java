/** Podcasts, kept apart from music: shows and time listened. */
@NullMarked
package io.listening.webapp.dashboard.podcasts;

import org.jspecify.annotations.NullMarked;
