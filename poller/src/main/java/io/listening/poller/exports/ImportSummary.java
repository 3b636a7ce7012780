package io.listening.poller.exports;

import io.listening.events.PlayEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one import run did. Every record of the export is counted exactly once: {@code records =
 * imported + duplicates + episodes + rejected + alreadyImported}.
 */
public final class ImportSummary {

  /** A file that stopped being readable part-way; the records before the break were imported. */
  public record BrokenFile(String name, String problem) {}

  /** How many records were rejected for one reason, and where the first one was. */
  public record Rejections(long count, String firstExample) {}

  private int files;
  private int filesAlreadyComplete;
  private int filesIgnored;
  private long imported;
  private long skippedBySpotify;
  private long withoutSkipFlag;
  private long duplicates;
  private long alreadyImported;
  private final Map<String, Long> episodes = new TreeMap<>();
  private final Map<String, Rejections> rejected = new TreeMap<>();
  private final List<BrokenFile> brokenFiles = new ArrayList<>();

  void countFile() {
    files++;
  }

  void countFileAlreadyComplete(long records) {
    filesAlreadyComplete++;
    alreadyImported += records;
  }

  void countIgnoredFiles(int count) {
    filesIgnored += count;
  }

  /** Counts a published stream, and what Spotify's own skip flag said about it. */
  void countImported(PlayEvent event) {
    imported++;
    if (event.skipped() == null) {
      withoutSkipFlag++;
    } else if (event.skipped()) {
      skippedBySpotify++;
    }
  }

  void countDuplicate() {
    duplicates++;
  }

  void countAlreadyImported() {
    alreadyImported++;
  }

  void countNonMusic(String kind) {
    episodes.merge(kind, 1L, Long::sum);
  }

  /** Counts a rejection and says whether it is the first for this reason. */
  boolean countRejected(String reason, String where) {
    Rejections before = rejected.get(reason);
    rejected.put(
        reason,
        before == null
            ? new Rejections(1, where)
            : new Rejections(before.count() + 1, before.firstExample()));
    return before == null;
  }

  void brokenFile(String name, String problem) {
    brokenFiles.add(new BrokenFile(name, problem));
  }

  public int files() {
    return files;
  }

  public int filesAlreadyComplete() {
    return filesAlreadyComplete;
  }

  public int filesIgnored() {
    return filesIgnored;
  }

  public long records() {
    return imported + duplicates + episodes() + rejected() + alreadyImported;
  }

  public long imported() {
    return imported;
  }

  /** Imported streams that Spotify itself marked {@code skipped} (extended exports only). */
  public long skippedBySpotify() {
    return skippedBySpotify;
  }

  /** Imported streams whose record carries no skip flag: basic exports, older extended records. */
  public long withoutSkipFlag() {
    return withoutSkipFlag;
  }

  public long duplicates() {
    return duplicates;
  }

  /** Podcast episodes and audiobook chapters, kept out of music plays. */
  public long episodes() {
    return episodes.values().stream().mapToLong(Long::longValue).sum();
  }

  public Map<String, Long> episodesByKind() {
    return Collections.unmodifiableMap(episodes);
  }

  public long rejected() {
    return rejected.values().stream().mapToLong(Rejections::count).sum();
  }

  public Map<String, Rejections> rejectedByReason() {
    return Collections.unmodifiableMap(rejected);
  }

  public long alreadyImported() {
    return alreadyImported;
  }

  public List<BrokenFile> brokenFiles() {
    return List.copyOf(brokenFiles);
  }

  /** The summary as plain sentences, one per line. */
  public List<String> describe() {
    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
            Locale.ROOT,
            "%,d %s (%,d already complete, %,d broken, %,d other files ignored), %,d records:"
                + " %,d streams imported (%,d marked skipped by Spotify, %,d without a skip flag),"
                + " %,d duplicates, %,d episodes left out, %,d rejected, %,d already imported.",
            files,
            files == 1 ? "file" : "files",
            filesAlreadyComplete,
            brokenFiles.size(),
            filesIgnored,
            records(),
            imported,
            skippedBySpotify,
            withoutSkipFlag,
            duplicates,
            episodes(),
            rejected(),
            alreadyImported));
    if (!episodes.isEmpty()) {
      lines.add("Left out as not music: " + join(episodes) + ".");
    }
    rejected.forEach(
        (reason, rejections) ->
            lines.add(
                String.format(
                    Locale.ROOT,
                    "Rejected %,d: %s (first at %s).",
                    rejections.count(),
                    reason,
                    rejections.firstExample())));
    for (BrokenFile broken : brokenFiles) {
      lines.add(
          "Broken file "
              + broken.name()
              + ": "
              + broken.problem()
              + ". The records before it were imported.");
    }
    return lines;
  }

  private static String join(Map<String, Long> counts) {
    List<String> parts = new ArrayList<>();
    counts.forEach((kind, count) -> parts.add(String.format(Locale.ROOT, "%,d %ss", count, kind)));
    return String.join(", ", parts);
  }
}
