package io.listening.webapp.imports;

import io.listening.poller.exports.ImportSummary;
import org.jspecify.annotations.Nullable;

/**
 * One browser import as the page shows it, at one moment.
 *
 * @param upload the uploaded file's name
 * @param userId whose history it is
 * @param state where the import is
 * @param percent of the export's bytes read, while running
 * @param records records handled so far
 * @param currentFile the history file being read, while running
 * @param summary the importer's own summary, when done
 * @param problem why it stopped or was refused, when failed
 */
record ImportRun(
    String upload,
    String userId,
    State state,
    int percent,
    long records,
    @Nullable String currentFile,
    @Nullable ImportSummary summary,
    @Nullable String problem) {

  enum State {
    RUNNING,
    DONE,
    FAILED
  }

  static ImportRun started(String upload, String userId) {
    return new ImportRun(upload, userId, State.RUNNING, 0, 0, null, null, null);
  }

  ImportRun progress(String file, int percent, long records) {
    return new ImportRun(upload, userId, State.RUNNING, percent, records, file, null, null);
  }

  ImportRun done(ImportSummary summary) {
    return new ImportRun(upload, userId, State.DONE, 100, summary.records(), null, summary, null);
  }

  ImportRun failed(String problem) {
    return new ImportRun(upload, userId, State.FAILED, percent, records, currentFile, null, problem);
  }

  boolean running() {
    return state == State.RUNNING;
  }
}
