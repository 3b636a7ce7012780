"""The one ingest-and-publish pipeline, shared by the hourly and the backfill DAG.

Both DAGs call :func:`ingest_and_publish`; they differ only in the window expressions they pass.
"""

from __future__ import annotations

from airflow.providers.standard.operators.bash import BashOperator

from listening import commands, config

INGEST_TASK_ID = "ingest_window"
PUBLISH_TASK_ID = "dbt_build_and_publish"


def ingest_and_publish(window_start: str, window_end: str) -> tuple[BashOperator, BashOperator]:
    """Adds ``ingest_window >> dbt_build_and_publish`` to the DAG being defined.

    ``window_start``/``window_end`` are Jinja expressions rendering to ISO-8601 instants.
    Rerunning a window rewrites the same lake files, and dbt rebuilds from the lake, so both
    tasks are safe to retry.
    """
    ingest = BashOperator(
        task_id=INGEST_TASK_ID,
        bash_command=commands.ingest_command(
            window_start,
            window_end,
            jar=config.PIPELINES_JAR,
            bootstrap_servers=config.KAFKA_BOOTSTRAP_SERVERS,
            lake_dir=config.LAKE_DIR,
            runner=config.BEAM_RUNNER,
            extra_args=config.BEAM_EXTRA_ARGS,
        ),
        doc_md="Beam batch job: Kafka records of the window -> Parquet lake + dead letters.",
    )
    publish = BashOperator(
        task_id=PUBLISH_TASK_ID,
        bash_command=commands.dbt_build_command(
            script=config.DBT_BUILD_SCRIPT, lock_file=config.DBT_LOCK_FILE
        ),
        env=config.DBT_ENV,
        append_env=True,
        doc_md="`dbt build` into a new DuckDB file, renamed over the published one if tests pass.",
    )
    ingest >> publish
    return ingest, publish
