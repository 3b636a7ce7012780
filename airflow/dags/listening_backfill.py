"""
### listening_backfill

Manually triggered: ingests an arbitrary window of Kafka listening events into the Parquet lake and
rebuilds and publishes the warehouse. Same two tasks as `listening_hourly` (one pipeline
definition), only the window comes from the trigger's params instead of the data interval.

Params `window_start` and `window_end` are ISO-8601 instants with a zone, e.g.
`2024-12-01T00:00:00Z`; the window must be non-empty and already over. Rerunning a window rewrites
the same lake files, so a backfill can be repeated safely.

Trigger: `airflow dags trigger listening_backfill --conf '{"window_start": "2024-12-01T00:00:00Z",
"window_end": "2024-12-02T00:00:00Z"}'`.
"""

from datetime import UTC, datetime, timedelta

import pendulum
from airflow.sdk import Param, dag, task

from listening import alerts, targets
from listening.pipeline import ingest_and_publish
from listening.windows import ISO_INSTANT_PATTERN, JINJA_FILTERS, validate_window


def _instant_param(description: str) -> Param:
    return Param(
        type="string",
        pattern=ISO_INSTANT_PATTERN,
        description=description,
        title=description.split(",")[0],
    )


@dag(
    schedule=None,
    start_date=pendulum.datetime(2024, 1, 1, tz="UTC"),
    catchup=False,
    max_active_runs=1,
    default_args=alerts.default_args(retries=1, execution_timeout=timedelta(hours=6)),
    params={
        "window_start": _instant_param("Window start, ISO-8601 instant, inclusive"),
        "window_end": _instant_param("Window end, ISO-8601 instant, exclusive"),
    },
    user_defined_filters={**JINJA_FILTERS, **targets.JINJA_FILTERS},
    user_defined_macros=targets.JINJA_MACROS,
    tags=["listening", "ingest", "dbt", "backfill"],
    doc_md=__doc__,
)
def listening_backfill():
    @task
    def check_window(params=None) -> None:
        """Fails the run before any work when the window is empty or not over yet."""
        validate_window(params["window_start"], params["window_end"], now=datetime.now(UTC))

    ingest, _ = ingest_and_publish(
        window_start="{{ params.window_start | instant }}",
        window_end="{{ params.window_end | instant }}",
    )
    check_window() >> ingest


listening_backfill()
