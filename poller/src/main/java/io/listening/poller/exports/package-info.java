/**
 * {@code poller import}: reads a person's Spotify data export (the basic "Account data" files or
 * the "Extended streaming history" files, from a folder or the downloaded .zip) and publishes one
 * listening event per music record to the {@code spotify-*} topics.
 *
 * <p>The pipeline is {@link io.listening.poller.exports.ExportSource} (which files) → {@link
 * io.listening.poller.exports.HistoryReader} (streams one JSON array element at a time) → {@link
 * io.listening.poller.exports.RecordMapper} (one record to an event, a non-music record or a
 * rejection) → {@link io.listening.poller.exports.EventSink} (Kafka in production, a list in
 * tests), driven by {@link io.listening.poller.exports.ExportImporter}, which also keeps the
 * per-file {@link io.listening.poller.exports.Checkpoint} that makes an interrupted import
 * resumable. Event ids are derived from the record's content, so importing the same export again
 * adds nothing downstream.
 */
package io.listening.poller.exports;
