package io.listening.webapp.nowplaying;

import io.listening.events.TrackIds;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The latest playback state of each user, as the compacted topic holds it: a record replaces the
 * user's state, a tombstone removes it. Listeners hear of every change, on the reader's thread.
 */
@Component
public class NowPlayingStates {

  private static final Logger log = LoggerFactory.getLogger(NowPlayingStates.class);

  private final Map<String, PlaybackState> latest = new ConcurrentHashMap<>();
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
  private volatile boolean caughtUp;

  Optional<PlaybackState> find(String userId) {
    return Optional.ofNullable(latest.get(userId));
  }

  /**
   * The track on the user's player now, playing or paused, if the poller has seen one with a
   * Spotify id; an episode or a local file has none the warehouse could know.
   */
  public Optional<String> currentTrackId(String userId) {
    return find(userId)
        .filter(PlaybackState::hasTrack)
        .filter(state -> !"episode".equals(state.currentlyPlayingType()))
        .map(PlaybackState::trackId)
        .filter(TrackIds::isValid);
  }

  /** Every user's state, by user id. */
  List<PlaybackState> all() {
    return latest.values().stream().sorted(Comparator.comparing(PlaybackState::userId)).toList();
  }

  /** Whether the reader has read the whole topic as it was when the reader started. */
  boolean caughtUp() {
    return caughtUp;
  }

  /** Adds a listener; the returned handle removes it (a view does so when it is detached). */
  public Runnable subscribe(Runnable listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  void put(String userId, PlaybackState state) {
    latest.put(userId, state);
    changed();
  }

  void remove(String userId) {
    if (latest.remove(userId) != null) {
      changed();
    }
  }

  void markCaughtUp() {
    caughtUp = true;
  }

  private void changed() {
    for (Runnable listener : listeners) {
      try {
        listener.run();
      } catch (RuntimeException e) {
        // One broken view must not stop the reader or the other views.
        log.warn("A now-playing listener failed: {}", e.toString());
      }
    }
  }
}
