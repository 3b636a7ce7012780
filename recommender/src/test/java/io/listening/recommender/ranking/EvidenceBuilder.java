package io.listening.recommender.ranking;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A seed's evidence for the ranker's tests: empty relations unless a test sets one. */
final class EvidenceBuilder {

  static final List<Neighbour> POPULAR =
      List.of(new Neighbour("hit-1", "pop", 100), new Neighbour("hit-2", "pop", 90));

  private List<String> recent = List.of();
  private final Map<String, List<Neighbour>> user = new HashMap<>();
  private List<Neighbour> userRecent = List.of();
  private List<Neighbour> userReplay = List.of();
  private List<Neighbour> userSequence = List.of();
  private final Map<String, List<Neighbour>> userNeighbours = new HashMap<>();
  private final Map<String, List<Neighbour>> everyone = new HashMap<>();
  private List<Neighbour> coOccurrence = List.of();
  private List<Neighbour> artistTop = List.of();

  /** Evidence for the seed "seed" by the artist "band". */
  static EvidenceBuilder seed() {
    return new EvidenceBuilder();
  }

  EvidenceBuilder recent(String... trackIds) {
    recent = List.of(trackIds);
    return this;
  }

  EvidenceBuilder user(String source, Neighbour... followers) {
    user.put(source, List.of(followers));
    return this;
  }

  EvidenceBuilder userRecent(Neighbour... followers) {
    userRecent = List.of(followers);
    return this;
  }

  EvidenceBuilder userReplay(Neighbour... followers) {
    userReplay = List.of(followers);
    return this;
  }

  EvidenceBuilder userSequence(Neighbour... followers) {
    userSequence = List.of(followers);
    return this;
  }

  EvidenceBuilder userNeighbours(String source, Neighbour... neighbours) {
    userNeighbours.put(source, List.of(neighbours));
    return this;
  }

  EvidenceBuilder everyone(String source, Neighbour... followers) {
    everyone.put(source, List.of(followers));
    return this;
  }

  EvidenceBuilder coOccurrence(Neighbour... neighbours) {
    coOccurrence = List.of(neighbours);
    return this;
  }

  EvidenceBuilder artistTop(Neighbour... tracks) {
    artistTop = List.of(tracks);
    return this;
  }

  SeedEvidence build() {
    return new SeedEvidence(
        "seed",
        "band",
        recent,
        user,
        userRecent,
        userReplay,
        userSequence,
        userNeighbours,
        everyone,
        coOccurrence,
        List.of(),
        artistTop,
        POPULAR);
  }
}
