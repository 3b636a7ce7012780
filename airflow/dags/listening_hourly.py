"""
### listening_hourly

Every hour, copies the Kafka listening events of the hour that just ended into the Parquet lake
(Beam batch job, `java -jar $PIPELINES_JAR`), then rebuilds the warehouse with `dbt build` and
publishes it atomically (`ops/dbt-build.sh`).

The window is the run's data interval (`data_interval_start`/`data_interval_end`), never the clock,
so clearing a run re-ingests exactly the same hour. Missed hours are not caught up automatically:
backfill them with `listening_backfill` or `airflow backfill create --dag-id listening_hourly`.

Environment: `LISTENING_REPO_ROOT`, `PIPELINES_JAR`, `KAFKA_BOOTSTRAP_SERVERS`, `DATA_DIR`,
`BEAM_RUNNER`, `BEAM_EXTRA_ARGS` (see airflow/README.md).
"""

from datetime import timedelta

import pendulum
from airflow.sdk import CronDataIntervalTimetable, dag

from listening.pipeline import ingest_and_publish
from listening.windows import JINJA_FILTERS


@dag(
    # An interval timetable: with a plain "@hourly" Airflow 3 uses CronTriggerTimetable, whose
    # data interval is empty (start == end), which would ingest nothing.
    schedule=CronDataIntervalTimetable("@hourly", timezone="UTC"),
    start_date=pendulum.datetime(2024, 1, 1, tz="UTC"),
    catchup=False,
    max_active_runs=1,
    max_consecutive_failed_dag_runs=24,
    default_args={
        "owner": "listening-data",
        "retries": 2,
        "retry_delay": timedelta(minutes=5),
        "execution_timeout": timedelta(minutes=45),
    },
    user_defined_filters=JINJA_FILTERS,
    tags=["listening", "ingest", "dbt"],
    doc_md=__doc__,
)
def listening_hourly():
    ingest_and_publish(
        window_start="{{ data_interval_start | instant }}",
        window_end="{{ data_interval_end | instant }}",
    )


listening_hourly()
