package io.listening.webapp.warehouse;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A read against the warehouse. The connection is read-only and closed by {@link Warehouse}; {@code
 * build} is the build that connection reads, so a reader that answers a build id takes it from
 * here.
 */
@FunctionalInterface
public interface WarehouseReader<T> {

  T read(Connection connection, WarehouseBuild build) throws SQLException;
}
