package io.listening.webapp.warehouse;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The dbt build a warehouse file came from ({@code gold.build_info}).
 *
 * @param buildId the dbt invocation id; changes with every published build
 * @param builtAt when dbt built it, if recorded
 */
public record WarehouseBuild(String buildId, @Nullable Instant builtAt) {}
