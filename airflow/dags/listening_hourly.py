"""
### listening_hourly

Every hour, copies the Kafka listening events of the hour that just ended into the Parquet lake
(Beam batch job, `java -jar $PIPELINES_JAR`), then rebuilds the warehouse with `dbt build` and
publishes it atomically (`ops/dbt-build.sh`).

The window is the run's data interval (`data_interval_start`/`data_interval_end`), never the clock,
so clearing a run re-ingests exactly the same hour. Missed hours are caught up only with
`LISTENING_HOURLY_CATCHUP=true` (from `LISTENING_HOURLY_START` on); otherwise backfill them with
`listening_backfill` or `airflow backfill create --dag-id listening_hourly`.

Runner, lake and warehouse: Airflow Variables `listening_beam_runner`, `listening_beam_extra_args`,
`listening_lake_dir`, `listening_warehouse` (and the connection `listening_snowflake`), falling back
to the environment: `LISTENING_REPO_ROOT`, `PIPELINES_JAR`, `KAFKA_BOOTSTRAP_SERVERS`, `DATA_DIR`,
`BEAM_RUNNER`, `BEAM_EXTRA_ARGS`, `LAKE_DIR` (see airflow/README.md). A task that fails its last try
mails `LISTENING_ALERT_EMAIL`.
"""

from datetime import timedelta

from airflow.sdk import CronDataIntervalTimetable, dag

from listening import alerts, config, targets
from listening.pipeline import ingest_and_publish
from listening.windows import JINJA_FILTERS


@dag(
    # An interval timetable: with a plain "@hourly" Airflow 3 uses CronTriggerTimetable, whose
    # data interval is empty (start == end), which would ingest nothing.
    schedule=CronDataIntervalTimetable("@hourly", timezone="UTC"),
    start_date=config.HOURLY_START,
    end_date=config.HOURLY_END,
    catchup=config.HOURLY_CATCHUP,
    max_active_runs=1,
    max_consecutive_failed_dag_runs=24,
    default_args=alerts.default_args(execution_timeout=timedelta(minutes=45)),
    user_defined_filters={**JINJA_FILTERS, **targets.JINJA_FILTERS},
    user_defined_macros=targets.JINJA_MACROS,
    tags=["listening", "ingest", "dbt"],
    doc_md=__doc__,
)
def listening_hourly():
    ingest_and_publish(
        window_start="{{ data_interval_start | instant }}",
        window_end="{{ data_interval_end | instant }}",
    )


listening_hourly()
