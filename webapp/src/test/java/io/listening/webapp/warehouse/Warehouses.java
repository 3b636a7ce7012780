package io.listening.webapp.warehouse;

import java.nio.file.Path;

/** Opens a {@link Warehouse} from tests outside its package, which cannot call its constructor. */
public final class Warehouses {

  private Warehouses() {}

  /** A warehouse reading the DuckDB file at {@code published}; close it with {@code destroy()}. */
  public static Warehouse open(Path published) {
    return new Warehouse(new WarehouseProperties(published));
  }
}
