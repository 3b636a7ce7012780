"""
### listening_data_quality

Every 30 minutes, four independent checks of the lake and the published warehouse:

- `dbt_source_freshness`: runs `$DBT_FRESHNESS_COMMAND`, by default `ops/dbt-build.sh --freshness`
  (dbt source freshness of the lake; skipped when the variable is set to an empty string);
- `dbt_test`: runs `$DBT_TEST_COMMAND`, by default the dbt data tests of silver and gold on a
  copy of the published warehouse (`ops/dbt-build.sh --check --select test_type:data`); it never
  publishes anything;
- `reconcile_counts`: every Kafka record in the lake landed exactly once in plays or dead letters,
  with no offset gaps; once the build has caught up, every distinct lake stream is in silver and
  gold's total plays equal the plays counted in the lake with the play threshold the published
  build recorded (`airflow/dags/listening/quality.py`).

- `lake_freshness`: fails when the newest hour partition of the lake's plays ended more than
  `listening_stale_lake_hours` (Variable; default `LISTENING_STALE_LAKE_HOURS`, 3) hours ago.

A task that fails its last try mails `LISTENING_ALERT_EMAIL` (airflow/dags/listening/alerts.py).
Nothing here publishes or changes the warehouse.

Environment: `DATA_DIR`, `LAKE_DIR`, `DBT_TEST_COMMAND`, `DBT_FRESHNESS_COMMAND`,
`SILVER_STREAMS_TABLE` (see airflow/README.md).
"""

from datetime import UTC, datetime, timedelta

import pendulum
from airflow.providers.standard.operators.bash import BashOperator
from airflow.sdk import CronTriggerTimetable, dag, task

from listening import alerts, commands, config
from listening.targets import Variables, variable


@dag(
    schedule=CronTriggerTimetable("*/30 * * * *", timezone="UTC"),
    start_date=pendulum.datetime(2024, 1, 1, tz="UTC"),
    catchup=False,
    max_active_runs=1,
    dagrun_timeout=timedelta(minutes=30),
    default_args=alerts.default_args(retries=1, execution_timeout=timedelta(minutes=20)),
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
    def reconcile_counts(run_id=None) -> dict:
        from listening import check_results
        from listening.quality import check

        def record(report) -> None:
            result = check_results.CheckResult(
                run_id, "reconcile_counts", "lake", report.problems, datetime.now(UTC)
            )
            check_results.record(config.DATA_DIR, result)

        report = check(
            config.LAKE_DIR, config.WAREHOUSE_PATH, config.SILVER_STREAMS_TABLE, on_report=record
        )
        return {
            "plays": report.plays,
            "dead_letters": report.dead_letters,
            "silver_rows": report.silver_rows,
            "play_threshold_ms": report.play_threshold_ms,
            "lake_counted_plays": report.lake_counted_plays,
        }

    reconcile_counts()

    @task
    def lake_freshness(lake_dir: str, max_age_hours: str, run_id=None) -> dict:
        """Fails (and so mails) when the lake has had no new partition for too long."""
        from listening import check_results, freshness

        limit = float(max_age_hours)
        now = datetime.now(UTC)

        def record(problems: tuple[str, ...]) -> None:
            result = check_results.CheckResult(run_id, "lake_freshness", "lake", problems, now)
            check_results.record(config.DATA_DIR, result)

        try:
            result = freshness.check(lake_dir, limit, now=now)
        except freshness.StaleLakeError as stale:
            record((str(stale),))
            raise
        record(())
        return {"newest_hour": result.newest_hour.isoformat(), "max_age_hours": limit}

    # Templated arguments: the Variables are read when the task runs, never at parse time.
    lake_freshness(
        lake_dir=variable(Variables.LAKE_DIR, config.LAKE_DIR),
        max_age_hours=variable(Variables.STALE_LAKE_HOURS, str(config.STALE_LAKE_HOURS)),
    )


listening_data_quality()
