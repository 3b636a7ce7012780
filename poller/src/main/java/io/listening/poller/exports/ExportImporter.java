package io.listening.poller.exports;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports one person's export: reads each listening-history file, maps its records, publishes the
 * music plays to an {@link EventSink} and keeps the {@link Checkpoint} up to date.
 *
 * <ul>
 *   <li>Files the checkpoint marks complete are skipped without being parsed; a file interrupted
 *       earlier resumes after its last acknowledged record.
 *   <li>The same event id twice in one export (Spotify sometimes logs a play twice) is published
 *       once and counted as a duplicate.
 *   <li>A rejected record is counted with its reason; a file that breaks part-way is reported with
 *       its position, keeps the records before the break, and the other files still import.
 *   <li>A failure to publish stops the import with an exception; what was acknowledged stays in the
 *       checkpoint, so rerunning resumes there.
 * </ul>
 */
final class ExportImporter {

  static final int DEFAULT_FLUSH_EVERY = 5_000;
  private static final Logger LOG = LoggerFactory.getLogger(ExportImporter.class);
  private static final int REJECTIONS_LOGGED_PER_FILE = 5;

  private final String userId;
  private final Clock clock;
  private final Checkpoint checkpoint;
  private final EventSink sink;
  private final ProgressReporter progress;
  private final int flushEvery;

  ExportImporter(
      String userId,
      Clock clock,
      Checkpoint checkpoint,
      EventSink sink,
      ProgressReporter progress,
      int flushEvery) {
    if (flushEvery <= 0) {
      throw new IllegalArgumentException("flushEvery must be positive");
    }
    this.userId = userId;
    this.clock = clock;
    this.checkpoint = checkpoint;
    this.sink = sink;
    this.progress = progress;
    this.flushEvery = flushEvery;
  }

  ImportSummary importAll(ExportSource source) {
    ImportSummary summary = new ImportSummary();
    summary.countIgnoredFiles(source.ignoredFiles());
    progress.start(source.files().stream().mapToLong(f -> Math.max(f.size(), 0)).sum());
    Set<String> seenEventIds = new HashSet<>();
    long bytesBefore = 0;
    try {
      for (ExportFile file : source.files()) {
        new FileImport(file, bytesBefore, seenEventIds, summary).run();
        bytesBefore += Math.max(file.size(), 0);
      }
    } finally {
      progress.clear();
    }
    return summary;
  }

  /** The import of one file: where it is, what is waiting for a flush. */
  private final class FileImport {

    private final ExportFile file;
    private final long bytesBefore;
    private final Set<String> seenEventIds;
    private final ImportSummary summary;
    private Fingerprint fingerprint;
    private long handled;
    private long committed;
    private long unflushed;
    private int rejectionsLogged;

    FileImport(ExportFile file, long bytesBefore, Set<String> seenEventIds, ImportSummary summary) {
      this.file = file;
      this.bytesBefore = bytesBefore;
      this.seenEventIds = seenEventIds;
      this.summary = summary;
    }

    void run() {
      summary.countFile();
      try {
        fingerprint = Fingerprint.of(file);
      } catch (IOException e) {
        broken("could not be read: " + e.getMessage());
        return;
      }
      Checkpoint.Entry entry = checkpoint.entry(fingerprint);
      if (entry != null && entry.complete()) {
        summary.countFileAlreadyComplete(entry.recordsDone());
        LOG.info(
            "Skipping {}: its {} records were imported on {}.",
            file.name(),
            entry.recordsDone(),
            entry.updatedAt());
        return;
      }
      long resumeAfter = entry == null ? 0 : entry.recordsDone();
      if (resumeAfter > 0) {
        progress.clear();
        LOG.info("Resuming {} after the {} records imported before.", file.name(), resumeAfter);
      }
      committed = resumeAfter;
      RecordMapper mapper = file.format().mapper(userId, clock);
      try (InputStream in = file.open()) {
        HistoryReader.read(in, element -> handle(element, mapper, resumeAfter));
        commit(true);
      } catch (BrokenExportException e) {
        commit(false);
        broken(e.getMessage());
      } catch (IOException e) {
        commit(false);
        broken("could not be read after record " + handled + ": " + e.getMessage());
      }
    }

    private void handle(HistoryReader.Element element, RecordMapper mapper, long resumeAfter) {
      MappedRecord mapped = mapper.map(element.record());
      if (element.index() < resumeAfter) {
        if (mapped instanceof MappedRecord.Music music) {
          seenEventIds.add(music.event().eventId());
        }
        summary.countAlreadyImported();
      } else if (mapped instanceof MappedRecord.Music music) {
        if (seenEventIds.add(music.event().eventId())) {
          publish(music, element);
        } else {
          summary.countDuplicate();
        }
      } else if (mapped instanceof MappedRecord.NonMusic nonMusic) {
        summary.countNonMusic(nonMusic.kind());
      } else if (mapped instanceof MappedRecord.Rejected rejected) {
        reject(rejected, element);
      }
      handled = element.index() + 1;
      if (unflushed >= flushEvery) {
        commit(false);
      }
      progress.update(file.name(), bytesBefore + element.bytesRead(), summary.records());
    }

    private void publish(MappedRecord.Music music, HistoryReader.Element element) {
      try {
        sink.publish(music.event());
      } catch (RuntimeException e) {
        throw interrupted("publishing " + element.position(), e);
      }
      unflushed++;
      summary.countImported(music.event());
    }

    private void reject(MappedRecord.Rejected rejected, HistoryReader.Element element) {
      summary.countRejected(rejected.reason(), file.name() + " " + element.position());
      if (rejectionsLogged < REJECTIONS_LOGGED_PER_FILE) {
        rejectionsLogged++;
        progress.clear();
        LOG.warn(
            "Rejected {} of {}: {}.{}",
            element.position(),
            file.name(),
            rejected.detail(),
            rejectionsLogged == REJECTIONS_LOGGED_PER_FILE
                ? " Further rejections in this file are only counted."
                : "");
      }
    }

    /** Waits until Kafka has every event so far, then records how far the file got. */
    private void commit(boolean complete) {
      try {
        sink.flush();
      } catch (RuntimeException e) {
        throw interrupted("waiting for Kafka to acknowledge the records before " + handled, e);
      }
      // A read failure before the resume point must not move the checkpoint back.
      committed = Math.max(handled, committed);
      checkpoint.save(fingerprint, file.baseName(), committed, complete);
      unflushed = 0;
    }

    private void broken(String problem) {
      summary.brokenFile(file.name(), problem);
      progress.clear();
      LOG.warn(
          "{} is broken, {}. The {} records before it were imported; the other files continue.",
          file.name(),
          problem,
          handled);
    }

    private IllegalStateException interrupted(String what, RuntimeException cause) {
      return new IllegalStateException(
          "Import stopped in "
              + file.name()
              + " while "
              + what
              + ": "
              + cause.getMessage()
              + ". The checkpoint "
              + checkpoint.path()
              + " holds the first "
              + committed
              + " records of this file; run the same command again to resume.",
          cause);
    }
  }
}
