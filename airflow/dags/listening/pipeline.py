"""The one ingest-and-publish pipeline, shared by the hourly and the backfill DAG.

Both DAGs call :func:`ingest_and_publish`; they differ only in the window expressions they pass.
"""

from __future__ import annotations

from airflow.providers.standard.operators.bash import BashOperator

from listening import commands, config, targets
from listening.commands import Rendered
from listening.targets import Variables, variable

INGEST_TASK_ID = "ingest_window"
PUBLISH_TASK_ID = "dbt_build_and_publish"


# The warehouse Variable picks the command; the Snowflake connection is read only when it is used.
PUBLISH_TEMPLATE = (
    f"{{% set warehouse = var.value.get({Variables.WAREHOUSE!r}, {targets.Warehouses.DUCKDB!r}) %}}"
    f"{{{{ publish_command(warehouse, conn.get({targets.SNOWFLAKE_CONN_ID!r}) "
    f"if warehouse == {targets.Warehouses.SNOWFLAKE!r} else None) }}}}"
)
# dbt reads the lake the ingest task wrote: the same Variable, with the same default.
DBT_ENV_TEMPLATE = {**config.DBT_ENV, "LAKE_DIR": variable(Variables.LAKE_DIR, config.LAKE_DIR)}


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
            lake_dir=Rendered(variable(Variables.LAKE_DIR, config.LAKE_DIR, "shell_word")),
            runner=Rendered(variable(Variables.BEAM_RUNNER, config.BEAM_RUNNER, "shell_word")),
            extra_args=Rendered(
                variable(Variables.BEAM_EXTRA_ARGS, config.BEAM_EXTRA_ARGS, "shell_words")
            ),
        ),
        doc_md="Beam batch job: Kafka records of the window -> Parquet lake + dead letters.",
    )
    publish = BashOperator(
        task_id=PUBLISH_TASK_ID,
        bash_command=PUBLISH_TEMPLATE,
        env=DBT_ENV_TEMPLATE,
        append_env=True,
        doc_md="`dbt build` into a new DuckDB file, renamed over the published one if tests pass.",
    )
    ingest >> publish
    return ingest, publish
