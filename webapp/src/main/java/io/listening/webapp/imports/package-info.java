/**
 * Import from the browser: a Spotify export uploaded on the Import page is checked, then published
 * to Kafka in the background by the poller's own export importer, with its progress and summary
 * pushed to the page.
 */
@NullMarked
package io.listening.webapp.imports;

import org.jspecify.annotations.NullMarked;
