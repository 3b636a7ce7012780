package io.listening.poller.cli;

import java.lang.reflect.Field;
import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;

/**
 * Picocli's defaults from the environment: an option marked {@link Env} takes its variable's value
 * when the command line does not give one, else the option's own default. So a setting comes from
 * the option, then the variable, then the default. A blank variable counts as unset.
 */
final class EnvironmentDefaults implements IDefaultValueProvider {

  private final Map<String, String> env;

  EnvironmentDefaults(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  /** The variable an option reads, or null when it reads none. */
  static String variable(ArgSpec arg) {
    if (arg.userObject() instanceof Field field) {
      Env env = field.getAnnotation(Env.class);
      return env == null ? null : env.value();
    }
    return null;
  }

  @Override
  public String defaultValue(ArgSpec arg) {
    String name = variable(arg);
    if (name == null) {
      return null;
    }
    String value = env.get(name);
    return value == null || value.isBlank() ? null : value.strip();
  }
}
