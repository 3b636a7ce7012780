/** The dashboard view. */
@NullMarked
package io.listening.webapp.stats.ui;

import org.jspecify.annotations.NullMarked;
