package io.listening.recommender.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.listening.recommender.ranking.Component;
import io.listening.recommender.ranking.RankedTrack;
import io.listening.recommender.ranking.Ranker;
import io.listening.recommender.ranking.Reason;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The planted check counts a seed's planted related tracks among the 10 answered. */
class PlantedCheckTest {

  @TempDir Path folder;

  @Test
  void recallIsOverThePlantedTracksAndPrecisionOverTheTen() {
    List<PlantedCheck.Seed> seeds =
        List.of(
            new PlantedCheck.Seed("s1", Set.of("a", "b", "c", "d"), null),
            new PlantedCheck.Seed("s2", Set.of("e"), null));
    Ranker twoOfS1 = request -> answer("a", "b", "x", "y");
    Map<String, Ranker> rankers = new LinkedHashMap<>();
    rankers.put("two of s1", twoOfS1);
    rankers.put("everything planted", request -> answer("a", "b", "c", "d", "e"));

    List<PlantedCheck.Result> results = PlantedCheck.measure(seeds, rankers);

    assertThat(results.get(0)).isEqualTo(new PlantedCheck.Result("two of s1", 2, (0.5 + 0) / 2, (0.2 + 0) / 2, 0.5));
    assertThat(results.get(1).recall()).isEqualTo(1.0);
    assertThat(results.get(1).anyHit()).isEqualTo(1.0);
  }

  @Test
  void pairsAreReadPerSeed() throws Exception {
    Path pairs = write("track_id,related_track_id", "s1,a", "s1,b", "s2,a");

    assertThat(PlantedCheck.readPairs(pairs)).isEqualTo(Map.of("s1", Set.of("a", "b"), "s2", Set.of("a")));
  }

  @Test
  void aBrokenPairsFileIsRejectedWithItsNameAndLine() throws Exception {
    Path pairs = write("track_id,related_track_id", "s1,a", "s2");

    assertThatThrownBy(() -> PlantedCheck.readPairs(pairs))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(pairs + " line 3: expected track_id,related_track_id, got 's2'");
    assertThatThrownBy(() -> PlantedCheck.readPairs(write("id,other")))
        .hasMessageContaining("line 1: expected the header track_id,related_track_id");
  }

  @Test
  void badArgumentsExit2WithTheReason() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream log = new PrintStream(err, true, StandardCharsets.UTF_8);

    int status = PlantedCheck.run(new String[] {"--pairs", folder.resolve("none.csv").toString()}, System.out, log);

    assertThat(status).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("error: --warehouse is required");
  }

  private Path write(String... lines) throws Exception {
    Path file = Files.createTempFile(folder, "pairs", ".csv");
    Files.write(file, List.of(lines));
    return file;
  }

  private static List<RankedTrack> answer(String... ids) {
    return Stream.of(ids)
        .map(id -> new RankedTrack(id, 1.0, Map.of(Component.POPULARITY, 1.0), Reason.POPULAR, false))
        .toList();
  }
}
