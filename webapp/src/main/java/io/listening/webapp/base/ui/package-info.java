/** Shared UI pieces: the session error handler. */
@NullMarked
package io.listening.webapp.base.ui;

import org.jspecify.annotations.NullMarked;
