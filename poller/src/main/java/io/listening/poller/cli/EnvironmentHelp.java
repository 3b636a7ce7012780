package io.listening.poller.cli;

import java.util.Arrays;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi.Text;
import picocli.CommandLine.Help.ColorScheme;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Picocli's help with one more line under each option that has an {@link Env} variable, so
 * {@code --help} shows every way to set it next to its default.
 */
final class EnvironmentHelp extends Help {

  EnvironmentHelp(CommandSpec spec, ColorScheme scheme) {
    super(spec, scheme);
  }

  @Override
  public IOptionRenderer createDefaultOptionRenderer() {
    IOptionRenderer options = super.createDefaultOptionRenderer();
    return (option, labels, scheme) -> {
      Text[][] rows = options.render(option, labels, scheme);
      String variable = EnvironmentDefaults.variable(option);
      if (variable == null || rows.length == 0) {
        return rows;
      }
      Text[] line = new Text[rows[0].length];
      Arrays.fill(line, scheme.text(""));
      line[line.length - 1] = scheme.text("  Env: " + variable);
      Text[][] withVariable = Arrays.copyOf(rows, rows.length + 1);
      withVariable[rows.length] = line;
      return withVariable;
    };
  }
}
