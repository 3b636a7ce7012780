"""The commands the tasks run, rendered for a given data interval or trigger params."""

import re
import shlex

import pendulum
import pytest

from listening import config

START = pendulum.datetime(2024, 12, 1, 10, tz="UTC")
END = pendulum.datetime(2024, 12, 1, 11, tz="UTC")


def render(task, **context):
    return task.render_template(task.bash_command, context)


def ingest_args(command):
    """The java command's arguments as a dict of --name=value (plus the leading words)."""
    words = shlex.split(command)
    assert words[:2] == ["java", "-jar"]
    return words[2], dict(w[2:].split("=", 1) for w in words[3:])


def test_hourly_ingest_reads_exactly_the_data_interval(dag_bag):
    task = dag_bag.get_dag("listening_hourly").get_task("ingest_window")
    command = render(task, data_interval_start=START, data_interval_end=END)
    jar, args = ingest_args(command)
    assert jar == config.PIPELINES_JAR
    assert args == {
        "bootstrapServers": config.KAFKA_BOOTSTRAP_SERVERS,
        "lakeDir": config.LAKE_DIR,
        "windowStart": "2024-12-01T10:00:00Z",
        "windowEnd": "2024-12-01T11:00:00Z",
        "runner": config.BEAM_RUNNER,
    }


@pytest.mark.parametrize("dag_id", ["listening_hourly", "listening_backfill"])
def test_ingest_template_reads_only_the_window_never_the_clock(dag_bag, dag_id):
    template = dag_bag.get_dag(dag_id).get_task("ingest_window").bash_command
    expressions = [e.strip() for e in re.findall(r"{{(.*?)}}", template)]
    prefix = "data_interval_" if dag_id == "listening_hourly" else "params.window_"
    assert expressions == [f"{prefix}start | instant", f"{prefix}end | instant"]
    assert "{%" not in template


def test_rendering_needs_a_data_interval(dag_bag):
    task = dag_bag.get_dag("listening_hourly").get_task("ingest_window")
    with pytest.raises(Exception, match="data_interval_start"):
        render(task, data_interval_end=END)


def test_backfill_ingest_reads_the_params_window_in_utc(dag_bag):
    task = dag_bag.get_dag("listening_backfill").get_task("ingest_window")
    params = {"window_start": "2024-12-01T00:00:00+01:00", "window_end": "2024-12-02T00:00:00Z"}
    _, args = ingest_args(render(task, params=params))
    assert args["windowStart"] == "2024-11-30T23:00:00Z"
    assert args["windowEnd"] == "2024-12-02T00:00:00Z"


def test_backfill_ingest_refuses_a_window_without_zone(dag_bag):
    task = dag_bag.get_dag("listening_backfill").get_task("ingest_window")
    params = {"window_start": "2024-12-01T00:00:00", "window_end": "2024-12-02T00:00:00Z"}
    with pytest.raises(ValueError, match="not an ISO-8601 instant"):
        render(task, params=params)


@pytest.mark.parametrize("dag_id", ["listening_hourly", "listening_backfill"])
def test_publish_runs_dbt_build_script_under_the_lock(dag_bag, dag_id):
    task = dag_bag.get_dag(dag_id).get_task("dbt_build_and_publish")
    command = render(task)
    assert f"flock {config.DBT_LOCK_FILE} " in command
    assert f"bash {config.REPO_ROOT}/ops/dbt-build.sh" in command
    assert task.env == {
        "REPO_ROOT": config.REPO_ROOT,
        "DATA_DIR": config.DATA_DIR,
        "LAKE_DIR": config.LAKE_DIR,
    }
    assert task.append_env is True


def test_data_quality_tests_a_copy_and_never_publishes(dag_bag):
    task = dag_bag.get_dag("listening_data_quality").get_task("dbt_test")
    command = render(task)
    assert shlex.split(command)[-1] == config.DBT_TEST_COMMAND
    assert shlex.split(config.DBT_TEST_COMMAND) == [
        "bash",
        f"{config.REPO_ROOT}/ops/dbt-build.sh",
        "--check",
        "--select",
        "test_type:data",
    ]
    assert task.env == config.DBT_ENV


def test_no_data_quality_task_runs_the_publishing_build(dag_bag):
    modes = {}
    for task in dag_bag.get_dag("listening_data_quality").tasks:
        command = getattr(task, "bash_command", None) or ""
        # Without --check or --freshness, ops/dbt-build.sh publishes.
        modes[task.task_id] = re.findall(r"dbt-build\.sh['\"]*\s+(\S+)", command)
    assert modes == {
        "dbt_source_freshness": ["--freshness"],
        "dbt_test": ["--check"],
        "reconcile_counts": [],
    }


def test_data_quality_checks_freshness_without_waiting_for_the_lock(dag_bag):
    task = dag_bag.get_dag("listening_data_quality").get_task("dbt_source_freshness")
    assert render(task) == config.DBT_FRESHNESS_COMMAND
    assert config.DBT_FRESHNESS_COMMAND == f'bash "{config.REPO_ROOT}/ops/dbt-build.sh" --freshness'
    assert task.env == config.DBT_ENV
