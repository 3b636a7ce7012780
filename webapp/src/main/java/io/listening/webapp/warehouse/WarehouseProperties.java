package io.listening.webapp.warehouse;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where the published warehouse lives.
 *
 * @param path the DuckDB file dbt publishes ({@code WEBAPP_WAREHOUSE_PATH}, default {@code
 *     $DATA_DIR/warehouse/analytics.duckdb}); relative paths resolve against the working directory
 */
@Validated
@ConfigurationProperties("listening.warehouse")
record WarehouseProperties(@NotNull Path path) {}
