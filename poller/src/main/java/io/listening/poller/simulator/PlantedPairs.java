package io.listening.poller.simulator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The catalogue's planted related-track pairs as CSV ({@code track_id,related_track_id}, one row
 * per pair): the ground truth the recommendation evaluation's {@code planted} command checks the
 * served model against (recommender/README.md).
 */
final class PlantedPairs {

  static final String HEADER = "track_id,related_track_id";

  private PlantedPairs() {}

  /** Writes every pair of {@code catalog} to {@code file}; returns the number of pairs. */
  static long write(Catalog catalog, Path file) throws IOException {
    long pairs = 0;
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(HEADER);
      out.newLine();
      for (int i = 0; i < catalog.size(); i++) {
        Track track = catalog.track(i);
        for (int related : track.related()) {
          out.write(track.id() + "," + catalog.track(related).id());
          out.newLine();
          pairs++;
        }
      }
    }
    return pairs;
  }
}
