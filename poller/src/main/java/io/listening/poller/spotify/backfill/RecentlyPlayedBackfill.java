package io.listening.poller.spotify.backfill;

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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import se.michaelthelin.spotify.model_objects.specification.Cursor;
import se.michaelthelin.spotify.model_objects.specification.PagingCursorbased;
import se.michaelthelin.spotify.model_objects.specification.PlayHistory;

/**
 * One backfill run over every connected user: asks {@code GET /me/player/recently-played} for the
 * plays after the user's saved cursor, 50 per page, following Spotify's {@code cursors.after} until
 * a page comes back empty, and publishes them as {@code spotify_recently_played} events except
 * those the poller already published (see {@link PollerPlayMatcher}). The cursor is saved after
 * each page Kafka acknowledged, so an interrupted run resumes where it stopped and a repeated run
 * gets exactly what was played since.
 *
 * <p>Spotify keeps only a user's last 50 plays: the first run gets those, and runs further apart
 * than 50 tracks miss the plays in between (the poller or an export covers them). The {@code after}
 * cursor is passed as Unix milliseconds, as Spotify documents; the library's own {@code
 * after(Date)} sends a formatted date instead, so it is not used.
 *
 * <p>A 429 waits for {@code Retry-After}, server errors, timeouts and answers the library cannot
 * read back off exponentially; after {@value #MAX_ATTEMPTS} attempts the user is given up for this
 * run and the others continue.
 */
final class RecentlyPlayedBackfill {

  static final int PAGE_SIZE = 50;
  static final int MAX_ATTEMPTS = 5;

  /** Stops a run whose cursor keeps moving (it should not): at most this many pages per user. */
  static final int MAX_PAGES = 200;

  private static final Logger LOG = LoggerFactory.getLogger(RecentlyPlayedBackfill.class);

  private final PollerConfig config;
  private final TokenStore tokens;
  private final SpotifyCalls calls;
  private final EventPublisher publisher;
  private final CursorStore cursors;
  private final PollerPlayLog pollerPlays;
  private final Backoff backoff;
  private final Sleeper sleeper;
  private final Clock clock;

  /** What one run did. */
  record Summary(
      int users,
      int failedUsers,
      int reconnectNeeded,
      long pages,
      long published,
      long seenByPoller) {

    Summary plus(Summary other) {
      return new Summary(
          users + other.users,
          failedUsers + other.failedUsers,
          reconnectNeeded + other.reconnectNeeded,
          pages + other.pages,
          published + other.published,
          seenByPoller + other.seenByPoller);
    }
  }

  RecentlyPlayedBackfill(
      PollerConfig config,
      TokenStore tokens,
      SpotifyCalls calls,
      EventPublisher publisher,
      Backoff backoff,
      Sleeper sleeper,
      Clock clock) {
    this.config = config;
    this.tokens = tokens;
    this.calls = calls;
    this.publisher = publisher;
    UserFiles files = new UserFiles(config.stateDir());
    this.cursors = new CursorStore(files);
    this.pollerPlays = new PollerPlayLog(files);
    this.backoff = backoff;
    this.sleeper = sleeper;
    this.clock = clock;
  }

  Summary run() {
    Summary total = new Summary(0, 0, 0, 0, 0, 0);
    for (UserTokens user : tokens.users().values()) {
      if (!user.isConnected()) {
        LOG.warn(
            "User {} must reconnect Spotify (status reconnect_needed); skipped.", user.userId());
        total = total.plus(new Summary(1, 0, 1, 0, 0, 0));
        continue;
      }
      try {
        total = total.plus(runUser(user.userId()));
      } catch (ReconnectNeededException e) {
        total = total.plus(new Summary(1, 0, 1, 0, 0, 0));
      } catch (SpotifyCallException e) {
        LOG.warn(
            "Gave up on user {} for this run after {} attempts: {}",
            user.userId(),
            MAX_ATTEMPTS,
            e.getMessage());
        total = total.plus(new Summary(1, 1, 0, 0, 0, 0));
      }
    }
    return total;
  }

  Summary runUser(String userId) throws ReconnectNeededException, SpotifyCallException {
    OptionalLong saved = cursors.load(userId);
    Long after = saved.isPresent() ? saved.getAsLong() : null;
    RecentlyPlayedMapper mapper = new RecentlyPlayedMapper(userId);
    PollerPlayMatcher matcher =
        new PollerPlayMatcher(pollerPlays.load(userId), config::dedupeWindowFor);
    long pages = 0;
    long published = 0;
    long seenByPoller = 0;
    while (pages < MAX_PAGES) {
      PagingCursorbased<PlayHistory> page = fetch(userId, after);
      PlayHistory[] items =
          page == null || page.getItems() == null ? new PlayHistory[0] : page.getItems();
      if (items.length == 0) {
        break;
      }
      pages++;
      Instant now = clock.instant();
      List<PlayEvent> mapped = new ArrayList<>();
      for (PlayHistory item : items) {
        PlayEvent event = mapper.toEvent(item);
        if (event == null) {
          LOG.warn(
              "User {}: a recently-played item without a track or played_at; skipped.", userId);
        } else {
          mapped.add(event);
        }
      }
      boolean[] seen = matcher.seenByPoller(mapped);
      List<PlayEvent> events = new ArrayList<>();
      for (int i = 0; i < mapped.size(); i++) {
        PlayEvent event = mapped.get(i);
        if (seen[i]) {
          seenByPoller++;
          continue;
        }
        List<String> problems = PlayEventValidator.violations(event.withIngestedAt(now), now);
        if (problems.isEmpty()) {
          events.add(event);
        } else {
          LOG.warn(
              "User {}: dropped a recently-played item that breaks the event contract: {}.",
              userId,
              String.join("; ", problems));
        }
      }
      events.sort(Comparator.comparing(PlayEvent::playedAt));
      events.forEach(publisher::publish);
      publisher.flush();
      published += events.size();
      Long next = nextCursor(page, items);
      if (next == null || (after != null && next <= after)) {
        break;
      }
      after = next;
      cursors.save(userId, after, now);
    }
    LOG.info(
        "User {}: {} recently-played pages, {} plays published, {} already published by the poller;"
            + " cursor now {}.",
        userId,
        pages,
        published,
        seenByPoller,
        after == null ? "unset" : Instant.ofEpochMilli(after));
    return new Summary(1, 0, 0, pages, published, seenByPoller);
  }

  private PagingCursorbased<PlayHistory> fetch(String userId, Long after)
      throws ReconnectNeededException, SpotifyCallException {
    for (int attempt = 1; ; attempt++) {
      try {
        return calls.call(
            userId,
            "recently-played",
            api -> {
              var request = api.getCurrentUsersRecentlyPlayedTracks().limit(PAGE_SIZE);
              if (after != null) {
                request.setQueryParameter("after", after);
              }
              return request.build().execute();
            });
      } catch (SpotifyCallException e) {
        if (attempt >= MAX_ATTEMPTS) {
          throw e;
        }
        Duration wait =
            e.isRateLimited()
                ? backoff.afterRateLimit(e.retryAfter())
                : backoff.afterFailures(attempt);
        // SpotifyCalls warned about the first unreadable answer; repeating it each retry is noise.
        LOG.atLevel(e.isUnreadableAnswer() ? Level.DEBUG : Level.WARN)
            .log(
                "{}; attempt {} of {}, retrying in {} ms.",
                e.getMessage(),
                attempt,
                MAX_ATTEMPTS,
                wait.toMillis());
        try {
          sleeper.sleep(wait);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(
              "Interrupted while waiting to call Spotify again", interrupted);
        }
      }
    }
  }

  /** Spotify's {@code cursors.after} (Unix ms); else the newest {@code played_at} of the page. */
  private static Long nextCursor(PagingCursorbased<PlayHistory> page, PlayHistory[] items) {
    Cursor[] pageCursors = page.getCursors();
    if (pageCursors != null && pageCursors.length > 0 && pageCursors[0] != null) {
      String after = pageCursors[0].getAfter();
      if (after != null && after.matches("\\d{1,19}")) {
        return Long.parseLong(after);
      }
    }
    Long newest = null;
    for (PlayHistory item : items) {
      if (item != null && item.getPlayedAt() != null) {
        long playedAt = item.getPlayedAt().getTime();
        newest = newest == null ? playedAt : Math.max(newest, playedAt);
      }
    }
    return newest;
  }
}
