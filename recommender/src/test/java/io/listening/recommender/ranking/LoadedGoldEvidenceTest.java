package io.listening.recommender.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The evaluation's in-memory reading of gold answers exactly what the API's statements answer:
 * what is measured is what is served.
 */
class LoadedGoldEvidenceTest {

  @TempDir Path folder;

  private Connection connection;

  @BeforeEach
  void gold() throws Exception {
    connection = DriverManager.getConnection("jdbc:duckdb:" + folder.resolve("warehouse.duckdb"));
    try (Statement sql = connection.createStatement()) {
      sql.execute("create schema gold");
      sql.execute(
          """
          create table gold.artist_top_tracks as select * from (values
            ('a', 'x', 9, 2, 1, 1), ('b', 'x', 5, 2, 2, 3), ('c', 'y', 7, 1, 1, 2),
            ('d', null, 1, 1, 1, 4)) t(track_id, artist_key, plays, listeners, artist_rank, overall_rank)
          """);
      StringBuilder many = new StringBuilder();
      for (int i = 0; i < GoldEvidence.FOLLOWERS_PER_TRACK + 5; i++) {
        many.append(i == 0 ? "" : ", ").append("('t%02d', %s)".formatted(i, 1.0 / (i + 1)));
      }
      sql.execute(
          "create table gold.track_transitions as select 'a' as track_id, next_track_id,"
              + " 1::bigint as transitions, 1::bigint as listeners, p as weight, p as probability"
              + " from (values " + many + ") t(next_track_id, p)"
              + " union all select 'b', 'c', 2, 1, 2.0, 1.0");
      sql.execute(
          """
          create table gold.user_track_transitions as select * from (values
            ('u1', 'a', 'b', 2, 2, 2.0, 0.5, 0.5, 0.2, 0.0, 0.0),
            ('u1', 'a', 'c', 2, 2, 2.0, 0.5, 2.0, 0.8, 1.5, 1.0),
            ('u1', 'b', 'a', 1, 1, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0),
            ('u2', 'a', 'd', 1, 1, 1.0, 1.0, 1.0, 1.0, 0.5, 1.0))
            t(user_id, track_id, next_track_id, transitions, sessions, weight, probability,
              recent_weight, recent_probability, replay_weight, replay_probability)
          """);
      sql.execute(
          """
          create table gold.user_sequence_transitions as select * from (values
            ('u1', 'b', 'a', 'c', 2, 1.5, 0.75), ('u1', 'b', 'a', 'd', 1, 0.5, 0.25),
            ('u1', 'c', 'a', 'b', 1, 1.0, 1.0), ('u2', 'b', 'a', 'd', 1, 1.0, 1.0))
            t(user_id, previous_track_id, track_id, next_track_id, follow_ups, weight, probability)
          """);
      sql.execute(
          """
          create table gold.user_track_neighbours as select * from (values
            ('u1', 'a', 'b', 1, 2, 0.5), ('u1', 'a', 'c', 2, 2, 1.0), ('u1', 'a', 'd', 1, 2, 0.5),
            ('u1', 'b', 'c', 1, 1, 1.0), ('u2', 'a', 'b', 1, 1, 1.0))
            t(user_id, track_id, related_track_id, sessions_together, track_sessions, share)
          """);
      sql.execute(
          """
          create table gold.track_co_occurrence as select * from (values
            ('a', 'b', 4, 2, 1.0), ('a', 'c', 2, 1, 0.5), ('a', 'd', 2, 1, 0.5))
            t(track_id, related_track_id, co_occurrences, listeners, score)
          """);
      sql.execute(
          """
          create table gold.user_session_co_occurrence as select * from (values
            ('u1', 'a', 'b', 1, 2, 0.5), ('u1', 'a', 'c', 2, 2, 1.0))
            t(user_id, track_id, related_track_id, sessions_together, track_sessions, share)
          """);
      sql.execute(
          """
          create table gold.user_track_recency as select * from (values
            ('u1', 'a', 'x', 3, timestamp '2024-01-01', 2.0, 1.0),
            ('u1', 'c', 'y', 1, timestamp '2024-01-01', 1.0, 0.5))
            t(user_id, track_id, artist_key, plays, last_played_at, recency_weight, familiarity)
          """);
      sql.execute(
          """
          create table gold.user_artist_preference as select * from (values
            ('u1', 'x', 1.0), ('u1', 'y', 0.0)) t(user_id, artist_key, scaled_affinity)
          """);
    }
  }

  @AfterEach
  void close() throws Exception {
    connection.close();
  }

  @Test
  void answersEveryQuestionExactlyAsTheStatementsDo() throws Exception {
    GoldEvidence statements = GoldEvidenceReader.everything(connection);
    GoldEvidence loaded = LoadedGoldEvidence.load(connection);

    for (String seed : List.of("a", "b", "c", "d", "unknown")) {
      assertThat(loaded.seedArtist(seed)).isEqualTo(statements.seedArtist(seed));
      String artist = statements.seedArtist(seed).orElse(null);
      for (String user : new String[] {"u1", "u2", "nobody", null}) {
        for (List<String> recent : List.of(List.<String>of(), List.of("b"), List.of("b", "a", "c"))) {
          assertThat(loaded.read(seed, artist, user, recent))
              .as("seed %s, user %s, recent %s", seed, user, recent)
              .isEqualTo(statements.read(seed, artist, user, recent));
        }
      }
    }
    for (String user : List.of("u1", "u2", "nobody")) {
      ListenerProfile a = loaded.profile(user);
      ListenerProfile b = statements.profile(user);
      assertThat(a.tracks()).isEqualTo(b.tracks());
      assertThat(a.mostFamiliar(10)).isEqualTo(b.mostFamiliar(10));
    }
  }

  @Test
  void theServedReaderLeavesOutTheRelationsItsWeightsIgnore() throws Exception {
    BlendWeights personal =
        new BlendWeights(1.0, 0, 0, 0, 0, 0.5, 0, 0, 0.1, 0, 0, 0.5, 1, 0);
    BlendWeights anonymous =
        new BlendWeights(0, 0, 0, 0, 1.0, 0, 0, 0, 0, 0, 0, 0.5, 1, 0);
    GoldEvidence served = new GoldEvidenceReader(connection, new ServedWeights(personal, anonymous));
    GoldEvidence everything = GoldEvidenceReader.everything(connection);

    SeedEvidence listener = served.read("a", "x", "u1", List.of("b"));
    SeedEvidence full = everything.read("a", "x", "u1", List.of("b"));
    assertThat(listener.userFollowers()).isEqualTo(full.userFollowers()).isNotEmpty();
    assertThat(listener.userNeighbours()).isEqualTo(full.userNeighbours()).isNotEmpty();
    assertThat(full.userRecentFollowers()).isNotEmpty();
    assertThat(full.userReplayFollowers()).isNotEmpty();
    assertThat(full.userSequenceFollowers()).isNotEmpty();
    assertThat(listener.userRecentFollowers()).isEmpty();
    assertThat(listener.userReplayFollowers()).isEmpty();
    assertThat(listener.userSequenceFollowers()).isEmpty();
    assertThat(listener.everyoneFollowers()).isEmpty();
    assertThat(listener.coOccurrence()).isEmpty();
    assertThat(listener.sessionCoOccurrence()).isEmpty();

    SeedEvidence nobody = served.read("a", "x", null, List.of("b"));
    assertThat(nobody.everyoneFollowers()).isEqualTo(full.everyoneFollowers()).isNotEmpty();
    assertThat(nobody.coOccurrence()).isEmpty();
  }

  @Test
  void leavingOutTheRelationsTheWeightsIgnoreChangesNoAnswer() throws Exception {
    ServedWeights weights =
        new ServedWeights(
            new BlendWeights(1.0, 0, 0.5, 0, 0, 0.5, 0, 0, 0.1, 0.05, 0.1, 0.5, 0, 1),
            new BlendWeights(0, 0, 0, 0, 1.0, 0, 0.3, 0, 0, 0, 0.1, 0.5, 1, 0));
    GoldEvidence served = new GoldEvidenceReader(connection, weights);
    GoldEvidence everything = GoldEvidenceReader.everything(connection);
    NextTrackRanker ranker = new NextTrackRanker(weights);

    for (String seed : List.of("a", "b", "c")) {
      String artist = everything.seedArtist(seed).orElse(null);
      for (String user : new String[] {"u1", "u2", null}) {
        ListenerProfile profile = user == null ? ListenerProfile.anonymous() : everything.profile(user);
        for (List<String> recent : List.of(List.<String>of(), List.of("b"), List.of("b", "a", "c"))) {
          assertThat(ranker.rank(new RankingRequest(served.read(seed, artist, user, recent), profile, 5, false)))
              .as("seed %s, user %s, recent %s", seed, user, recent)
              .isEqualTo(
                  ranker.rank(new RankingRequest(everything.read(seed, artist, user, recent), profile, 5, false)));
        }
      }
    }
  }

  @Test
  void replayFollowersAreOnlyThoseOfTheLastPlays() throws Exception {
    SeedEvidence evidence = LoadedGoldEvidence.load(connection).read("a", "x", "u1", List.of());

    assertThat(evidence.userReplayFollowers()).extracting(Neighbour::trackId).containsExactly("c");
  }

  @Test
  void keepsTheStrongestFollowersUpToTheSharedLimit() throws Exception {
    SeedEvidence evidence = LoadedGoldEvidence.load(connection).read("a", "x", null, List.of());

    List<Neighbour> followers = evidence.everyoneFollowers().get("a");
    assertThat(followers).hasSize(GoldEvidence.FOLLOWERS_PER_TRACK);
    assertThat(followers.get(0).trackId()).isEqualTo("t00");
  }
}
