/**
 * How the poller keeps its state on disk: every state file (import checkpoints, the token store,
 * playback states, poller plays, backfill cursors) is replaced whole and atomically by {@link
 * io.listening.poller.files.AtomicFiles}, and the JSON ones are bound to records with the
 * platform's strict rules by {@link io.listening.poller.files.JsonFiles}.
 */
package io.listening.poller.files;
