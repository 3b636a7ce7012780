/** Shared UI pieces: the app layout with its side navigation, the ECharts chart, the session error handler. */
@NullMarked
package io.listening.webapp.base.ui;

import org.jspecify.annotations.NullMarked;
