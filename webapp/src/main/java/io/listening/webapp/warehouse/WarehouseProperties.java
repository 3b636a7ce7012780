package io.listening.webapp.warehouse;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where the published warehouse lives, and how often to look for a new build.
 *
 * @param path the DuckDB file dbt publishes ({@code WEBAPP_WAREHOUSE_PATH}, default {@code
 *     $DATA_DIR/warehouse/analytics.duckdb}); relative paths resolve against the working directory
 * @param checkInterval how long a request may answer from the open build without looking at the
 *     file ({@code WEBAPP_WAREHOUSE_CHECK_INTERVAL}, default 1s): a new build is picked up within
 *     this time, and requests in between make no file system call. Zero looks at every request
 */
@Validated
@ConfigurationProperties("listening.warehouse")
record WarehouseProperties(@NotNull Path path, @NotNull Duration checkInterval) {}
