package io.listening.events;

import java.util.Set;

/** The values {@code source} may take: where an event entered the platform. */
public final class Sources {

  public static final String SIMULATOR = "simulator";
  public static final String SPOTIFY_POLL = "spotify_poll";
  public static final String SPOTIFY_RECENTLY_PLAYED = "spotify_recently_played";
  public static final String SPOTIFY_EXPORT = "spotify_export";

  public static final Set<String> ALL =
      Set.of(SIMULATOR, SPOTIFY_POLL, SPOTIFY_RECENTLY_PLAYED, SPOTIFY_EXPORT);

  private Sources() {}
}
