package io.listening.poller.cli;

import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads the {@code *-ms} options: a whole number of milliseconds. */
public final class MillisConverter implements ITypeConverter<Duration> {

  @Override
  public Duration convert(String value) {
    try {
      return Duration.ofMillis(Long.parseLong(value.strip()));
    } catch (NumberFormatException e) {
      throw new TypeConversionException(
          "'" + value + "' is not a whole number of milliseconds");
    }
  }
}
