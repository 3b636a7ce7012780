package io.listening.recommender.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NextTrackRankerTest {

  /** Every component weighted, so each rule below can show; the served weights may zero some. */
  private static final BlendWeights ALL =
      new BlendWeights(1.0, 0.5, 0.5, 0.5, 0.3, 0.5, 0.1, 0.3, 0.2, 0.05, 0.05, 0.5, 1.0, 0.0);

  private static final NextTrackRanker RANKER = new NextTrackRanker(ALL);

  private static final ListenerProfile ALICE =
      ListenerProfile.of(
          "alice",
          List.of(
              new KnownTrack("seed", "band", 9, 1.0),
              new KnownTrack("hers", "other", 3, 0.2),
              new KnownTrack("earlier", "other", 2, 0.1)),
          Map.of("band", 1.0, "other", 0.0));

  @Test
  void whatTheListenerPlaysAfterTheSeedOutranksWhatEveryonePlays() {
    SeedEvidence evidence =
        EvidenceBuilder.seed()
            .user("seed", new Neighbour("hers", "other", 1.0))
            .everyone("seed", new Neighbour("theirs", "other", 1.0))
            .build();

    List<RankedTrack> answer = RANKER.rank(new RankingRequest(evidence, ALICE, 5, false));

    assertThat(answer.get(0).trackId()).isEqualTo("hers");
    assertThat(answer.get(0).reason()).isEqualTo(Reason.YOU_PLAY_THIS_NEXT);
    assertThat(answer).extracting(RankedTrack::trackId).contains("theirs").doesNotContain("seed");
  }

  @Test
  void componentsAddUpToTheScore() {
    SeedEvidence evidence =
        EvidenceBuilder.seed()
            .user("seed", new Neighbour("hers", "other", 0.5))
            .everyone("seed", new Neighbour("hers", "other", 0.5))
            .build();

    RankedTrack best = RANKER.rank(new RankingRequest(evidence, ALICE, 1, false)).get(0);

    assertThat(best.components().values().stream().mapToDouble(Double::doubleValue).sum())
        .isCloseTo(best.score(), within(1e-12));
    assertThat(best.components())
        .containsKeys(Component.USER_TRANSITIONS, Component.EVERYONE_TRANSITIONS, Component.FAMILIARITY);
  }

  @Test
  void whatFollowedTheRecentTracksCountsAndFadesWithEveryStepBack() {
    SeedEvidence withContext =
        EvidenceBuilder.seed()
            .recent("previous", "before-previous")
            .user("previous", new Neighbour("after-previous", "other", 1.0))
            .user("before-previous", new Neighbour("after-before", "other", 1.0))
            .everyone("seed", new Neighbour("theirs", "other", 0.2))
            .build();

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
        EvidenceBuilder.seed()
            .user("seed", new Neighbour("old", "other", 0.5), new Neighbour("new", "other", 0.5))
            .userRecent(new Neighbour("new", "other", 0.9), new Neighbour("old", "other", 0.1))
            .build();

    List<RankedTrack> answer = RANKER.rank(new RankingRequest(evidence, ALICE, 2, false));

    assertThat(answer).extracting(RankedTrack::trackId).containsExactly("new", "old");
    assertThat(answer.get(0).components()).containsKey(Component.USER_RECENT_TRANSITIONS);
  }

  @Test
  void whatFollowedTheSeedTheLastTimesOutranksAnOlderHabitWithItsReason() {
    SeedEvidence evidence =
        EvidenceBuilder.seed()
            .user("seed", new Neighbour("habit", "other", 0.6), new Neighbour("last-time", "other", 0.4))
            .userReplay(new Neighbour("last-time", "other", 1.0))
            .build();
    NextTrackRanker replaying =
        new NextTrackRanker(new BlendWeights(1.0, 0, 1.0, 0, 0, 0, 0, 0, 0, 0, 0, 0.5, 1.0, 0));

    List<RankedTrack> answer = replaying.rank(new RankingRequest(evidence, ALICE, 2, false));

    assertThat(answer).extracting(RankedTrack::trackId).containsExactly("last-time", "habit");
    assertThat(answer.get(0).reason()).isEqualTo(Reason.YOU_PLAYED_THIS_NEXT_LAST_TIME);
    assertThat(answer.get(0).components()).containsKey(Component.USER_REPLAY);
  }

  @Test
  void theTrackBeforeTheSeedPicksWhichOfItsFollowersComesNext() {
    // After the seed the listener plays "album-next" or "playlist-next"; after (previous, seed)
    // it was always "playlist-next".
    SeedEvidence evidence =
        EvidenceBuilder.seed()
            .recent("previous")
            .user("seed", new Neighbour("album-next", "band", 0.6), new Neighbour("playlist-next", "other", 0.4))
            .userSequence(new Neighbour("playlist-next", "other", 1.0))
            .build();

    List<RankedTrack> answer = RANKER.rank(new RankingRequest(evidence, ALICE, 2, false));

    assertThat(answer.get(0).trackId()).isEqualTo("playlist-next");
    assertThat(answer.get(0).reason()).isEqualTo(Reason.CONTINUES_YOUR_SEQUENCE);
    assertThat(evidence.withoutContext().userSequenceFollowers()).isEmpty();
  }

  @Test
  void aTrackTheListenerPlaysNearTheSeedInEitherOrderIsACandidateWithItsReason() {
    SeedEvidence evidence =
        EvidenceBuilder.seed().userNeighbours("seed", new Neighbour("shuffled-neighbour", "other", 0.8)).build();

    RankedTrack best = RANKER.rank(new RankingRequest(evidence, ALICE, 1, false)).get(0);

    assertThat(best.trackId()).isEqualTo("shuffled-neighbour");
    assertThat(best.reason()).isEqualTo(Reason.IN_YOUR_SESSIONS_WITH);
  }

  @Test
  void theNeighboursOfTheRecentTracksCountFadedAndOnlyWithContext() {
    SeedEvidence evidence =
        EvidenceBuilder.seed()
            .recent("previous")
            .userNeighbours("seed", new Neighbour("near-seed", "other", 0.8))
            .userNeighbours("previous", new Neighbour("near-previous", "other", 0.8))
            .build();

    List<RankedTrack> answer = RANKER.rank(new RankingRequest(evidence, ALICE, 10, false));

    assertThat(answer).extracting(RankedTrack::trackId).containsSubsequence("near-seed", "near-previous");
    assertThat(RANKER.rank(new RankingRequest(evidence.withoutContext(), ALICE, 10, false)))
        .extracting(RankedTrack::trackId)
        .contains("near-seed")
        .doesNotContain("near-previous");
  }

  @Test
  void aComponentWeightedZeroBringsNoCandidates() {
    SeedEvidence evidence =
        EvidenceBuilder.seed().userNeighbours("seed", new Neighbour("shuffled-neighbour", "other", 0.8)).build();
    BlendWeights noNeighbours = BlendWeights.of(withValue(ALL, "user neighbours", 0));

    List<RankedTrack> answer =
        new NextTrackRanker(noNeighbours).rank(new RankingRequest(evidence, ALICE, 10, false));

    assertThat(answer).extracting(RankedTrack::trackId).doesNotContain("shuffled-neighbour");
  }

  @Test
  void aTrackFromEarlierInTheSessionIsAReplayCandidate() {
    SeedEvidence evidence =
        EvidenceBuilder.seed().recent("earlier").everyone("seed", new Neighbour("theirs", "x", 0.01)).build();

    List<RankedTrack> answer = RANKER.rank(new RankingRequest(evidence, ALICE, 10, false));

    RankedTrack replay =
        answer.stream().filter(t -> t.trackId().equals("earlier")).findFirst().orElseThrow();
    assertThat(replay.components()).containsKey(Component.SESSION_REPEAT);
  }

  @Test
  void aRecentTrackFactorOfZeroLeavesTheSessionsOwnTracksOut() {
    // The listener played "earlier" then the seed; "earlier" follows "previous" in their history.
    SeedEvidence evidence =
        EvidenceBuilder.seed()
            .recent("earlier", "previous")
            .user("previous", new Neighbour("earlier", "other", 1.0), new Neighbour("elsewhere", "other", 0.5))
            .build();
    BlendWeights leaveOut = BlendWeights.of(withValue(ALL, "recent track factor", 0));

    List<RankedTrack> kept = RANKER.rank(new RankingRequest(evidence, ALICE, 10, false));
    List<RankedTrack> left = new NextTrackRanker(leaveOut).rank(new RankingRequest(evidence, ALICE, 10, false));

    assertThat(kept).extracting(RankedTrack::trackId).contains("earlier", "previous");
    assertThat(left).extracting(RankedTrack::trackId).contains("elsewhere").doesNotContain("earlier", "previous");
  }

  @Test
  void fullNormalizationScalesEachComponentsBestCandidateToItsWeight() {
    // The listener's probabilities after this seed are small (many followers); everyone's are large.
    SeedEvidence evidence =
        EvidenceBuilder.seed()
            .user("seed", new Neighbour("hers", "other", 0.1), new Neighbour("also-hers", "other", 0.05))
            .everyone("seed", new Neighbour("theirs", "other", 0.9))
            .build();
    BlendWeights weights = new BlendWeights(1.0, 0, 0, 0, 0.4, 0, 0, 0, 0, 0, 0, 0.5, 1.0, 1.0);

    List<RankedTrack> answer = new NextTrackRanker(weights).rank(new RankingRequest(evidence, ALICE, 3, false));

    assertThat(answer).extracting(RankedTrack::trackId).containsExactly("hers", "also-hers", "theirs");
    assertThat(answer.get(0).components().get(Component.USER_TRANSITIONS)).isCloseTo(1.0, within(1e-12));
    assertThat(answer.get(1).components().get(Component.USER_TRANSITIONS)).isCloseTo(0.5, within(1e-12));
    assertThat(answer.get(2).components().get(Component.EVERYONE_TRANSITIONS)).isCloseTo(0.4, within(1e-12));
  }

  @Test
  void aRequestWithoutAListenerIsRankedWithTheAnonymousWeights() {
    SeedEvidence evidence = EvidenceBuilder.seed().everyone("seed", new Neighbour("theirs", "other", 1.0)).build();
    BlendWeights personal = BlendWeights.of(withValue(ALL, "everyone", 0));
    NextTrackRanker ranker = new NextTrackRanker(new ServedWeights(personal, ALL));

    List<RankedTrack> anonymous =
        ranker.rank(new RankingRequest(evidence, ListenerProfile.anonymous(), 1, false));
    List<RankedTrack> listener = ranker.rank(new RankingRequest(evidence, ALICE, 10, false));

    assertThat(anonymous).extracting(RankedTrack::trackId).containsExactly("theirs");
    assertThat(anonymous.get(0).coldStart()).isFalse();
    assertThat(listener).extracting(RankedTrack::trackId).doesNotContain("theirs");
  }

  @Test
  void anAnonymousAnswerPrefersStrongTransitionsToTheSeedsArtistsOtherTracks() {
    // The simulated data's shape: the seed's artist has many tracks that rarely follow it, and
    // other artists' tracks follow it often. A flat same-artist bonus must not outweigh that.
    SeedEvidence evidence =
        EvidenceBuilder.seed()
            .everyone(
                "seed",
                new Neighbour("related", "other", 0.09),
                new Neighbour("same-artist-1", "band", 0.01),
                new Neighbour("same-artist-2", "band", 0.005))
            .build();

    List<RankedTrack> answer =
        NextTrackRanker.served().rank(new RankingRequest(evidence, ListenerProfile.anonymous(), 3, false));

    assertThat(answer.get(0).trackId()).isEqualTo("related");
    assertThat(answer.get(0).reason()).isEqualTo(Reason.LISTENERS_ALSO_PLAY);
  }

  @Test
  void theServedAnonymousWeightsKeepEveryonesTransitions() {
    assertThat(ServedWeights.SERVED.anonymous().everyoneTransitions()).isPositive();
    SeedEvidence evidence = EvidenceBuilder.seed().everyone("seed", new Neighbour("theirs", "other", 1.0)).build();

    RankedTrack best =
        NextTrackRanker.served()
            .rank(new RankingRequest(evidence, ListenerProfile.anonymous(), 1, false))
            .get(0);

    assertThat(best.trackId()).isEqualTo("theirs");
    assertThat(best.reason()).isEqualTo(Reason.LISTENERS_ALSO_PLAY);
  }

  @Test
  void discoveryLeavesOutEveryTrackTheListenerPlayed() {
    SeedEvidence evidence =
        EvidenceBuilder.seed()
            .recent("earlier")
            .user("seed", new Neighbour("hers", "other", 1.0))
            .everyone("seed", new Neighbour("theirs", "other", 1.0))
            .build();

    List<RankedTrack> answer = RANKER.rank(new RankingRequest(evidence, ALICE, 10, true));

    assertThat(answer).extracting(RankedTrack::trackId).doesNotContain("seed", "hers", "earlier");
    assertThat(answer.get(0).trackId()).isEqualTo("theirs");
  }

  @Test
  void aSeedNobodyFollowedFallsBackToTheArtistsPopularTracksThenEveryones() {
    SeedEvidence nothing =
        EvidenceBuilder.seed()
            .artistTop(new Neighbour("seed", "band", 50), new Neighbour("band-hit", "band", 40))
            .build();

    List<RankedTrack> answer =
        RANKER.rank(new RankingRequest(nothing, ListenerProfile.anonymous(), 3, false));

    assertThat(answer).extracting(RankedTrack::trackId).containsExactly("band-hit", "hit-1", "hit-2");
    assertThat(answer.get(1).coldStart()).isTrue();
    assertThat(answer.get(1).reason()).isEqualTo(Reason.POPULAR);
    assertThat(nothing.isColdStart()).isTrue();
  }

  private static double[] withValue(BlendWeights weights, String name, double value) {
    double[] values = weights.values();
    values[List.of(BlendWeights.NAMES).indexOf(name)] = value;
    return values;
  }
}
