package io.listening.webapp.warehouse;

import java.sql.Connection;
import java.sql.SQLException;

/** A read against the warehouse; the connection is read-only and closed by {@link Warehouse}. */
@FunctionalInterface
public interface WarehouseReader<T> {

  T read(Connection connection) throws SQLException;
}
