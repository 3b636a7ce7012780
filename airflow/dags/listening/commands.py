"""Shell commands run by the listening DAGs, built from explicit arguments so tests can read them.

Window bounds arrive as Jinja expressions (``{{ data_interval_start | instant }}``) and are
rendered by Airflow when the task runs; everything else is a fixed, shell-quoted value.
"""

from __future__ import annotations

import shlex


class Rendered(str):
    """A Jinja expression that renders to shell-quoted words (e.g. ``{{ ... | shell_word }}``):
    the command builders insert it as is instead of quoting the expression itself."""


def _option(name: str, value: str) -> str:
    if isinstance(value, Rendered):
        return f"--{name}={value}"
    return shlex.quote(f"--{name}={value}")


def _words(value: str) -> list[str]:
    if isinstance(value, Rendered):
        return [value] if value else []
    return [shlex.quote(arg) for arg in shlex.split(value)]


def ingest_command(
    window_start: str,
    window_end: str,
    *,
    jar: str,
    bootstrap_servers: str,
    lake_dir: str,
    runner: str,
    extra_args: str = "",
) -> str:
    """Runs the Beam batch job that copies one Kafka time window into the Parquet lake.

    ``window_start``/``window_end`` are inserted unquoted: they must render to instants (the
    ``instant`` filter guarantees that, or fails the task before anything runs). ``lake_dir``,
    ``runner`` and ``extra_args`` are quoted here, or, as :class:`Rendered` expressions, when
    Airflow renders them.
    """
    args = [
        "java",
        "-jar",
        shlex.quote(jar),
        shlex.quote(f"--bootstrapServers={bootstrap_servers}"),
        _option("lakeDir", lake_dir),
        f"--windowStart={window_start}",
        f"--windowEnd={window_end}",
        _option("runner", runner),
    ]
    args += _words(extra_args)
    return " ".join(args)


def locked(command: str, *, lock_file: str) -> str:
    """Wraps ``command`` so that only one such command runs at a time on this machine."""
    lock_dir = lock_file.rsplit("/", 1)[0] or "/"
    return (
        f"mkdir -p {shlex.quote(lock_dir)} && "
        f"flock {shlex.quote(lock_file)} bash -c {shlex.quote(command)}"
    )


def dbt_build_command(*, script: str, lock_file: str, dbt_args: str = "") -> str:
    """Runs ``dbt build`` and publishes the warehouse atomically (``ops/dbt-build.sh``)."""
    parts = ["bash", shlex.quote(script)] + [shlex.quote(a) for a in shlex.split(dbt_args)]
    return locked(" ".join(parts), lock_file=lock_file)


def optional_command(command: str, *, variable: str) -> str:
    """Runs a configured command, or skips the task when ``variable`` set it to nothing.

    Exit code 99 is what BashOperator treats as "skipped" (``skip_on_exit_code``).
    """
    if not command.strip():
        return f"echo {shlex.quote(f'{variable} is empty: nothing to run')} && exit 99"
    return command
