package io.listening.webapp.dashboard;

import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The dashboard's settings.
 *
 * @param timeZone the zone whose date is "today" for the today/week/month/year ranges ({@code
 *     WEBAPP_DASHBOARD_TIME_ZONE}, default UTC); the figures themselves are in each listener's own
 *     local days, as gold computes them
 */
@Validated
@ConfigurationProperties("listening.dashboard")
public record DashboardProperties(@NotNull ZoneId timeZone) {

  public LocalDate today(Clock clock) {
    return LocalDate.now(clock.withZone(timeZone));
  }
}
