package io.listening.webapp.warehouse;

import java.nio.file.Path;
import java.time.Duration;

/** Opens a {@link Warehouse} from tests outside its package, which cannot call its constructor. */
public final class Warehouses {

  private Warehouses() {}

  /**
   * A warehouse reading the DuckDB file at {@code published}, looking at the file on every request
   * (so a test's new build is read at once); close it with {@code destroy()}.
   */
  public static Warehouse open(Path published) {
    return new Warehouse(new WarehouseProperties(published, Duration.ZERO));
  }
}
