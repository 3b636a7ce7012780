package io.listening.webapp.warehouse;

/**
 * A read meant for one build found another published. The caller may start over from the current
 * build; if it does not, the client is told to retry.
 */
public class WarehouseBuildChangedException extends WarehouseUnavailableException {

  WarehouseBuildChangedException(WarehouseBuild expected, WarehouseBuild published) {
    super(
        "Warehouse build "
            + published.buildId()
            + " was published while answering from build "
            + expected.buildId()
            + "; try again.");
  }
}
