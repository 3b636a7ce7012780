/**
 * Connect Spotify: the authorization-code flow with PKCE from {@code /connect/spotify} to its
 * callback, which stores the refresh token in the poller's encrypted token store, and the
 * "Connections" page listing who is connected and who must reconnect.
 */
@NullMarked
package io.listening.webapp.connect;

import org.jspecify.annotations.NullMarked;
