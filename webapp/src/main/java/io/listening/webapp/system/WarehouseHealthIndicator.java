package io.listening.webapp.system;

import io.listening.webapp.warehouse.Warehouse;
import io.listening.webapp.warehouse.WarehouseBuild;
import io.listening.webapp.warehouse.WarehouseUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * The published warehouse build and its age, as {@code warehouse} in {@code /actuator/health}:
 *
 * <ul>
 *   <li>{@code DOWN} when no build is published or it cannot be read: the API answers 503;
 *   <li>{@code STALE} when {@code built_at} is older than {@code listening.health.warehouse-max-age}:
 *       the API still answers, from old data, so this is answered with HTTP 200 (a load balancer
 *       keeps the instance) while monitoring sees the status;
 *   <li>{@code UNKNOWN} when the build does not record {@code built_at};
 *   <li>{@code UP} otherwise.
 * </ul>
 */
@Component
class WarehouseHealthIndicator extends AbstractHealthIndicator {

  static final Status STALE = new Status("STALE", "The warehouse build is older than its maximum age");

  private final Warehouse warehouse;
  private final Duration maxAge;
  private final Clock clock;

  WarehouseHealthIndicator(Warehouse warehouse, HealthProperties properties, Clock clock) {
    super("Warehouse health check failed");
    this.warehouse = warehouse;
    this.maxAge = properties.warehouseMaxAge();
    this.clock = clock;
  }

  @Override
  protected void doHealthCheck(Health.Builder health) {
    WarehouseBuild build;
    try {
      build = warehouse.currentBuild();
    } catch (WarehouseUnavailableException e) {
      health.down().withDetail("reason", e.getMessage());
      return;
    }
    health.withDetail("build_id", build.buildId()).withDetail("max_age", maxAge.toString());
    Instant builtAt = build.builtAt();
    if (builtAt == null) {
      health.status(Status.UNKNOWN).withDetail("reason", "gold.build_info has no built_at");
      return;
    }
    Duration age = Duration.between(builtAt, clock.instant());
    health
        .withDetail("built_at", builtAt.toString())
        .withDetail("age", age.withNanos(0).toString())
        .status(age.compareTo(maxAge) > 0 ? STALE : Status.UP);
  }
}
