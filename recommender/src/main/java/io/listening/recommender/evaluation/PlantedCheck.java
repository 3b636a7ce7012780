package io.listening.recommender.evaluation;

import io.listening.recommender.ranking.BlendWeights;
import io.listening.recommender.ranking.GoldEvidenceReader;
import io.listening.recommender.ranking.ListenerProfile;
import io.listening.recommender.ranking.NextTrackRanker;
import io.listening.recommender.ranking.RankedTrack;
import io.listening.recommender.ranking.Ranker;
import io.listening.recommender.ranking.RankingRequest;
import io.listening.recommender.ranking.SeedEvidence;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Does the served model recover the simulator's planted related tracks? For every seed the
 * warehouse played at least {@code --min-plays} times, asks each ranker for 10 tracks as an
 * anonymous request (the planted relation is the same for every listener) and counts the seed's
 * planted related tracks among them, over those the warehouse knows at all:
 *
 * <pre>
 * PlantedCheck --warehouse W.duckdb --pairs PAIRS.csv [--min-plays 20] [--weights 'W;W...']
 * </pre>
 *
 * {@code --weights} adds a row per candidate weight set (the 14 numbers of {@link BlendWeights#NAMES}).
 *
 * PAIRS.csv is what {@code poller simulate --planted-pairs} writes (track_id,related_track_id).
 * Exit status 2 on bad arguments or a missing or malformed file, 1 when the warehouse cannot be
 * read.
 */
public final class PlantedCheck {

  static final int ANSWER = 10;
  static final String USAGE =
      "usage: PlantedCheck --warehouse W.duckdb --pairs PAIRS.csv [--min-plays 20] [--weights 'W;W...']";
  private static final String SEEDS_SQL =
      "select track_id from gold.tracks where plays >= ? order by plays desc, track_id";
  private static final String KNOWN_SQL = "select track_id from gold.tracks";

  /** One ranker's figures. */
  record Result(String model, int seeds, double recall, double precision, double anyHit) {}

  private PlantedCheck() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream log) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (List.of("--warehouse", "--pairs", "--min-plays", "--weights").contains(args[i]) && i + 1 < args.length) {
        options.put(args[i], args[++i]);
      } else {
        log.println("error: unknown or incomplete argument " + args[i]);
        log.println(USAGE);
        return 2;
      }
    }
    try {
      Path warehouse = existing(options, "--warehouse");
      Map<String, Set<String>> planted = readPairs(existing(options, "--pairs"));
      long minPlays = minPlays(options.getOrDefault("--min-plays", "20"));
      Map<String, Ranker> rankers = new LinkedHashMap<>();
      rankers.put("(a) most popular", Baselines.mostPopular());
      rankers.put("(d) global co-occurrence (served before)", Baselines.globalCoOccurrence());
      rankers.put("(e) served model", NextTrackRanker.served());
      for (String candidate : options.getOrDefault("--weights", "").split(";")) {
        if (!candidate.isBlank()) {
          BlendWeights weights = BlendWeights.parse(candidate);
          rankers.put("(e') " + weights, new NextTrackRanker(weights));
        }
      }
      List<Seed> seeds;
      try (Connection connection = readOnly(warehouse)) {
        seeds = seeds(connection, planted, minPlays);
      }
      List<Result> results = measure(seeds, rankers);
      print(out, results, planted.size(), minPlays);
      return 0;
    } catch (IllegalArgumentException e) {
      log.println("error: " + e.getMessage());
      return 2;
    } catch (IOException | SQLException e) {
      log.println("error: " + e.getMessage());
      return 1;
    }
  }

  /** A seed track, its planted related tracks that the warehouse knows, and its evidence. */
  record Seed(String trackId, Set<String> planted, SeedEvidence evidence) {}

  /**
   * The seeds with at least {@code minPlays} plays and a planted related track the warehouse
   * knows, with their evidence read as the API reads it for an anonymous request.
   */
  static List<Seed> seeds(Connection connection, Map<String, Set<String>> planted, long minPlays)
      throws SQLException {
    Set<String> known = column(connection, KNOWN_SQL, null);
    GoldEvidenceReader gold = GoldEvidenceReader.everything(connection);
    List<Seed> seeds = new ArrayList<>();
    for (String seed : column(connection, SEEDS_SQL, minPlays)) {
      Set<String> related =
          planted.getOrDefault(seed, Set.of()).stream().filter(known::contains).collect(Collectors.toSet());
      if (!related.isEmpty()) {
        seeds.add(new Seed(seed, related, gold.read(seed, gold.seedArtist(seed).orElse(null), null, List.of())));
      }
    }
    return seeds;
  }

  /** Each ranker's recall, precision and share of seeds with a hit, over {@code seeds}. */
  static List<Result> measure(List<Seed> seeds, Map<String, Ranker> rankers) {
    List<Result> results = new ArrayList<>();
    for (Map.Entry<String, Ranker> ranker : rankers.entrySet()) {
      double recall = 0;
      double precision = 0;
      int anyHit = 0;
      for (Seed seed : seeds) {
        List<RankedTrack> answer =
            ranker.getValue().rank(new RankingRequest(seed.evidence(), ListenerProfile.anonymous(), ANSWER, false));
        long hits = answer.stream().map(RankedTrack::trackId).filter(seed.planted()::contains).count();
        recall += (double) hits / seed.planted().size();
        precision += (double) hits / ANSWER;
        anyHit += hits > 0 ? 1 : 0;
      }
      int n = Math.max(1, seeds.size());
      results.add(new Result(ranker.getKey(), seeds.size(), recall / n, precision / n, (double) anyHit / n));
    }
    return results;
  }

  /** track_id to its planted related tracks; a malformed line is an error naming the file and line. */
  static Map<String, Set<String>> readPairs(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    if (lines.isEmpty() || !lines.get(0).equals("track_id,related_track_id")) {
      throw new IllegalArgumentException(file + " line 1: expected the header track_id,related_track_id");
    }
    Map<String, Set<String>> pairs = new LinkedHashMap<>();
    for (int i = 1; i < lines.size(); i++) {
      String[] fields = lines.get(i).split(",", -1);
      if (fields.length != 2 || fields[0].isBlank() || fields[1].isBlank()) {
        throw new IllegalArgumentException(
            file + " line " + (i + 1) + ": expected track_id,related_track_id, got '" + lines.get(i) + "'");
      }
      pairs.computeIfAbsent(fields[0], id -> new LinkedHashSet<>()).add(fields[1]);
    }
    return pairs;
  }

  private static void print(PrintStream out, List<Result> results, int plantedSeeds, long minPlays) {
    out.printf(
        Locale.ROOT,
        "Planted related tracks: %,d seeds of the simulation, %,d of them played at least %d times in the"
            + " warehouse with a planted neighbour it knows.%n%n",
        plantedSeeds, results.isEmpty() ? 0 : results.get(0).seeds(), minPlays);
    out.println("| model | planted recall@10 | planted precision@10 | seeds with a planted track in the 10 |");
    out.println("|---|---:|---:|---:|");
    for (Result result : results) {
      out.printf(
          Locale.ROOT, "| %s | %.4f | %.4f | %.4f |%n",
          result.model(), result.recall(), result.precision(), result.anyHit());
    }
  }

  private static Set<String> column(Connection connection, String sql, Long parameter) throws SQLException {
    Set<String> values = new LinkedHashSet<>();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      if (parameter != null) {
        statement.setLong(1, parameter);
      }
      try (ResultSet row = statement.executeQuery()) {
        while (row.next()) {
          values.add(row.getString(1));
        }
      }
    }
    return values;
  }

  private static long minPlays(String value) {
    try {
      long plays = Long.parseLong(value);
      if (plays >= 1) {
        return plays;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("--min-plays must be a whole number >= 1, was " + value);
  }

  private static Path existing(Map<String, String> options, String name) {
    String value = options.get(name);
    if (value == null) {
      throw new IllegalArgumentException(name + " is required");
    }
    Path path = Path.of(value).toAbsolutePath().normalize();
    if (!Files.exists(path)) {
      throw new IllegalArgumentException(name + " " + path + " does not exist");
    }
    return path;
  }

  private static Connection readOnly(Path warehouse) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("duckdb.read_only", "true");
    return DriverManager.getConnection("jdbc:duckdb:" + warehouse, properties);
  }
}
