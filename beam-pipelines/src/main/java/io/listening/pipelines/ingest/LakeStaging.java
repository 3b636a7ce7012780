package io.listening.pipelines.ingest;

import io.listening.events.LakeLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions.StandardMoveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;

/**
 * Where a batch writes before it is published: {@code <lakeDir>/_staging/<batch>/}, mirroring the
 * lake's own layout. Readers never look there (they glob {@code plays/} and {@code dead_letter/}), so
 * a run that fails or is killed leaves the published lake as it was, and the next run of the same
 * window starts by clearing what the last one left.
 *
 * <p>Publishing moves the staged files over the published ones of the same names, then deletes the
 * batch's published files that this run did not write again (a partition that had rows last time and
 * none now). A kill during publishing leaves a mix of old and new files of this one batch; the rerun
 * publishes the whole batch again, so the end state is always that of one clean run.
 */
final class LakeStaging {

  private final String lakeDir;
  private final String batch;

  LakeStaging(String lakeDir, String batch) {
    this.lakeDir = lakeDir;
    this.batch = batch;
  }

  String root() {
    return lakeDir + "/" + LakeLayout.STAGING_DIR + "/" + batch;
  }

  /** Removes whatever an earlier, unfinished run of this batch staged. */
  void clear() {
    delete(match(root() + "/**"));
    deleteLocalDirectories();
  }

  /** Moves the staged files into the lake; returns how many were published and how many removed. */
  Published publish() {
    List<ResourceId> staged = match(root() + "/**");
    List<ResourceId> targets = new ArrayList<>();
    Set<String> targetNames = new HashSet<>();
    String marker = "/" + LakeLayout.STAGING_DIR + "/" + batch + "/";
    for (ResourceId file : staged) {
      // Listed locations are absolute even when lakeDir is relative: cut at the staging folder.
      String location = file.toString();
      int at = location.lastIndexOf(marker);
      ResourceId target =
          FileSystems.matchNewResource(
              location.substring(0, at) + "/" + location.substring(at + marker.length()), false);
      targets.add(target);
      targetNames.add(target.toString());
    }
    try {
      FileSystems.rename(staged, targets, StandardMoveOptions.IGNORE_MISSING_FILES);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not publish batch " + batch + " from " + root(), e);
    }
    List<ResourceId> stale = new ArrayList<>();
    for (ResourceId file : publishedFiles()) {
      if (!targetNames.contains(file.toString())) {
        stale.add(file);
      }
    }
    delete(stale);
    deleteLocalDirectories();
    return new Published(targets.size(), stale.size());
  }

  record Published(int files, int removed) {}

  private List<ResourceId> publishedFiles() {
    List<ResourceId> files = new ArrayList<>();
    files.addAll(match(lakeDir + "/" + LakeLayout.PLAYS_DIR + "/**/" + batch + "-*.parquet"));
    files.addAll(
        match(lakeDir + "/" + LakeLayout.DEAD_LETTER_DIR + "/batch=" + batch + "/*.parquet"));
    return files;
  }

  private static List<ResourceId> match(String glob) {
    try {
      MatchResult result = FileSystems.match(glob, EmptyMatchTreatment.ALLOW);
      if (result.status() == MatchResult.Status.NOT_FOUND) {
        return List.of();
      }
      return result.metadata().stream().map(MatchResult.Metadata::resourceId).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not list " + glob, e);
    }
  }

  private static void delete(List<ResourceId> files) {
    try {
      FileSystems.delete(files, StandardMoveOptions.IGNORE_MISSING_FILES);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not delete " + files.size() + " staged files", e);
    }
  }

  /** Object stores have no directories; a local lake would keep the staging tree's empty ones. */
  private void deleteLocalDirectories() {
    ResourceId root = FileSystems.matchNewResource(root(), true);
    if (!"file".equals(root.getScheme())) {
      return;
    }
    Path dir = Path.of(root());
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> tree = Files.walk(dir)) {
      for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
      // The staging folder itself goes too once no other batch is in it.
      try (Stream<Path> others = Files.list(dir.getParent())) {
        if (others.findAny().isEmpty()) {
          Files.delete(dir.getParent());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not remove " + dir, e);
    }
  }
}
