/** Read-only access to the published DuckDB warehouse, reopened when dbt publishes a new build. */
@NullMarked
package io.listening.webapp.warehouse;

import org.jspecify.annotations.NullMarked;
