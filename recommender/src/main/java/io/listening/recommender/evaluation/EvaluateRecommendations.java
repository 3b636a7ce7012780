package io.listening.recommender.evaluation;

import io.listening.recommender.ranking.BlendWeights;
import io.listening.recommender.ranking.NextTrackRanker;
import io.listening.recommender.ranking.Ranker;
import io.listening.recommender.ranking.ServedWeights;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The offline evaluation command (ops/evaluate-recommendations.sh wires it to dbt):
 *
 * <pre>
 * split --warehouse FULL.duckdb --lake LAKE --out DIR [--held-out-share 0.2]
 *     writes DIR/test-lake and DIR/validation-lake: the lake without each listener's test
 *     (validation) period, for dbt to build the training warehouses from
 * score --warehouse FULL.duckdb --test-warehouse T.duckdb --validation-warehouse V.duckdb
 *       [--held-out-share 0.2] [--no-tuning]
 *     replays the held-out sessions of FULL through the rankers reading T (V for tuning) and
 *     prints the comparison table
 * </pre>
 *
 * Exit status 2 on bad arguments or a missing file, 1 when a warehouse cannot be read.
 */
public final class EvaluateRecommendations {

  private final PrintStream out;
  private final PrintStream log;

  EvaluateRecommendations(PrintStream out, PrintStream log) {
    this.out = out;
    this.log = log;
  }

  public static void main(String[] args) {
    System.exit(new EvaluateRecommendations(System.out, System.err).run(args));
  }

  int run(String[] args) {
    Arguments arguments;
    try {
      arguments = Arguments.parse(args);
    } catch (IllegalArgumentException e) {
      log.println("error: " + e.getMessage());
      log.println(USAGE);
      return 2;
    }
    try {
      if (arguments.command.equals("split")) {
        split(arguments);
      } else {
        score(arguments);
      }
      return 0;
    } catch (IllegalArgumentException e) {
      log.println("error: " + e.getMessage());
      return 2;
    } catch (SQLException | IOException e) {
      log.println("error: " + e.getMessage());
      return 1;
    }
  }

  private void split(Arguments arguments) throws SQLException, IOException {
    Path lake = arguments.existing("--lake");
    Path target = arguments.path("--out");
    TemporalSplit split = new TemporalSplit(arguments.heldOutShare());
    try (Connection connection = withFullWarehouse(arguments.existing("--warehouse"))) {
      split.createCuts(connection);
      split.describe(connection).forEach(line -> log.println("Split of " + line));
      for (TemporalSplit.Period period : TemporalSplit.Period.values()) {
        Path periodLake = target.resolve(period.name().toLowerCase(Locale.ROOT) + "-lake");
        long rows = split.writeLake(connection, lake, periodLake, period);
        log.printf("Wrote %,d plays rows to %s, the lake without the %s period.%n",
            rows, periodLake, period.name().toLowerCase(Locale.ROOT));
      }
    }
  }

  private void score(Arguments arguments) throws SQLException {
    TemporalSplit split = new TemporalSplit(arguments.heldOutShare());
    Questions test;
    Questions validation;
    try (Connection connection = withFullWarehouse(arguments.existing("--warehouse"));
        Connection testWarehouse = readOnly(arguments.existing("--test-warehouse"));
        Connection validationWarehouse = readOnly(arguments.existing("--validation-warehouse"))) {
      split.createCuts(connection);
      long started = System.nanoTime();
      validation =
          Questions.read(validationWarehouse, HeldOutPlays.read(connection, TemporalSplit.Period.VALIDATION));
      test = Questions.read(testWarehouse, HeldOutPlays.read(connection, TemporalSplit.Period.TEST));
      log.printf(
          "Read the evidence of %,d validation and %,d test next-track questions in %.1f s.%n",
          validation.nextTrack.size(), test.nextTrack.size(), (System.nanoTime() - started) / 1e9);
    }
    Reachability.of(validation).describe("validation").forEach(log::println);
    BlendWeights served = ServedWeights.SERVED.personal();
    logValidation("(c) original formula", Evaluation.of(Baselines.originalFormula(), validation, false));
    logValidation("the served weights " + served.toArgument(),
        Evaluation.of(new NextTrackRanker(served), validation, false));
    // Tuning starts from the best of the served weights and the probes on the validation period.
    BlendWeights start = served;
    double startObjective = WeightTuner.objective(served, validation);
    for (String probe : arguments.values.getOrDefault("--weights", "").split(";")) {
      if (!probe.isBlank()) {
        BlendWeights candidate = BlendWeights.parse(probe);
        Evaluation e = Evaluation.of(new NextTrackRanker(candidate), validation, false);
        logValidation(candidate.toArgument(), e);
        double objective = WeightTuner.objective(e);
        if (objective > startObjective) {
          start = candidate;
          startObjective = objective;
        }
      }
    }
    BlendWeights weights = served;
    if (arguments.tuning) {
      weights = WeightTuner.tune(start, validation, log::println);
    }

    Map<String, Ranker> rankers = new LinkedHashMap<>();
    rankers.put("(a) most popular", Baselines.mostPopular());
    rankers.put("(b) user's most played", Baselines.userMostPlayed());
    rankers.put("(c) original formula", Baselines.originalFormula());
    rankers.put("(d) global co-occurrence (served before)", Baselines.globalCoOccurrence());
    rankers.put("(e) served model", NextTrackRanker.served());
    if (!weights.equals(served)) {
      rankers.put("(e') tuned on validation", new NextTrackRanker(weights));
    }
    Map<String, Evaluation> results = new LinkedHashMap<>();
    rankers.forEach((name, ranker) -> results.put(name, Evaluation.of(ranker, test)));
    print(test, results, weights);
  }

  private void logValidation(String name, Evaluation e) {
    log.printf(
        Locale.ROOT,
        "Validation with %s: HitRate@10 %.4f, NDCG@10 %.4f with context; %.4f, %.4f without.%n",
        name, e.withContext.hitRate(), e.withContext.ndcg(), e.withoutContext.hitRate(),
        e.withoutContext.ndcg());
  }

  private void print(Questions test, Map<String, Evaluation> results, BlendWeights tuned) {
    out.printf(
        "Test period: %,d next-track questions, %,d discovery questions, %d listeners, catalogue %,d tracks.%n%n",
        test.nextTrack.size(), test.discovery.size(), test.profiles.size(), test.catalogSize);
    out.println(
        "| model | HitRate@10 | NDCG@10 | HitRate@10 no context | NDCG@10 no context"
            + " | discovery HitRate@10 | coverage@10 | cold start |");
    out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
    results.forEach(
        (name, e) ->
            out.printf(
                Locale.ROOT,
                "| %s | %.4f | %.4f | %.4f | %.4f | %.4f | %.4f | %.4f |%n",
                name,
                e.withContext.hitRate(),
                e.withContext.ndcg(),
                e.withoutContext.hitRate(),
                e.withoutContext.ndcg(),
                e.discovery.hitRate(),
                e.withContext.coverage(test.catalogSize),
                e.withContext.coldStartShare()));
    Evaluation original = results.get("(c) original formula");
    Evaluation served = results.get("(e) served model");
    out.println();
    out.printf(
        Locale.ROOT,
        "Served / original: HitRate@10 %.2fx, NDCG@10 %.2fx with context; %.2fx, %.2fx without.%n",
        ratio(served.withContext.hitRate(), original.withContext.hitRate()),
        ratio(served.withContext.ndcg(), original.withContext.ndcg()),
        ratio(served.withoutContext.hitRate(), original.withoutContext.hitRate()),
        ratio(served.withoutContext.ndcg(), original.withoutContext.ndcg()));
    boolean met =
        served.withContext.hitRate() >= 1.6 * original.withContext.hitRate()
            && served.withContext.ndcg() >= 2.3 * original.withContext.ndcg()
            && served.withoutContext.hitRate() >= 1.4 * original.withoutContext.hitRate()
            && served.withoutContext.ndcg() >= 2.0 * original.withoutContext.ndcg();
    out.println(
        "Acceptance (issue 11: 1.6x / 2.3x with context, 1.4x / 2.0x without): "
            + (met ? "met." : "not met."));
    Evaluation anonymous = Evaluation.anonymous(NextTrackRanker.served(), test);
    out.printf(
        Locale.ROOT,
        "Served model asked without the listener (anonymous requests): HitRate@10 %.4f, NDCG@10 %.4f"
            + " with context; %.4f, %.4f without.%n",
        anonymous.withContext.hitRate(), anonymous.withContext.ndcg(),
        anonymous.withoutContext.hitRate(), anonymous.withoutContext.ndcg());
    out.println("Served weights with a listener (every question above): " + ServedWeights.SERVED.personal());
    out.println("Served weights without a listener: " + ServedWeights.SERVED.anonymous());
    if (!tuned.equals(ServedWeights.SERVED.personal())) {
      out.println("Tuned on validation: " + tuned + " (--weights '" + tuned.toArgument() + "')");
    }
    out.println();
    out.println("| listener | questions | (c) HitRate@10 | (c) NDCG@10 | (e) HitRate@10 | (e) NDCG@10 |");
    out.println("|---|---:|---:|---:|---:|---:|");
    for (String user : served.perUserWithContext.keySet()) {
      Scores c = original.perUserWithContext.get(user);
      Scores e = served.perUserWithContext.get(user);
      out.printf(
          Locale.ROOT,
          "| %s | %d | %.4f | %.4f | %.4f | %.4f |%n",
          user, e.questions(), c.hitRate(), c.ndcg(), e.hitRate(), e.ndcg());
    }
  }

  private static double ratio(double a, double b) {
    return b == 0 ? Double.NaN : a / b;
  }

  private static Connection withFullWarehouse(Path warehouse) throws SQLException {
    Connection connection = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          "attach " + TemporalSplit.sqlString(warehouse.toString()) + " as whole (read_only)");
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
    return connection;
  }

  private static Connection readOnly(Path warehouse) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("duckdb.read_only", "true");
    return DriverManager.getConnection("jdbc:duckdb:" + warehouse, properties);
  }

  static final String USAGE =
      """
      usage: split --warehouse FULL.duckdb --lake LAKE --out DIR [--held-out-share 0.2]
             score --warehouse FULL.duckdb --test-warehouse T.duckdb --validation-warehouse V.duckdb \
      [--held-out-share 0.2] [--no-tuning] [--weights 'W;W...']""";

  /** The command line: a command, then --name value pairs (and the flag --no-tuning). */
  static final class Arguments {
    final String command;
    final Map<String, String> values = new LinkedHashMap<>();
    boolean tuning = true;

    private Arguments(String command) {
      this.command = command;
    }

    static Arguments parse(String[] args) {
      if (args.length == 0 || !List.of("split", "score").contains(args[0])) {
        throw new IllegalArgumentException("the first argument must be split or score");
      }
      Arguments arguments = new Arguments(args[0]);
      List<String> known =
          new ArrayList<>(List.of("--warehouse", "--held-out-share"));
      known.addAll(
          args[0].equals("split")
              ? List.of("--lake", "--out")
              : List.of("--test-warehouse", "--validation-warehouse", "--weights"));
      for (int i = 1; i < args.length; i++) {
        if (args[i].equals("--no-tuning") && args[0].equals("score")) {
          arguments.tuning = false;
        } else if (known.contains(args[i]) && i + 1 < args.length) {
          arguments.values.put(args[i], args[++i]);
        } else {
          throw new IllegalArgumentException("unknown or incomplete argument " + args[i]);
        }
      }
      for (String name : known) {
        if (!List.of("--held-out-share", "--weights").contains(name)
            && !arguments.values.containsKey(name)) {
          throw new IllegalArgumentException(name + " is required");
        }
      }
      arguments.heldOutShare();
      return arguments;
    }

    double heldOutShare() {
      String value = values.getOrDefault("--held-out-share", "0.2");
      try {
        double share = Double.parseDouble(value);
        if (share > 0 && share < 1) {
          return share;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new IllegalArgumentException("--held-out-share must be a number in (0, 1), was " + value);
    }

    Path path(String name) {
      return Path.of(values.get(name)).toAbsolutePath().normalize();
    }

    Path existing(String name) {
      Path path = path(name);
      if (!Files.exists(path)) {
        throw new IllegalArgumentException(name + " " + path + " does not exist");
      }
      return path;
    }
  }
}
