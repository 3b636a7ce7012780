package io.listening.recommender.evaluation;

import io.listening.recommender.ranking.ListenerProfile;
import io.listening.recommender.ranking.Neighbour;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * Where the next tracks of a period's questions are found in the evidence a ranker gets: the share
 * of questions whose actual next track is among the session's recent tracks, in each gold
 * relation, and known to the listener. It tells which components can help at all, and how many
 * answers a rule about the session's own tracks touches, before any weight is chosen.
 */
final class Reachability {

  private final Map<String, Long> found = new LinkedHashMap<>();
  private long questions;

  private Reachability() {}

  static Reachability of(Questions questions) {
    Map<String, BiPredicate<Questions.NextTrack, ListenerProfile>> places = new LinkedHashMap<>();
    places.put("among the recent tracks of the session", (q, p) -> q.evidence().recent().contains(q.actual()));
    places.put("a follower of the seed (user transitions)",
        (q, p) -> holds(q.evidence().userFollowers().get(q.evidence().seedTrackId()), q.actual()));
    places.put("a follower of the seed the last times (user replay)",
        (q, p) -> holds(q.evidence().userReplayFollowers(), q.actual()));
    places.put("a follower of the previous track and the seed (user sequence)",
        (q, p) -> holds(q.evidence().userSequenceFollowers(), q.actual()));
    places.put("a follower of a recent track (user transitions)",
        (q, p) -> q.evidence().recent().stream()
            .anyMatch(r -> holds(q.evidence().userFollowers().get(r), q.actual())));
    places.put("a neighbour of the seed (user neighbours)",
        (q, p) -> holds(q.evidence().userNeighbours().get(q.evidence().seedTrackId()), q.actual()));
    places.put("a neighbour of the seed or a recent track (user neighbours)",
        (q, p) -> q.evidence().userNeighbours().values().stream().anyMatch(list -> holds(list, q.actual())));
    places.put("a follower of the seed over everyone",
        (q, p) -> holds(q.evidence().everyoneFollowers().get(q.evidence().seedTrackId()), q.actual()));
    places.put("one of the seed artist's 20 most played tracks",
        (q, p) -> holds(q.evidence().artistTopTracks(), q.actual()));
    places.put("one of the listener's 50 most familiar tracks",
        (q, p) -> p.mostFamiliar(50).stream().anyMatch(t -> t.trackId().equals(q.actual())));
    places.put("a track the listener played in training", (q, p) -> p.knows(q.actual()));
    Reachability reachability = new Reachability();
    places.keySet().forEach(place -> reachability.found.put(place, 0L));
    for (Questions.NextTrack question : questions.nextTrack) {
      ListenerProfile profile = questions.profiles.get(question.userId());
      reachability.questions++;
      places.forEach(
          (place, test) -> {
            if (test.test(question, profile)) {
              reachability.found.merge(place, 1L, Long::sum);
            }
          });
    }
    return reachability;
  }

  private static boolean holds(List<Neighbour> neighbours, String trackId) {
    return neighbours != null && neighbours.stream().anyMatch(n -> n.trackId().equals(trackId));
  }

  /** One log sentence per place. */
  List<String> describe(String period) {
    List<String> lines = new ArrayList<>();
    found.forEach(
        (place, count) ->
            lines.add(
                String.format(
                    Locale.ROOT,
                    "Next tracks of the %s period %s: %d of %d questions (%.1f%%).",
                    period, place, count, questions, questions == 0 ? 0 : 100.0 * count / questions)));
    return lines;
  }
}
