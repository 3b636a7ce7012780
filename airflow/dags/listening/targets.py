"""Where the DAGs' work runs and lands, chosen by Airflow Variables and Connections.

The Beam runner (direct or Flink), the lake (a folder or ``s3://``) and the warehouse (DuckDB or
Snowflake) are read when a task runs, from Airflow Variables, so an operator switches them in the
UI, with ``airflow variables set`` or with ``AIRFLOW_VAR_<NAME>`` in the environment, never by
editing DAG code. A Variable that is not set falls back to the environment variable of
``config.py`` (``BEAM_RUNNER``, ``BEAM_EXTRA_ARGS``, ``LAKE_DIR``), so existing deployments keep
working. The Snowflake credentials come from the Airflow Connection :data:`SNOWFLAKE_CONN_ID`.

Templates read the Variables through Airflow's ``var.value.get`` (no metadata-DB access while the
DAG files are parsed); the macros and filters here turn them into shell words.
"""

from __future__ import annotations

import shlex

from listening import config


class Variables:
    """Names of the Airflow Variables the DAGs read when a task runs."""

    BEAM_RUNNER = "listening_beam_runner"
    BEAM_EXTRA_ARGS = "listening_beam_extra_args"
    LAKE_DIR = "listening_lake_dir"
    WAREHOUSE = "listening_warehouse"
    STALE_LAKE_HOURS = "listening_stale_lake_hours"


class Warehouses:
    DUCKDB = "duckdb"
    SNOWFLAKE = "snowflake"
    ALL = (DUCKDB, SNOWFLAKE)


SNOWFLAKE_CONN_ID = "listening_snowflake"

# The Snowflake connection's fields, as the environment variables of dbt/profiles.yml.
_SNOWFLAKE_EXTRAS = {
    "SNOWFLAKE_ROLE": "role",
    "SNOWFLAKE_WAREHOUSE": "warehouse",
    "SNOWFLAKE_DATABASE": "database",
    "SNOWFLAKE_HOST": "host",
    "SNOWFLAKE_PORT": "port",
    "SNOWFLAKE_PROTOCOL": "protocol",
}


def variable(name: str, default: str, jinja_filter: str = "") -> str:
    """A Jinja expression reading Airflow Variable ``name``, or ``default`` when it is unset,
    optionally through ``jinja_filter`` (e.g. ``shell_word``)."""
    piped = f" | {jinja_filter}" if jinja_filter else ""
    return f"{{{{ var.value.get({name!r}, {default!r}){piped} }}}}"


def shell_word(value) -> str:
    """Jinja filter ``shell_word``: one shell-quoted word."""
    return shlex.quote(str(value))


def shell_words(value) -> str:
    """Jinja filter ``shell_words``: a string of options split like a shell, each word quoted."""
    return " ".join(shlex.quote(word) for word in shlex.split(str(value)))


def publish_command(warehouse: str, snowflake=None) -> str:
    """The publish task's command for ``warehouse`` (Jinja macro ``publish_command``).

    ``snowflake`` is the Airflow Connection :data:`SNOWFLAKE_CONN_ID`, needed only for Snowflake.
    An unknown warehouse fails the task when it renders, before anything runs.
    """
    choice = str(warehouse).strip().lower()
    if choice == Warehouses.DUCKDB:
        return duckdb_publish_command()
    if choice == Warehouses.SNOWFLAKE:
        if snowflake is None:
            raise ValueError(
                f"Variable {Variables.WAREHOUSE} is 'snowflake' but Airflow has no connection "
                f"'{SNOWFLAKE_CONN_ID}' (account in its host or extra, user, password)"
            )
        return snowflake_build_command(snowflake)
    raise ValueError(
        f"Variable {Variables.WAREHOUSE} is {warehouse!r}; "
        f"expected one of {', '.join(Warehouses.ALL)}"
    )


def duckdb_publish_command() -> str:
    """``dbt build`` into a new DuckDB file, renamed over the published one (ops/dbt-build.sh)."""
    from listening import commands

    return commands.dbt_build_command(
        script=config.DBT_BUILD_SCRIPT, lock_file=config.DBT_LOCK_FILE
    )


def snowflake_build_command(connection) -> str:
    """``dbt build --target snowflake`` in the dbt-snowflake virtualenv, with the connection's
    fields as the environment of ``dbt/profiles.yml``.

    The password is exported from the connection like the other fields; Airflow masks connection
    passwords in task logs and rendered templates.
    """
    extra = connection.extra_dejson or {}
    account = extra.get("account") or connection.host
    if not account or not connection.login:
        raise ValueError(
            f"connection '{SNOWFLAKE_CONN_ID}' needs an account (extra 'account' or host) "
            "and a login"
        )
    env = {
        "DBT_TARGET": Warehouses.SNOWFLAKE,
        "SNOWFLAKE_ACCOUNT": account,
        "SNOWFLAKE_USER": connection.login,
        "DBT_ENV_SECRET_SNOWFLAKE_PASSWORD": connection.password or "",
        "SNOWFLAKE_SCHEMA": connection.schema or "analytics",
    }
    for name, key in _SNOWFLAKE_EXTRAS.items():
        if extra.get(key) not in (None, ""):
            env[name] = str(extra[key])
    exports = " ".join(f"{name}={shlex.quote(value)}" for name, value in env.items())
    repo = shlex.quote(config.REPO_ROOT)
    dbt_dir = shlex.quote(f"{config.REPO_ROOT}/dbt")
    build = (
        f"source {repo}/ops/lib/common.sh && "
        f'venv="$(ensure_venv dbt-snowflake {dbt_dir}/requirements-snowflake.txt)" && '
        f"export {exports} && "
        f'"$venv/bin/dbt" build --target snowflake --no-version-check '
        f"--project-dir {dbt_dir} --profiles-dir {dbt_dir} --exclude test_type:unit"
    )
    return locked(build)


def locked(command: str) -> str:
    from listening import commands

    return commands.locked(command, lock_file=config.DBT_LOCK_FILE)


JINJA_FILTERS = {"shell_word": shell_word, "shell_words": shell_words}
JINJA_MACROS = {"publish_command": publish_command}
