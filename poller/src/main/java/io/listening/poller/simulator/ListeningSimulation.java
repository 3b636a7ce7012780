package io.listening.poller.simulator;

import io.listening.events.EventIds;
import io.listening.events.EventTypes;
import io.listening.events.PlayEvent;
import io.listening.events.Sources;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Generates listening history day by day: each listener has sessions started at plausible hours,
 * each session a run of tracks where the next track is often one related to the last, with skips,
 * partial plays and occasional likes. The output is a pure function of the configuration.
 *
 * <p>Like every producer it reports streams, not verdicts: each one is a {@code play} with its
 * {@code ms_played}. Playing Spotify's role, it also sets Spotify's {@code skipped} flag: true on
 * the tracks its listeners skip, false on the others.
 *
 * <p>Events come out ordered by day, then by listener, then by time, and are produced lazily so ten
 * million events need no more memory than one listener-day.
 */
public final class ListeningSimulation implements Iterable<PlayEvent> {

  private static final double FOLLOW_RELATED = 0.45;
  private static final double STAY_IN_GENRE = 0.35;
  private static final double LIKE_RATE = 0.03;
  private static final int MEAN_SESSION_TRACKS = 12;

  /**
   * How long a simulated listener gives a track before skipping it, and the shortest partial play.
   * This models how people listen; it is not the rule that decides whether a stream counts as a
   * play, which the warehouse alone applies.
   */
  static final long SKIP_WITHIN_MS = 30_000;

  private final SimulatorConfig config;
  private final Catalog catalog;
  private final List<Listener> listeners;
  private final Instant historyEnd;

  public ListeningSimulation(SimulatorConfig config) {
    this.config = config;
    this.historyEnd = config.endDate().atStartOfDay(ZoneOffset.UTC).toInstant();
    SplittableRandom random = new SplittableRandom(config.seed());
    this.catalog = Catalog.generate(config, random.split());
    SplittableRandom listenerRandom = random.split();
    this.listeners = new ArrayList<>(config.users());
    for (int i = 0; i < config.users(); i++) {
      listeners.add(Listener.generate(i, config.genres(), listenerRandom));
    }
  }

  Catalog catalog() {
    return catalog;
  }

  @Override
  public Iterator<PlayEvent> iterator() {
    return new EventIterator();
  }

  /** Every event of one listener on one day, in time order. */
  void listenerDay(int listenerIndex, LocalDate day, Consumer<PlayEvent> sink) {
    Listener listener = listeners.get(listenerIndex);
    // A random stream per listener and day: any day can be regenerated alone, identically.
    SplittableRandom random =
        new SplittableRandom(config.seed() * 1_000_003L + listenerIndex * 7_919L + day.toEpochDay());
    int sessions = poisson(listener.sessionsPerDay(), random);
    int[] starts = new int[sessions];
    for (int i = 0; i < sessions; i++) {
      starts[i] = DailyRhythm.sessionStartSecond(random);
    }
    Arrays.sort(starts);
    Instant dayStart = day.atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant notBefore = dayStart;
    for (int session = 0; session < sessions; session++) {
      Instant start = dayStart.plusSeconds(starts[session]);
      if (start.isBefore(notBefore)) {
        start = notBefore.plusSeconds(60 + random.nextInt(600));
      }
      notBefore = session(listener, listenerIndex, start, random, sink);
    }
  }

  private Instant session(
      Listener listener,
      int listenerIndex,
      Instant start,
      SplittableRandom random,
      Consumer<PlayEvent> sink) {
    String device = listener.pickDevice(random);
    boolean shuffle = random.nextInt(3) == 0;
    int genre = listener.pickGenre(random);
    String contextUri = "spotify:playlist:" + catalog.popularInGenre(genre, random).id();
    int length = 1 + geometric(MEAN_SESSION_TRACKS, random);
    Instant clock = start;
    Track previous = null;
    for (int i = 0; i < length; i++) {
      Track track = nextTrack(listener, previous, genre, random);
      boolean skipped = random.nextDouble() < listener.skipRate();
      long msPlayed;
      String reasonEnd;
      if (skipped) {
        msPlayed = 1_000 + random.nextInt((int) SKIP_WITHIN_MS - 1_000);
        reasonEnd = "fwdbtn";
      } else if (random.nextInt(10) == 0) {
        msPlayed = SKIP_WITHIN_MS + random.nextLong(track.durationMs() - SKIP_WITHIN_MS);
        reasonEnd = "endplay";
      } else {
        msPlayed = track.durationMs();
        reasonEnd = "trackdone";
      }
      Instant startedAt = clock;
      Instant playedAt = clock.plusMillis(msPlayed);
      if (!playedAt.isBefore(historyEnd)) {
        // The history ends at endDate: a late-night session is cut there, never spilling past it.
        break;
      }
      sink.accept(
          event(EventTypes.PLAY, listener, track, msPlayed, startedAt, playedAt, device, contextUri,
              shuffle, previous == null ? "clickrow" : "trackdone", reasonEnd, skipped));
      if (!skipped && random.nextDouble() < LIKE_RATE) {
        sink.accept(
            event(EventTypes.LIKE, listener, track, 0, null, playedAt, device, contextUri, shuffle,
                null, null, null));
      }
      clock = playedAt.plusMillis(random.nextInt(1_500));
      previous = track;
    }
    return clock;
  }

  private Track nextTrack(Listener listener, Track previous, int sessionGenre, SplittableRandom random) {
    double draw = random.nextDouble();
    if (previous != null && draw < FOLLOW_RELATED) {
      return catalog.track(previous.related()[random.nextInt(previous.related().length)]);
    }
    if (draw < FOLLOW_RELATED + STAY_IN_GENRE) {
      return catalog.popularInGenre(sessionGenre, random);
    }
    return catalog.popularInGenre(listener.pickGenre(random), random);
  }

  private PlayEvent event(
      String type,
      Listener listener,
      Track track,
      long msPlayed,
      Instant startedAt,
      Instant playedAt,
      String device,
      String contextUri,
      boolean shuffle,
      String reasonStart,
      String reasonEnd,
      Boolean skipped) {
    return new PlayEvent(
        EventIds.of(Sources.SIMULATOR, Long.toString(config.seed()), type, listener.userId(),
            track.id(), playedAt.toString()),
        type,
        listener.userId(),
        track.id(),
        track.name(),
        track.artist(),
        track.album(),
        track.durationMs(),
        msPlayed,
        playedAt,
        startedAt,
        device,
        device.equals(listener.primaryDevice()) ? listener.primaryPlatform() : null,
        contextUri,
        shuffle,
        reasonStart,
        reasonEnd,
        skipped,
        Sources.SIMULATOR,
        null);
  }

  private static int poisson(double mean, SplittableRandom random) {
    double limit = Math.exp(-mean);
    double product = random.nextDouble();
    int count = 0;
    while (product > limit) {
      product *= random.nextDouble();
      count++;
    }
    return count;
  }

  private static int geometric(int mean, SplittableRandom random) {
    double p = 1.0 / mean;
    return (int) Math.floor(Math.log(1 - random.nextDouble()) / Math.log(1 - p));
  }

  private final class EventIterator implements Iterator<PlayEvent> {
    private final ArrayList<PlayEvent> buffer = new ArrayList<>();
    private int position;
    private LocalDate day = config.startDate();
    private int listener;
    private long emitted;

    @Override
    public boolean hasNext() {
      if (config.maxEvents() > 0 && emitted >= config.maxEvents()) {
        return false;
      }
      while (position >= buffer.size()) {
        if (!day.isBefore(config.endDate())) {
          return false;
        }
        buffer.clear();
        position = 0;
        listenerDay(listener, day, buffer::add);
        if (++listener == listeners.size()) {
          listener = 0;
          day = day.plusDays(1);
        }
      }
      return true;
    }

    @Override
    public PlayEvent next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      emitted++;
      return buffer.get(position++);
    }
  }
}
