package io.listening.poller.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.listening.events.EventTypes;
import io.listening.events.PlayEvent;
import io.listening.events.PlayEventValidator;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class ListeningSimulationTest {

  private static final SimulatorConfig CONFIG =
      new SimulatorConfig(7, 20, 600, 6, 14, LocalDate.parse("2024-06-15"), 0, 0);

  @Test
  void sameSeedGivesTheSameHistory() {
    assertThat(events(CONFIG)).isEqualTo(events(CONFIG));
  }

  @Test
  void differentSeedGivesAnotherHistory() {
    SimulatorConfig other = new SimulatorConfig(8, 20, 600, 6, 14, CONFIG.endDate(), 0, 0);

    assertThat(events(other)).isNotEqualTo(events(CONFIG));
  }

  @Test
  void everyEventKeepsTheContract() {
    Instant now = Instant.parse("2024-06-15T00:00:00Z");

    for (PlayEvent event : events(CONFIG)) {
      assertThat(PlayEventValidator.violations(event.withIngestedAt(now), now)).isEmpty();
    }
  }

  @Test
  void eventsStayInsideTheSimulatedDaysAndIdsAreUnique() {
    List<PlayEvent> events = events(CONFIG);
    Instant first = Instant.parse("2024-06-01T00:00:00Z");
    Instant last = Instant.parse("2024-06-15T00:00:00Z");

    assertThat(events).allSatisfy(e -> assertThat(e.playedAt()).isAfterOrEqualTo(first).isBefore(last));
    assertThat(events.stream().map(PlayEvent::eventId).distinct().count()).isEqualTo(events.size());
  }

  @Test
  void listenersSkipSomeTracksWhichStayPlaysWithTheirShortListeningTime() {
    List<PlayEvent> events = events(CONFIG);
    Map<String, Long> byType =
        events.stream().collect(Collectors.groupingBy(PlayEvent::eventType, Collectors.counting()));
    List<PlayEvent> plays =
        events.stream().filter(e -> e.eventType().equals(EventTypes.PLAY)).toList();
    List<PlayEvent> skipped = plays.stream().filter(e -> e.skipped()).toList();

    assertThat(byType.keySet()).containsExactlyInAnyOrder(EventTypes.PLAY, EventTypes.LIKE);
    assertThat(plays).allSatisfy(e -> assertThat(e.skipped()).isNotNull());
    assertThat(skipped)
        .allSatisfy(
            e -> {
              assertThat(e.msPlayed()).isBetween(1_000L, ListeningSimulation.SKIP_WITHIN_MS - 1);
              assertThat(e.reasonEnd()).isEqualTo("fwdbtn");
            });
    assertThat(plays)
        .filteredOn(e -> !e.skipped())
        .allSatisfy(
            e ->
                assertThat(e.msPlayed())
                    .isGreaterThanOrEqualTo(ListeningSimulation.SKIP_WITHIN_MS));
    assertThat(skipped.size() / (double) plays.size()).isBetween(0.05, 0.45);
    assertThat(byType.get(EventTypes.LIKE)).isPositive();
  }

  @Test
  void likesFollowOnlyTracksThatWereNotSkipped() {
    List<PlayEvent> events = events(CONFIG);
    Map<String, PlayEvent> playsByUserTrackAndEnd = new HashMap<>();
    for (PlayEvent event : events) {
      if (event.eventType().equals(EventTypes.PLAY)) {
        playsByUserTrackAndEnd.put(event.userId() + event.trackId() + event.playedAt(), event);
      }
    }

    assertThat(events)
        .filteredOn(e -> e.eventType().equals(EventTypes.LIKE))
        .isNotEmpty()
        .allSatisfy(
            like -> {
              assertThat(like.skipped()).isNull();
              PlayEvent liked =
                  playsByUserTrackAndEnd.get(like.userId() + like.trackId() + like.playedAt());
              assertThat(liked).isNotNull();
              assertThat(liked.skipped()).isFalse();
            });
  }

  @Test
  void aFewTracksAreFarMorePopularThanTheLongTail() {
    Map<String, Long> playsPerTrack =
        events(CONFIG).stream()
            .filter(e -> e.eventType().equals(EventTypes.PLAY))
            .collect(Collectors.groupingBy(PlayEvent::trackId, Collectors.counting()));
    List<Long> counts = playsPerTrack.values().stream().sorted((a, b) -> Long.compare(b, a)).toList();
    long total = counts.stream().mapToLong(Long::longValue).sum();
    long topTenPercent = counts.stream().limit(Math.max(1, counts.size() / 10)).mapToLong(Long::longValue).sum();

    assertThat(topTenPercent / (double) total).isGreaterThan(0.3);
  }

  @Test
  void plantedRelatedTracksFollowEachOtherFarMoreOftenThanChance() {
    ListeningSimulation simulation = new ListeningSimulation(CONFIG);
    List<PlayEvent> events = listenings(simulation);
    Map<String, Set<String>> related = relatedIds(simulation);
    int consecutivePairs = 0;
    int relatedPairs = 0;
    for (int i = 1; i < events.size(); i++) {
      PlayEvent previous = events.get(i - 1);
      PlayEvent next = events.get(i);
      if (previous.userId().equals(next.userId())
          && next.startedAt().minusSeconds(5).isBefore(previous.playedAt())) {
        consecutivePairs++;
        if (related.get(previous.trackId()).contains(next.trackId())) {
          relatedPairs++;
        }
      }
    }
    // By chance, 5 related tracks out of 600 would follow about 1% of the time.
    assertThat(relatedPairs / (double) consecutivePairs).isGreaterThan(0.3);
  }

  @Test
  void maxEventsStopsTheHistoryEarly() {
    SimulatorConfig capped = new SimulatorConfig(7, 20, 600, 6, 14, CONFIG.endDate(), 100, 0);

    assertThat(events(capped)).hasSize(100).isEqualTo(events(CONFIG).subList(0, 100));
  }

  @Test
  void nonsensicalConfigurationIsRefusedWithTheReason() {
    assertThatThrownBy(() -> new SimulatorConfig(1, 0, 600, 6, 14, CONFIG.endDate(), 0, 0))
        .hasMessage("users must be positive");
    assertThatThrownBy(() -> new SimulatorConfig(1, 5, 50, 6, 14, CONFIG.endDate(), 0, 0))
        .hasMessage("tracks must be at least 10 per genre");
  }

  private static List<PlayEvent> events(SimulatorConfig config) {
    return StreamSupport.stream(new ListeningSimulation(config).spliterator(), false).toList();
  }

  private static List<PlayEvent> listenings(ListeningSimulation simulation) {
    List<PlayEvent> events = new ArrayList<>();
    for (PlayEvent event : simulation) {
      if (!event.eventType().equals(EventTypes.LIKE)) {
        events.add(event);
      }
    }
    return events;
  }

  private static Map<String, Set<String>> relatedIds(ListeningSimulation simulation) {
    Catalog catalog = simulation.catalog();
    Map<String, Set<String>> related = new HashMap<>();
    for (int i = 0; i < catalog.size(); i++) {
      Track track = catalog.track(i);
      Set<String> ids = new HashSet<>();
      for (int other : track.related()) {
        ids.add(catalog.track(other).id());
      }
      related.put(track.id(), ids);
    }
    return related;
  }
}
