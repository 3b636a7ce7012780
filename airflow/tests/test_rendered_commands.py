"""The commands the tasks run, rendered for a given data interval or trigger params."""

import re
import shlex

import pendulum
import pytest

from listening import config, targets
from listening.targets import Variables

START = pendulum.datetime(2024, 12, 1, 10, tz="UTC")
END = pendulum.datetime(2024, 12, 1, 11, tz="UTC")


class Accessor(dict):
    """Stands in for Airflow's ``var.value`` and ``conn`` in a template context."""

    def get(self, key, default=None):
        return super().get(key, default)


class Connection:
    def __init__(self, host="", login="", password="", schema="", extra=None):
        self.host, self.login, self.password, self.schema = host, login, password, schema
        self.extra_dejson = extra or {}


def render(task, variables=None, connections=None, **context):
    accessors = {"var": {"value": Accessor(variables or {})}, "conn": Accessor(connections or {})}
    return task.render_template(task.bash_command, {**accessors, **context})


def render_env(task, variables=None):
    return task.render_template(task.env, {"var": {"value": Accessor(variables or {})}})


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
    window = [e for e in expressions if not e.startswith("var.value.get(")]
    assert window == [f"{prefix}start | instant", f"{prefix}end | instant"]
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
    assert render_env(task) == {
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
        "lake_freshness": [],
    }


def test_data_quality_checks_freshness_without_waiting_for_the_lock(dag_bag):
    task = dag_bag.get_dag("listening_data_quality").get_task("dbt_source_freshness")
    assert render(task) == config.DBT_FRESHNESS_COMMAND
    assert config.DBT_FRESHNESS_COMMAND == f'bash "{config.REPO_ROOT}/ops/dbt-build.sh" --freshness'
    assert task.env == config.DBT_ENV


# Runner, lake and warehouse come from Airflow Variables (and the Snowflake connection) when the
# task runs; the DAG code stays the same.
FLINK = {
    Variables.BEAM_RUNNER: "FlinkRunner",
    Variables.BEAM_EXTRA_ARGS: "--flinkMaster=flink-jobmanager:8081 --parallelism=4 "
    "--jobName='hourly plays'",
}


@pytest.mark.parametrize("dag_id", ["listening_hourly", "listening_backfill"])
def test_ingest_runs_on_the_runner_the_variables_name(dag_bag, dag_id):
    task = dag_bag.get_dag(dag_id).get_task("ingest_window")
    window = {"data_interval_start": START, "data_interval_end": END}
    window["params"] = {"window_start": START.isoformat(), "window_end": END.isoformat()}
    words = shlex.split(render(task, FLINK, **window))
    assert words[words.index("--runner=FlinkRunner") + 1 :] == [
        "--flinkMaster=flink-jobmanager:8081",
        "--parallelism=4",
        "--jobName=hourly plays",
    ]


def test_without_variables_the_environment_decides(dag_bag):
    task = dag_bag.get_dag("listening_hourly").get_task("ingest_window")
    _, args = ingest_args(render(task, data_interval_start=START, data_interval_end=END))
    assert (args["runner"], args["lakeDir"]) == (config.BEAM_RUNNER, config.LAKE_DIR)


def test_an_s3_lake_variable_reaches_the_job_and_dbt(dag_bag):
    lake = {Variables.LAKE_DIR: "s3://listening-lake/prod"}
    hourly = dag_bag.get_dag("listening_hourly")
    ingest = hourly.get_task("ingest_window")
    _, args = ingest_args(render(ingest, lake, data_interval_start=START, data_interval_end=END))
    assert args["lakeDir"] == "s3://listening-lake/prod"
    publish = hourly.get_task("dbt_build_and_publish")
    assert render_env(publish, lake)["LAKE_DIR"] == "s3://listening-lake/prod"


def test_a_variable_cannot_inject_shell(dag_bag):
    task = dag_bag.get_dag("listening_hourly").get_task("ingest_window")
    evil = {Variables.BEAM_RUNNER: "DirectRunner; rm -rf /", Variables.LAKE_DIR: "/lake $(id)"}
    command = render(task, evil, data_interval_start=START, data_interval_end=END)
    _, args = ingest_args(command)
    assert (args["runner"], args["lakeDir"]) == ("DirectRunner; rm -rf /", "/lake $(id)")


SNOWFLAKE = Connection(
    host="xy12345.eu-west-1",
    login="LISTENING_DBT",
    password="s3cret",
    schema="ANALYTICS",
    extra={"role": "TRANSFORMER", "warehouse": "DBT_WH", "database": "LISTENING"},
)


def test_the_snowflake_warehouse_builds_the_snowflake_target_with_the_connection(dag_bag):
    task = dag_bag.get_dag("listening_hourly").get_task("dbt_build_and_publish")
    command = render(
        task,
        {Variables.WAREHOUSE: "snowflake"},
        {targets.SNOWFLAKE_CONN_ID: SNOWFLAKE},
    )
    assert f"flock {config.DBT_LOCK_FILE} " in command
    inner = shlex.split(command)[-1]
    assert "dbt-build.sh" not in inner
    assert '"$venv/bin/dbt" build --target snowflake' in inner
    exports = dict(
        w.split("=", 1) for w in shlex.split(inner.split("export ", 1)[1].split(" && ")[0])
    )
    assert exports == {
        "DBT_TARGET": "snowflake",
        "SNOWFLAKE_ACCOUNT": "xy12345.eu-west-1",
        "SNOWFLAKE_USER": "LISTENING_DBT",
        "DBT_ENV_SECRET_SNOWFLAKE_PASSWORD": "s3cret",
        "SNOWFLAKE_SCHEMA": "ANALYTICS",
        "SNOWFLAKE_ROLE": "TRANSFORMER",
        "SNOWFLAKE_WAREHOUSE": "DBT_WH",
        "SNOWFLAKE_DATABASE": "LISTENING",
    }


def test_snowflake_without_its_connection_fails_with_one_sentence(dag_bag):
    task = dag_bag.get_dag("listening_hourly").get_task("dbt_build_and_publish")
    with pytest.raises(ValueError, match="no connection 'listening_snowflake'"):
        render(task, {Variables.WAREHOUSE: "snowflake"})


def test_an_unknown_warehouse_fails_before_anything_runs(dag_bag):
    task = dag_bag.get_dag("listening_hourly").get_task("dbt_build_and_publish")
    with pytest.raises(ValueError, match="expected one of duckdb, snowflake"):
        render(task, {Variables.WAREHOUSE: "bigquery"})
