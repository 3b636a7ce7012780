"""
### listening_data_quality

Every 30 minutes, three independent checks of the lake and the published warehouse:

- `dbt_source_freshness`: runs `$DBT_FRESHNESS_COMMAND`, by default `ops/dbt-build.sh --freshness`
  (dbt source freshness of the lake; skipped when the variable is set to an empty string);
- `dbt_test`: runs `$DBT_TEST_COMMAND`, by default the dbt data tests of silver and gold on a
  copy of the published warehouse (`ops/dbt-build.sh --check --select test_type:data`); it never
  publishes anything;
- `reconcile_counts`: every Kafka record in the lake landed exactly once in plays or dead letters,
  with no offset gaps; once the build has caught up, every distinct lake stream is in silver and
  gold's total plays equal the plays counted in the lake with the play threshold the published
  build recorded (`airflow/dags/listening/quality.py`).

Nothing here publishes or changes the warehouse.

Environment: `DATA_DIR`, `LAKE_DIR`, `DBT_TEST_COMMAND`, `DBT_FRESHNESS_COMMAND`,
`SILVER_STREAMS_TABLE` (see airflow/README.md).
"""

from datetime import timedelta

import pendulum
from airflow.providers.standard.operators.bash import BashOperator
from airflow.sdk import CronTriggerTimetable, dag, task

from listening import commands, config


@dag(
    schedule=CronTriggerTimetable("*/30 * * * *", timezone="UTC"),
    start_date=pendulum.datetime(2024, 1, 1, tz="UTC"),
    catchup=False,
    max_active_runs=1,
    dagrun_timeout=timedelta(minutes=30),
    default_args={
        "owner": "listening-data",
        "retries": 1,
        "retry_delay": timedelta(minutes=2),
        "execution_timeout": timedelta(minutes=20),
    },
    tags=["listening", "data-quality", "dbt"],
    doc_md=__doc__,
)
def listening_data_quality():
    BashOperator(
        task_id="dbt_source_freshness",
        # Reads the lake in place and publishes nothing, so it needs no lock.
        bash_command=commands.optional_command(
            config.DBT_FRESHNESS_COMMAND, variable="DBT_FRESHNESS_COMMAND"
        ),
        env=config.DBT_ENV,
        append_env=True,
    )
    BashOperator(
        task_id="dbt_test",
        # Queues behind the builds only because dbt invocations of one project share its target/
        # folder; the check itself writes nothing but a temporary copy of the warehouse.
        bash_command=commands.locked(config.DBT_TEST_COMMAND, lock_file=config.DBT_LOCK_FILE),
        env=config.DBT_ENV,
        append_env=True,
    )

    @task
    def reconcile_counts() -> dict:
        from listening.quality import check

        report = check(config.LAKE_DIR, config.WAREHOUSE_PATH, config.SILVER_STREAMS_TABLE)
        return {
            "plays": report.plays,
            "dead_letters": report.dead_letters,
            "silver_rows": report.silver_rows,
            "play_threshold_ms": report.play_threshold_ms,
            "lake_counted_plays": report.lake_counted_plays,
        }

    reconcile_counts()


listening_data_quality()
