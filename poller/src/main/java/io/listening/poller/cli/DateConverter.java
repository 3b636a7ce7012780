package io.listening.poller.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads date options: an ISO date such as 2024-06-01. */
public final class DateConverter implements ITypeConverter<LocalDate> {

  @Override
  public LocalDate convert(String value) {
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new TypeConversionException("'" + value + "' is not a date like 2024-06-01");
    }
  }
}
