/** Devices and platforms: where the music was played. */
@NullMarked
package io.listening.webapp.dashboard.devices;

import org.jspecify.annotations.NullMarked;
