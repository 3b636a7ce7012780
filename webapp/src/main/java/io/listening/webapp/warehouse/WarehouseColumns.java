package io.listening.webapp.warehouse;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/** Column conversions for the warehouse's types. */
public final class WarehouseColumns {

  private WarehouseColumns() {}

  /**
   * Reads a timestamp column as an instant. Gold timestamps are UTC: a {@code TIMESTAMP} (no zone)
   * is read as UTC wall-clock time, a {@code TIMESTAMP WITH TIME ZONE} keeps its offset.
   */
  public static @Nullable Instant instant(ResultSet row, String column) throws SQLException {
    Object value = row.getObject(column);
    if (value == null) {
      return null;
    }
    if (value instanceof OffsetDateTime offsetDateTime) {
      return offsetDateTime.toInstant();
    }
    if (value instanceof LocalDateTime localDateTime) {
      return localDateTime.toInstant(ZoneOffset.UTC);
    }
    if (value instanceof Timestamp timestamp) {
      return timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
    throw new SQLException(
        "Column " + column + " holds " + value.getClass().getName() + ", expected a timestamp");
  }
}
