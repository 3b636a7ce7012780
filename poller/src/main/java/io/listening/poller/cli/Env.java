package io.listening.poller.cli;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The environment variable that sets an option when the command line does not. Put it on a
 * picocli {@code @Option} field: {@link EnvironmentDefaults} reads the variable and the help names
 * it under the option's description.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Env {

  /** The variable's name, for example {@code KAFKA_BOOTSTRAP_SERVERS}. */
  String value();
}
