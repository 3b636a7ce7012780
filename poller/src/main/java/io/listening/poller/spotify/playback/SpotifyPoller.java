package io.listening.poller.spotify.playback;

import io.listening.events.PlayEvent;
import io.listening.events.PlayEventValidator;
import io.listening.poller.kafka.EventPublisher;
import io.listening.poller.spotify.PollerConfig;
import io.listening.poller.spotify.PollerPlayLog;
import io.listening.poller.spotify.UserFiles;
import io.listening.poller.spotify.api.Backoff;
import io.listening.poller.spotify.api.ReconnectNeededException;
import io.listening.poller.spotify.api.SpotifyCallException;
import io.listening.poller.spotify.api.SpotifyCalls;
import io.listening.poller.spotify.auth.TokenStore;
import io.listening.poller.spotify.auth.UserTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Polls currently-playing for every connected user and publishes the plays that end.
 *
 * <p>{@link #pollOnce(Instant)} is one tick: every connected user whose wait is over is polled
 * once, the answer goes through the {@link PlaybackTracker}, finished plays are published to their
 * topic and acknowledged by Kafka <em>before</em> the tracker state is saved, and the now-playing
 * record is published when the playback state changed. A crash between publishing and saving can
 * only publish a play again with the same {@code event_id}, which the warehouse removes; it never
 * loses one. Per user: a 429 waits for Spotify's {@code Retry-After} (plus jitter), server errors,
 * timeouts and answers the library cannot read back off exponentially, and a user whose refresh
 * token was rejected is not polled again until they reconnect (the token store says {@code
 * connected} again).
 *
 * <p>Not thread-safe beyond its own lock: one tick at a time. Takes ownership of the publisher.
 */
final class SpotifyPoller implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SpotifyPoller.class);

  private final TokenStore tokens;
  private final SpotifyCalls calls;
  private final EventPublisher publisher;
  private final PlaybackStateStore states;
  private final PollerPlayLog pollerPlays;
  private final PlaybackTracker tracker;
  private final Backoff backoff;
  private final Map<String, UserSlot> slots = new HashMap<>();
  private final Set<String> toldToReconnect = new HashSet<>();
  private int connectedCountWarnedAbout;
  private long polls;
  private long plays;
  private boolean closed;

  /** What the poller keeps in memory per user between ticks. */
  private static final class UserSlot {
    PlaybackState state;
    Instant notBefore;
    int failuresInARow;
    String nowPlayingSignature;

    UserSlot(PlaybackState state) {
      this.state = state;
    }
  }

  SpotifyPoller(
      PollerConfig config,
      TokenStore tokens,
      SpotifyCalls calls,
      EventPublisher publisher,
      Backoff backoff) {
    this.tokens = tokens;
    this.calls = calls;
    this.publisher = publisher;
    UserFiles files = new UserFiles(config.stateDir());
    this.states = new PlaybackStateStore(files);
    this.pollerPlays = new PollerPlayLog(files);
    this.tracker = new PlaybackTracker();
    this.backoff = backoff;
  }

  /** Polls each connected user whose next poll is due at {@code now}. */
  synchronized void pollOnce(Instant now) {
    if (closed) {
      throw new IllegalStateException("the poller is closed");
    }
    List<String> connected = new ArrayList<>();
    for (UserTokens user : tokens.users().values()) {
      if (user.isConnected()) {
        connected.add(user.userId());
        toldToReconnect.remove(user.userId());
      } else if (toldToReconnect.add(user.userId())) {
        LOG.warn(
            "User {} must reconnect Spotify (status reconnect_needed); not polling them.",
            user.userId());
      }
    }
    warnAboutDevelopmentModeLimit(connected.size());
    for (String userId : connected) {
      UserSlot slot = slots.computeIfAbsent(userId, id -> new UserSlot(states.load(id)));
      if (slot.notBefore == null || !now.isBefore(slot.notBefore)) {
        poll(userId, slot, now);
      }
    }
  }

  private void poll(String userId, UserSlot slot, Instant now) {
    PlaybackSnapshot seen;
    try {
      // Read inside the call, so whatever the library's answer holds cannot fail outside it.
      seen =
          calls.call(
              userId,
              "currently-playing",
              api -> Snapshots.from(api.getUsersCurrentlyPlayingTrack().build().execute()));
    } catch (ReconnectNeededException e) {
      // SpotifyCalls logged the one WARN when it marked the user.
      toldToReconnect.add(userId);
      slots.remove(userId);
      return;
    } catch (SpotifyCallException e) {
      waitAfter(userId, slot, now, e);
      return;
    }
    polls++;
    slot.failuresInARow = 0;
    slot.notBefore = null;

    PlaybackTracker.Step step = tracker.observe(slot.state, now, seen);
    List<PlayEvent> events = publishable(userId, step.finished(), now);
    for (PlayEvent event : events) {
      publisher.publish(event);
    }
    String signature = NowPlaying.signature(seen);
    if (step.changed() || !signature.equals(slot.nowPlayingSignature)) {
      publisher.publishRaw(
          NowPlayingTopic.NAME, userId, NowPlaying.encode(userId, now, seen, step.next().play()));
      slot.nowPlayingSignature = signature;
    }
    if (!events.isEmpty()) {
      publisher.flush();
      pollerPlays.record(userId, events, now);
    }
    states.save(userId, step.next());
    slot.state = step.next();
  }

  private List<PlayEvent> publishable(String userId, List<FinishedPlay> finished, Instant now) {
    List<PlayEvent> events = new ArrayList<>();
    for (FinishedPlay play : finished) {
      if (play.play().listenedMs() == 0) {
        LOG.debug(
            "User {} never listened to {} before it ended; no event.",
            userId,
            play.play().track().trackId());
        continue;
      }
      PlayEvent event = play.toEvent(userId);
      List<String> problems = PlayEventValidator.violations(event.withIngestedAt(now), now);
      if (!problems.isEmpty()) {
        LOG.warn(
            "Dropped a play of user {} that breaks the event contract: {}.",
            userId,
            String.join("; ", problems));
        continue;
      }
      plays++;
      LOG.info(
          "User {}: a play of '{}' by {} ended at {} after {} s listened.",
          userId,
          event.trackName(),
          event.artistName(),
          event.playedAt(),
          String.format(Locale.ROOT, "%.1f", event.msPlayed() / 1000.0));
      events.add(event);
    }
    return events;
  }

  private void waitAfter(String userId, UserSlot slot, Instant now, SpotifyCallException e) {
    Duration wait;
    if (e.isRateLimited()) {
      wait = backoff.afterRateLimit(e.retryAfter());
      LOG.warn(
          "Spotify rate-limited user {} (Retry-After {} s); next poll in {} ms.",
          userId,
          e.retryAfter().toSeconds(),
          wait.toMillis());
    } else {
      slot.failuresInARow++;
      wait = backoff.afterFailures(slot.failuresInARow);
      // SpotifyCalls warned about the first unreadable answer; repeating it each retry is noise.
      LOG.atLevel(e.isUnreadableAnswer() ? Level.DEBUG : Level.WARN)
          .log(
              "{}; failure {} in a row, next poll in {} ms.",
              e.getMessage(),
              slot.failuresInARow,
              wait.toMillis());
    }
    slot.notBefore = now.plus(wait);
  }

  private void warnAboutDevelopmentModeLimit(int connected) {
    if (connected > PollerConfig.DEVELOPMENT_MODE_USER_LIMIT
        && connected != connectedCountWarnedAbout) {
      LOG.warn(
          "{} Spotify users are connected, but an app in development mode serves at most {};"
              + " the others get 403 until the app has an extended quota.",
          connected,
          PollerConfig.DEVELOPMENT_MODE_USER_LIMIT);
    }
    connectedCountWarnedAbout = connected;
  }

  /** Saves every user's state, then flushes and closes the producer. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      slots.forEach((userId, slot) -> states.save(userId, slot.state));
    } finally {
      publisher.close();
    }
    LOG.info(
        "Spotify poller closed after {} polls: {} plays published, {} Spotify answers unreadable.",
        polls,
        plays,
        calls.unreadableAnswers());
  }
}
