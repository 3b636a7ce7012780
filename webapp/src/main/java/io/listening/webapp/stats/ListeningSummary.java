package io.listening.webapp.stats;

import io.listening.webapp.warehouse.WarehouseBuild;
import java.util.List;

/**
 * What the dashboard shows, read from one warehouse build in one read.
 *
 * @param build the build the totals and tracks come from
 * @param topTracks the most played tracks, most plays first
 */
public record ListeningSummary(
    WarehouseBuild build, ListeningTotals totals, List<TopTrack> topTracks) {

  public ListeningSummary {
    topTracks = List.copyOf(topTracks);
  }
}
