package io.listening.poller.exports;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Typed access to the fields of one export record. A field that is there but has the wrong type
 * makes the record unusable: the methods throw {@link Invalid}, which the mappers turn into a
 * rejection with the field's name.
 */
final class RecordFields {

  private RecordFields() {}

  /** The record cannot be used; {@code reason} names the field and the rule, not the value. */
  static final class Invalid extends Exception {

    private final String reason;

    Invalid(String reason, String detail) {
      super(detail, null, false, false);
      this.reason = reason;
    }

    MappedRecord.Rejected rejection() {
      return new MappedRecord.Rejected(reason, getMessage());
    }
  }

  /** The text of a field, or null when it is absent, null or blank. */
  static String optionalText(JsonNode record, String field) throws Invalid {
    JsonNode value = present(record, field);
    if (value == null) {
      return null;
    }
    if (!value.isTextual()) {
      throw new Invalid(field + " is not a string", field + " is not a string: " + value);
    }
    return value.textValue().isBlank() ? null : value.textValue();
  }

  static String requiredText(JsonNode record, String field) throws Invalid {
    String value = optionalText(record, field);
    if (value == null) {
      throw new Invalid(field + " is missing", field + " is missing");
    }
    return value;
  }

  /** A whole number of at least zero: play times. */
  static long requiredCount(JsonNode record, String field) throws Invalid {
    JsonNode value = present(record, field);
    if (value == null) {
      throw new Invalid(field + " is missing", field + " is missing");
    }
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw new Invalid(
          field + " is not a whole number", field + " is not a whole number: " + value);
    }
    if (value.longValue() < 0) {
      throw new Invalid(field + " is negative", field + " is negative: " + value);
    }
    return value.longValue();
  }

  static Boolean optionalBoolean(JsonNode record, String field) throws Invalid {
    JsonNode value = present(record, field);
    if (value == null) {
      return null;
    }
    if (!value.isBoolean()) {
      throw new Invalid(field + " is not true or false", field + " is not true or false: " + value);
    }
    return value.booleanValue();
  }

  /** Whether any of the fields holds a value other than null. */
  static boolean hasAny(JsonNode record, String... fields) {
    for (String field : fields) {
      if (present(record, field) != null) {
        return true;
      }
    }
    return false;
  }

  private static JsonNode present(JsonNode record, String field) {
    JsonNode value = record.get(field);
    return value == null || value.isNull() ? null : value;
  }
}
