package io.listening.webapp.system;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * What the health endpoint judges, applied in {@link WarehouseHealthIndicator}.
 *
 * @param warehouseMaxAge a published build older than this ({@code gold.build_info.built_at}) is
 *     reported {@code STALE} ({@code WEBAPP_HEALTH_WAREHOUSE_MAX_AGE}, default 6h: the hourly DAG
 *     has then missed several runs)
 */
@Validated
@ConfigurationProperties("listening.health")
record HealthProperties(@NotNull Duration warehouseMaxAge) {}
