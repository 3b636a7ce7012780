/** Data quality: the checks of the published build and the lake's dead letters by reason. */
@NullMarked
package io.listening.webapp.dashboard.quality;

import org.jspecify.annotations.NullMarked;
