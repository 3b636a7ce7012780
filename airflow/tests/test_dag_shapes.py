"""Task ids, dependencies and schedules of the listening DAGs."""

import copy

import pytest
from airflow.sdk import CronDataIntervalTimetable, CronTriggerTimetable
from airflow.sdk.definitions.timetables.simple import NullTimetable
from airflow.sdk.exceptions import ParamValidationError


def edges(dag):
    return {(t.task_id, d) for t in dag.tasks for d in t.downstream_task_ids}


def test_hourly_ingests_then_builds(dag_bag):
    dag = dag_bag.get_dag("listening_hourly")
    assert set(dag.task_ids) == {"ingest_window", "dbt_build_and_publish"}
    assert edges(dag) == {("ingest_window", "dbt_build_and_publish")}


def test_hourly_runs_on_hourly_data_intervals(dag_bag):
    timetable = dag_bag.get_dag("listening_hourly").timetable
    # CronTriggerTimetable (what a bare "@hourly" gives in Airflow 3) has empty data intervals.
    assert isinstance(timetable, CronDataIntervalTimetable)
    assert (timetable.expression, str(timetable.timezone)) == ("0 * * * *", "UTC")


def test_backfill_checks_the_window_before_the_same_pipeline(dag_bag):
    dag = dag_bag.get_dag("listening_backfill")
    assert isinstance(dag.timetable, NullTimetable)
    assert set(dag.task_ids) == {"check_window", "ingest_window", "dbt_build_and_publish"}
    assert edges(dag) == {
        ("check_window", "ingest_window"),
        ("ingest_window", "dbt_build_and_publish"),
    }


def test_backfill_and_hourly_share_one_pipeline_definition(dag_bag):
    hourly = dag_bag.get_dag("listening_hourly")
    backfill = dag_bag.get_dag("listening_backfill")
    hourly_ingest = hourly.get_task("ingest_window").bash_command
    backfill_ingest = backfill.get_task("ingest_window").bash_command
    assert hourly_ingest.replace("data_interval_", "params.window_") == backfill_ingest
    assert (
        hourly.get_task("dbt_build_and_publish").bash_command
        == backfill.get_task("dbt_build_and_publish").bash_command
    )


def test_backfill_params_are_required_iso_instants(dag_bag):
    declared = dag_bag.get_dag("listening_backfill").params
    assert set(declared.keys()) == {"window_start", "window_end"}
    with pytest.raises(ParamValidationError, match="No value passed"):
        copy.deepcopy(declared).validate()
    good = {"window_start": "2024-12-01T00:00:00Z", "window_end": "2024-12-02T00:00:00+01:00"}
    params = copy.deepcopy(declared)
    params.update(good)
    assert params.validate() == good
    for bad in ("2024-12-01", "2024-12-01T00:00:00", "yesterday", ""):
        params = copy.deepcopy(declared)
        with pytest.raises(ParamValidationError, match="window_start"):
            params.update({**good, "window_start": bad})
            params.validate()


def test_data_quality_runs_four_independent_checks_every_half_hour(dag_bag):
    dag = dag_bag.get_dag("listening_data_quality")
    assert set(dag.task_ids) == {
        "dbt_source_freshness",
        "dbt_test",
        "reconcile_counts",
        "lake_freshness",
    }
    assert edges(dag) == set()
    assert isinstance(dag.timetable, CronTriggerTimetable)
    assert dag.timetable.expression == "*/30 * * * *"


@pytest.mark.parametrize(
    "dag_id", ["listening_hourly", "listening_backfill", "listening_data_quality"]
)
def test_failed_tasks_retry_with_doubling_delays(dag_bag, dag_id):
    for task in dag_bag.get_dag(dag_id).tasks:
        assert task.retries >= 1
        assert task.retry_exponential_backoff == 2.0
        assert task.max_retry_delay >= task.retry_delay


def test_hourly_does_not_catch_up_unless_configured(dag_bag):
    dag = dag_bag.get_dag("listening_hourly")
    assert dag.catchup is False
    assert dag.end_date is None
