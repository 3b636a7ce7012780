package io.listening.poller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.listening.poller.Main;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The options table of the module README says what the commands do. */
class ReadmeOptionsTest {

  private static final String HEADER = "| option | environment | default | commands | meaning |";

  /** One row of the table. */
  record Row(String option, String variable, String defaultValue, Set<String> commands) {}

  @Test
  void everyOptionOfEveryCommandIsInTheTableWithItsVariableAndDefault() throws IOException {
    List<Row> rows = rows(Files.readAllLines(Path.of("README.md")));
    CommandLine poller =
        Main.commandLine(Map.of(), new ByteArrayInputStream(new byte[0]), null, Clock.systemUTC());
    Set<String> documented = new TreeSet<>();
    Set<String> actual = new TreeSet<>();
    rows.forEach(row -> row.commands().forEach(c -> documented.add(c + " " + row.option())));

    poller
        .getSubcommands()
        .forEach(
            (name, command) -> {
              for (OptionSpec option : command.getCommandSpec().options()) {
                if (option.usageHelp() || option.versionHelp()) {
                  continue;
                }
                actual.add(name + " " + option.longestName());
                Row row = row(rows, name, option.longestName());
                assertThat(row).as("row of %s %s", name, option.longestName()).isNotNull();
                String variable = EnvironmentDefaults.variable(option);
                assertThat(row.variable())
                    .as("variable of %s %s", name, option.longestName())
                    .isEqualTo(variable == null ? "" : "`" + variable + "`");
                if (option.defaultValue() != null) {
                  assertThat(row.defaultValue())
                      .as("default of %s %s", name, option.longestName())
                      .isEqualTo("`" + option.defaultValue() + "`");
                }
              }
            });

    assertThat(documented).isEqualTo(actual);
  }

  private static Row row(List<Row> rows, String command, String option) {
    return rows.stream()
        .filter(r -> r.option().equals(option) && r.commands().contains(command))
        .findFirst()
        .orElse(null);
  }

  private static List<Row> rows(List<String> lines) {
    int header = lines.indexOf(HEADER);
    assertThat(header).as("the README's options table").isNotNegative();
    List<Row> rows = new ArrayList<>();
    for (int i = header + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
      String[] cells = lines.get(i).split("\\|", -1);
      rows.add(
          new Row(
              cells[1].strip().replace("`", ""),
              cells[2].strip(),
              cells[3].strip(),
              Set.of(cells[4].strip().split(",\\s*"))));
    }
    return rows;
  }
}
