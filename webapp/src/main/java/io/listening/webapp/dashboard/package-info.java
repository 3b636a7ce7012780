/**
 * The dashboard's shared pieces: the filter every page honours and keeps in the URL, the page
 * frame with its loading, empty and error states, number formats and the fact-table query helper.
 * Each page lives in its own sub-package with its reads.
 */
@NullMarked
package io.listening.webapp.dashboard;

import org.jspecify.annotations.NullMarked;
