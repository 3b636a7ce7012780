"""The data-quality DAG's results file: one row per check, its latest outcome, replaced whole."""

from datetime import UTC, datetime

import duckdb

from listening import check_results
from listening.check_results import CheckResult

AT = datetime(2024, 12, 1, 10, 30, tzinfo=UTC)


def test_a_failed_check_is_recorded_with_its_problems(tmp_path):
    problems = ("3 offsets missing in spotify-plays-0", "silver holds 2 duplicate event_id")
    check_results.record(
        str(tmp_path), CheckResult("run-1", "reconcile_counts", "lake", problems, AT)
    )
    [row] = check_results.read(str(tmp_path))
    assert row == {
        "build_id": "run-1",
        "checked_at": datetime(2024, 12, 1, 10, 30),
        "test_name": "reconcile_counts",
        "test_type": "airflow",
        "tested_model": "lake",
        "status": "fail",
        "failures": 2,
        "message": "3 offsets missing in spotify-plays-0; silver holds 2 duplicate event_id",
    }


def test_each_check_keeps_only_its_latest_outcome_beside_the_others(tmp_path):
    data = str(tmp_path)
    check_results.record(data, CheckResult("run-1", "reconcile_counts", "lake", ("gap",), AT))
    check_results.record(data, CheckResult("run-1", "lake_freshness", "lake", (), AT))
    check_results.record(data, CheckResult("run-2", "reconcile_counts", "lake", (), AT))
    rows = {r["test_name"]: (r["build_id"], r["status"]) for r in check_results.read(data)}
    assert rows == {"lake_freshness": ("run-1", "pass"), "reconcile_counts": ("run-2", "pass")}


def test_the_file_has_the_columns_of_gold_data_quality_results(tmp_path):
    path = check_results.record(str(tmp_path), CheckResult("r", "lake_freshness", "lake", (), AT))
    with duckdb.connect(path, read_only=True) as con:
        columns = [c[0] for c in con.execute(f"describe {check_results.TABLE}").fetchall()]
    assert tuple(columns) == check_results.COLUMNS
    assert not list(tmp_path.glob("warehouse/*.tmp"))
