/** The listening totals API ({@code /api/stats}); the dashboard's reads live in {@code dashboard}. */
@NullMarked
package io.listening.webapp.stats;

import org.jspecify.annotations.NullMarked;
