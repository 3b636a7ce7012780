package io.listening.webapp.nowplaying;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * {@code /now-playing}, the last entry of the side navigation: one card per user with the track, its
 * progress and whether it plays, pushed to the browser (server push, see {@code system.PushAppShell})
 * when a record arrives and once a second while the page is open, so progress moves without a reload.
 * Under each track, "play next": the first few recommendations for the user ({@link PlayNext}),
 * asked again only when the track on the player changes.
 */
@Route("now-playing")
@PageTitle("Now playing")
@Menu(title = "Now playing", order = 11)
public class NowPlayingView extends VerticalLayout {

  static final int PLAY_NEXT_COUNT = 5;

  private final NowPlayingProperties properties;
  private final NowPlayingStates states;
  private final ProgressTicker ticker;
  private final PlayNext playNext;
  private final Clock clock;
  private final Paragraph empty = new Paragraph();
  private final Map<String, UserCard> cards = new LinkedHashMap<>();
  private final Div cardList = new Div();
  private @Nullable Runnable unsubscribeChanges;
  private @Nullable Runnable unsubscribeTicks;

  public NowPlayingView(
      NowPlayingProperties properties,
      NowPlayingStates states,
      ProgressTicker ticker,
      PlayNext playNext,
      Clock clock) {
    this.properties = properties;
    this.states = states;
    this.ticker = ticker;
    this.playNext = playNext;
    this.clock = clock;
    empty.setId("now-playing-empty");
    cardList.setId("now-playing-users");
    cardList.setWidthFull();
    add(new H1("Now playing"), empty, cardList);
    render();
  }

  @Override
  protected void onAttach(AttachEvent event) {
    UI ui = event.getUI();
    Runnable update = () -> ui.access(this::render);
    unsubscribeChanges = states.subscribe(update);
    unsubscribeTicks = ticker.subscribe(update);
    render();
  }

  @Override
  protected void onDetach(DetachEvent event) {
    if (unsubscribeChanges != null) {
      unsubscribeChanges.run();
    }
    if (unsubscribeTicks != null) {
      unsubscribeTicks.run();
    }
  }

  private void render() {
    List<PlaybackState> all = states.all();
    if (!properties.enabled()) {
      empty.setText(NowPlayingUnavailableException.NOT_CONFIGURED);
    } else if (all.isEmpty()) {
      empty.setText(
          states.caughtUp()
              ? "Nobody has played anything yet."
              : "Reading the now-playing topic...");
    }
    empty.setVisible(all.isEmpty());
    Set<String> users = all.stream().map(PlaybackState::userId).collect(Collectors.toSet());
    cards.entrySet().removeIf(
        card -> {
          boolean gone = !users.contains(card.getKey());
          if (gone) {
            cardList.remove(card.getValue());
          }
          return gone;
        });
    for (PlaybackState state : all) {
      UserCard card =
          cards.computeIfAbsent(
              state.userId(),
              user -> {
                UserCard created = new UserCard(user);
                cardList.add(created);
                return created;
              });
      card.show(NowPlayingResponse.of(state, clock.instant()));
      String trackId = state.hasTrack() ? state.trackId() : null;
      if (card.needsPlayNext(trackId)) {
        card.showPlayNext(trackId, playNext.forUser(state.userId(), PLAY_NEXT_COUNT));
      }
    }
  }

  /** One user's playback. Class names let a test (or a stylesheet) find each part. */
  private static final class UserCard extends Div {

    private final Span track = part("now-playing-track");
    private final Span artist = part("now-playing-artist");
    private final Span status = part("now-playing-status");
    private final Span position = part("now-playing-position");
    private final ProgressBar bar = new ProgressBar();
    private final OrderedList next = new OrderedList();
    private final Span nothingNext = part("now-playing-next-empty");
    private boolean playNextShown;
    private @Nullable String playNextTrackId;

    UserCard(String userId) {
      addClassName("now-playing-user");
      getElement().setAttribute("data-user", userId);
      getStyle().set("padding", "var(--lumo-space-m) 0");
      bar.setWidth("24em");
      next.addClassName("now-playing-next");
      nothingNext.setText("Nothing to suggest yet: the warehouse does not know this track or listener.");
      add(
          new H3(userId),
          track,
          new Span(" "),
          artist,
          new Div(status),
          bar,
          new Div(position),
          new H4("Play next"),
          next,
          nothingNext);
    }

    /** Whether the suggestions shown were made for another track than {@code trackId}. */
    boolean needsPlayNext(@Nullable String trackId) {
      return !playNextShown || !Objects.equals(playNextTrackId, trackId);
    }

    void showPlayNext(@Nullable String trackId, List<PlayNext.Suggestion> suggestions) {
      playNextShown = true;
      playNextTrackId = trackId;
      next.removeAll();
      for (PlayNext.Suggestion suggestion : suggestions) {
        ListItem item = new ListItem();
        item.addClassName("now-playing-next-track");
        item.getElement().setAttribute("data-track", suggestion.trackId());
        item.getElement().setAttribute("title", suggestion.reason());
        item.setText(orDash(suggestion.trackName()) + " by " + orDash(suggestion.artistName()));
        next.add(item);
      }
      next.setVisible(!suggestions.isEmpty());
      nothingNext.setVisible(suggestions.isEmpty());
    }

    void show(NowPlayingResponse now) {
      status.setText(
          switch (now.status()) {
            case PlaybackState.PLAYING -> "Playing";
            case PlaybackState.PAUSED -> "Paused";
            default -> "Stopped";
          });
      NowPlayingResponse.Track playing = now.track();
      track.setText(playing == null ? "Nothing playing" : orDash(playing.trackName()));
      artist.setText(playing == null ? "" : "by " + orDash(playing.artistName()));
      Long progress = now.progressMs();
      Long duration = playing == null ? null : playing.durationMs();
      bar.setVisible(progress != null && duration != null && duration > 0);
      if (progress != null && duration != null && duration > 0) {
        bar.setValue(Math.min(1.0, (double) progress / duration));
      }
      position.setText(
          progress == null
              ? ""
              : minutes(progress) + (duration == null ? "" : " / " + minutes(duration)));
    }

    private static Span part(String className) {
      Span span = new Span();
      span.addClassName(className);
      return span;
    }

    private static String orDash(@Nullable String value) {
      return value == null ? "-" : value;
    }

    private static String minutes(long millis) {
      Duration duration = Duration.ofMillis(millis);
      return duration.toMinutes() + ":" + String.format("%02d", duration.toSecondsPart());
    }
  }
}
