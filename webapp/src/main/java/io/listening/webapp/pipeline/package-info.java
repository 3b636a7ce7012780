/**
 * Pipeline runs started from the web app: the configured command (the Beam job on the window since
 * the last run, then the dbt build, by default {@code ops/pipeline-run.sh}) runs in the background,
 * one at a time, behind the admin API key, and its status is answered over HTTP and pushed to the
 * Import page.
 */
@NullMarked
package io.listening.webapp.pipeline;

import org.jspecify.annotations.NullMarked;
