"""Where the data-quality DAG's own checks land: a sibling of ``gold.data_quality_results``.

``gold.data_quality_results`` (the table the dashboard shows) holds the dbt tests of the build
that made the published warehouse; dbt's on-run-end hook fills it and the file is then renamed
into place. Airflow cannot add rows to it: the published file is opened read-only by the web app,
and DuckDB allows one writer *or* many readers, never both (stack notes, B5). So the DAG's checks
(``reconcile_counts``, ``lake_freshness``) go to ``$DATA_DIR/warehouse/airflow_checks.duckdb``,
table ``airflow_check_results``, with the columns of ``gold.data_quality_results`` (``test_type``
``'airflow'``, ``build_id`` the DAG run), one row per check: its latest outcome. The file is
rewritten into a temporary file and renamed over the old one, like the warehouse, so a reader
(``ATTACH ... (READ_ONLY)``) never sees a half-written file or holds a lock that blocks the DAG.
"""

from __future__ import annotations

import fcntl
import os
from dataclasses import dataclass
from datetime import UTC, datetime

from listening import contract

FILE_NAME = "airflow_checks.duckdb"
TABLE = "airflow_check_results"
COLUMNS = (
    "build_id",
    "checked_at",
    "test_name",
    "test_type",
    "tested_model",
    "status",
    "failures",
    "message",
)


@dataclass(frozen=True)
class CheckResult:
    run_id: str
    check_name: str
    tested: str
    problems: tuple[str, ...]
    checked_at: datetime

    def row(self) -> tuple:
        status = "pass" if not self.problems else "fail"
        message = "; ".join(self.problems) or None
        return (
            self.run_id,
            self.checked_at.astimezone(UTC).replace(tzinfo=None),
            self.check_name,
            "airflow",
            self.tested,
            status,
            len(self.problems),
            message,
        )


def results_path(data_dir: str) -> str:
    return os.path.join(data_dir, contract.DataDir.WAREHOUSE, FILE_NAME)


def record(data_dir: str, result: CheckResult) -> str:
    """Replaces ``result.check_name``'s row in the results file; returns the file's path."""
    import duckdb

    path = results_path(data_dir)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path + ".lock", "w") as lock:
        # Two checks of one DAG run may finish at the same moment.
        fcntl.flock(lock, fcntl.LOCK_EX)
        kept = []
        if os.path.exists(path):
            with duckdb.connect(path, read_only=True) as con:
                kept = con.execute(
                    f"select {', '.join(COLUMNS)} from {TABLE} where test_name <> ?",
                    [result.check_name],
                ).fetchall()
        tmp = f"{path}.{os.getpid()}.tmp"
        if os.path.exists(tmp):
            os.remove(tmp)
        with duckdb.connect(tmp) as con:
            con.execute(
                f"create table {TABLE} (build_id varchar, checked_at timestamp, "
                "test_name varchar, test_type varchar, tested_model varchar, status varchar, "
                "failures bigint, message varchar)"
            )
            con.executemany(
                f"insert into {TABLE} values (?, ?, ?, ?, ?, ?, ?, ?)", [*kept, result.row()]
            )
        os.replace(tmp, path)
    return path


def read(data_dir: str) -> list[dict]:
    """The recorded results, by check name."""
    import duckdb

    with duckdb.connect(results_path(data_dir), read_only=True) as con:
        rows = con.execute(
            f"select {', '.join(COLUMNS)} from {TABLE} order by test_name"
        ).fetchall()
    return [dict(zip(COLUMNS, row, strict=True)) for row in rows]
