package io.listening.recommender.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NextTrackRankerTest {

  /** Every component weighted, so each rule below can show; the served weights may zero some. */
  private static final NextTrackRanker RANKER =
      new NextTrackRanker(new BlendWeights(1.0, 0.5, 0.5, 0.3, 0.5, 0.1, 0.3, 0.2, 0.05, 0.05, 0.5));

  private static final ListenerProfile ALICE =
      ListenerProfile.of(
          "alice",
          List.of(
              new KnownTrack("seed", "band", 9, 1.0),
              new KnownTrack("hers", "other", 3, 0.2),
              new KnownTrack("earlier", "other", 2, 0.1)),
          Map.of("band", 1.0, "other", 0.0));

  private static final List<Neighbour> POPULAR =
      List.of(new Neighbour("hit-1", "pop", 100), new Neighbour("hit-2", "pop", 90));

  @Test
  void whatTheListenerPlaysAfterTheSeedOutranksWhatEveryonePlays() {
    SeedEvidence evidence =
        evidence(
            List.of(),
            Map.of("seed", List.of(new Neighbour("hers", "other", 1.0))),
            Map.of("seed", List.of(new Neighbour("theirs", "other", 1.0))));

    List<RankedTrack> answer = RANKER.rank(new RankingRequest(evidence, ALICE, 5, false));

    assertThat(answer.get(0).trackId()).isEqualTo("hers");
    assertThat(answer.get(0).reason()).isEqualTo(Reason.YOU_PLAY_THIS_NEXT);
    assertThat(answer).extracting(RankedTrack::trackId).contains("theirs").doesNotContain("seed");
  }

  @Test
  void componentsAddUpToTheScore() {
    SeedEvidence evidence =
        evidence(
            List.of(),
            Map.of("seed", List.of(new Neighbour("hers", "other", 0.5))),
            Map.of("seed", List.of(new Neighbour("hers", "other", 0.5))));

    RankedTrack best = RANKER.rank(new RankingRequest(evidence, ALICE, 1, false)).get(0);

    assertThat(best.components().values().stream().mapToDouble(Double::doubleValue).sum())
        .isCloseTo(best.score(), within(1e-12));
    assertThat(best.components())
        .containsKeys(Component.USER_TRANSITIONS, Component.EVERYONE_TRANSITIONS, Component.FAMILIARITY);
  }

  @Test
  void whatFollowedTheRecentTracksCountsAndFadesWithEveryStepBack() {
    SeedEvidence withContext =
        evidence(
            List.of("previous", "before-previous"),
            Map.of(
                "previous", List.of(new Neighbour("after-previous", "other", 1.0)),
                "before-previous", List.of(new Neighbour("after-before", "other", 1.0))),
            Map.of("seed", List.of(new Neighbour("theirs", "other", 0.2))));

    List<RankedTrack> answer = RANKER.rank(new RankingRequest(withContext, ALICE, 10, false));

    assertThat(answer).extracting(RankedTrack::trackId).containsSubsequence("after-previous", "after-before");
    assertThat(RANKER.rank(new RankingRequest(withContext.withoutContext(), ALICE, 10, false)))
        .extracting(RankedTrack::trackId)
        .doesNotContain("after-previous", "after-before");
  }

  @Test
  void whatFollowedTheSeedLatelyOutranksAnOlderHabit() {
    // Over all time the listener played "old" and "new" after the seed equally; lately only "new".
    SeedEvidence evidence =
        new SeedEvidence(
            "seed",
            "band",
            List.of(),
            Map.of("seed", List.of(new Neighbour("old", "other", 0.5), new Neighbour("new", "other", 0.5))),
            List.of(new Neighbour("new", "other", 0.9), new Neighbour("old", "other", 0.1)),
            List.of(),
            List.of(),
            Map.of(),
            List.of(),
            List.of(),
            List.of(),
            POPULAR);

    List<RankedTrack> answer = RANKER.rank(new RankingRequest(evidence, ALICE, 2, false));

    assertThat(answer).extracting(RankedTrack::trackId).containsExactly("new", "old");
    assertThat(answer.get(0).components()).containsKey(Component.USER_RECENT_TRANSITIONS);
  }

  @Test
  void theTrackBeforeTheSeedPicksWhichOfItsFollowersComesNext() {
    // After the seed the listener plays "album-next" or "playlist-next"; after (previous, seed)
    // it was always "playlist-next".
    SeedEvidence evidence =
        new SeedEvidence(
            "seed",
            "band",
            List.of("previous"),
            Map.of(
                "seed",
                List.of(new Neighbour("album-next", "band", 0.6), new Neighbour("playlist-next", "other", 0.4))),
            List.of(),
            List.of(new Neighbour("playlist-next", "other", 1.0)),
            List.of(),
            Map.of(),
            List.of(),
            List.of(),
            List.of(),
            POPULAR);

    List<RankedTrack> answer = RANKER.rank(new RankingRequest(evidence, ALICE, 2, false));

    assertThat(answer.get(0).trackId()).isEqualTo("playlist-next");
    assertThat(answer.get(0).reason()).isEqualTo(Reason.CONTINUES_YOUR_SEQUENCE);
    assertThat(evidence.withoutContext().userSequenceFollowers()).isEmpty();
  }

  @Test
  void aTrackTheListenerPlaysNearTheSeedInEitherOrderIsACandidateWithItsReason() {
    SeedEvidence evidence =
        new SeedEvidence(
            "seed",
            "band",
            List.of(),
            Map.of(),
            List.of(),
            List.of(),
            List.of(new Neighbour("shuffled-neighbour", "other", 0.8)),
            Map.of(),
            List.of(),
            List.of(),
            List.of(),
            POPULAR);

    RankedTrack best = RANKER.rank(new RankingRequest(evidence, ALICE, 1, false)).get(0);

    assertThat(best.trackId()).isEqualTo("shuffled-neighbour");
    assertThat(best.reason()).isEqualTo(Reason.IN_YOUR_SESSIONS_WITH);
  }

  @Test
  void aComponentWeightedZeroBringsNoCandidates() {
    SeedEvidence evidence =
        new SeedEvidence(
            "seed",
            "band",
            List.of(),
            Map.of(),
            List.of(),
            List.of(),
            List.of(new Neighbour("shuffled-neighbour", "other", 0.8)),
            Map.of(),
            List.of(),
            List.of(),
            List.of(),
            POPULAR);

    List<RankedTrack> answer =
        new NextTrackRanker(BlendWeights.SERVED).rank(new RankingRequest(evidence, ALICE, 10, false));

    assertThat(BlendWeights.SERVED.userNeighbours()).isZero();
    assertThat(answer).extracting(RankedTrack::trackId).doesNotContain("shuffled-neighbour");
  }

  @Test
  void aTrackFromEarlierInTheSessionIsAReplayCandidate() {
    SeedEvidence evidence =
        evidence(List.of("earlier"), Map.of(), Map.of("seed", List.of(new Neighbour("theirs", "x", 0.01))));

    List<RankedTrack> answer = RANKER.rank(new RankingRequest(evidence, ALICE, 10, false));

    RankedTrack replay =
        answer.stream().filter(t -> t.trackId().equals("earlier")).findFirst().orElseThrow();
    assertThat(replay.components()).containsKey(Component.SESSION_REPEAT);
  }

  @Test
  void discoveryLeavesOutEveryTrackTheListenerPlayed() {
    SeedEvidence evidence =
        evidence(
            List.of("earlier"),
            Map.of("seed", List.of(new Neighbour("hers", "other", 1.0))),
            Map.of("seed", List.of(new Neighbour("theirs", "other", 1.0))));

    List<RankedTrack> answer = RANKER.rank(new RankingRequest(evidence, ALICE, 10, true));

    assertThat(answer).extracting(RankedTrack::trackId).doesNotContain("seed", "hers", "earlier");
    assertThat(answer.get(0).trackId()).isEqualTo("theirs");
  }

  @Test
  void aSeedNobodyFollowedFallsBackToTheArtistsPopularTracksThenEveryones() {
    SeedEvidence nothing =
        new SeedEvidence(
            "seed",
            "band",
            List.of(),
            Map.of(),
            List.of(),
            List.of(),
            List.of(),
            Map.of(),
            List.of(),
            List.of(),
            List.of(new Neighbour("seed", "band", 50), new Neighbour("band-hit", "band", 40)),
            POPULAR);

    List<RankedTrack> answer =
        RANKER.rank(new RankingRequest(nothing, ListenerProfile.anonymous(), 3, false));

    assertThat(answer).extracting(RankedTrack::trackId).containsExactly("band-hit", "hit-1", "hit-2");
    assertThat(answer.get(1).coldStart()).isTrue();
    assertThat(answer.get(1).reason()).isEqualTo(Reason.POPULAR);
    assertThat(nothing.isColdStart()).isTrue();
  }

  private static SeedEvidence evidence(
      List<String> recent,
      Map<String, List<Neighbour>> user,
      Map<String, List<Neighbour>> everyone) {
    return new SeedEvidence(
        "seed", "band", recent, user, List.of(), List.of(), List.of(), everyone, List.of(), List.of(), List.of(),
        POPULAR);
  }
}
