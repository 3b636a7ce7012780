/**
 * Now playing: the latest playback state of each user, read from the poller's compacted {@code
 * spotify-now-playing} topic ({@code docs/data-contracts.md}, "Now playing"), kept in memory and
 * answered by the API and the live view. Optional: without Kafka bootstrap servers nothing is read
 * and the endpoint says so.
 */
@NullMarked
package io.listening.webapp.nowplaying;

import org.jspecify.annotations.NullMarked;
