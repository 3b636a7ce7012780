"""Command builders and the environment they are configured from."""

import fcntl
import importlib
import subprocess

import pytest

from listening import commands, config, contract


def ingest(**overrides):
    kwargs = dict(
        jar="/opt/listening/beam pipelines.jar",
        bootstrap_servers="kafka-1:9092,kafka-2:9092",
        lake_dir="/data/lake",
        runner="FlinkRunner",
        extra_args="",
    )
    kwargs.update(overrides)
    return commands.ingest_command("START", "END", **kwargs)


def test_ingest_command_quotes_paths_and_passes_runner():
    assert ingest() == (
        "java -jar '/opt/listening/beam pipelines.jar' "
        "--bootstrapServers=kafka-1:9092,kafka-2:9092 --lakeDir=/data/lake "
        "--windowStart=START --windowEnd=END --runner=FlinkRunner"
    )


def test_ingest_command_appends_extra_args_word_by_word():
    command = ingest(extra_args="--flinkMaster=flink:8081 --parallelism=2 --jobName='hourly plays'")
    assert command.endswith(
        "--runner=FlinkRunner --flinkMaster=flink:8081 --parallelism=2 '--jobName=hourly plays'"
    )


def run(command, tmp_path):
    return subprocess.run(["bash", "-c", command], cwd=tmp_path, capture_output=True, text=True)


def test_locked_command_keeps_the_exit_code_and_creates_the_lock(tmp_path):
    lock = tmp_path / "state" / "dbt.lock"
    result = run(commands.locked("echo it ran; exit 3", lock_file=str(lock)), tmp_path)
    assert result.returncode == 3
    assert result.stdout == "it ran\n"
    assert lock.exists()


def test_locked_command_waits_for_the_lock_holder(tmp_path):
    lock = tmp_path / "dbt.lock"
    with open(lock, "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        waiting = subprocess.Popen(
            ["bash", "-c", commands.locked("echo ran", lock_file=str(lock))],
            stdout=subprocess.PIPE,
            text=True,
        )
        with pytest.raises(subprocess.TimeoutExpired):
            waiting.wait(timeout=1)
    assert waiting.wait(timeout=10) == 0
    assert waiting.stdout.read() == "ran\n"


def test_empty_optional_command_skips_the_task(tmp_path):
    result = run(commands.optional_command("  ", variable="X_CMD"), tmp_path)
    assert result.returncode == 99  # BashOperator's skip_on_exit_code
    assert "X_CMD is empty" in result.stdout


def test_optional_command_runs_as_configured():
    assert commands.optional_command("dbt source freshness", variable="X") == "dbt source freshness"


def test_dbt_build_command_passes_dbt_args(tmp_path):
    command = commands.dbt_build_command(
        script="/repo/ops/dbt-build.sh", lock_file="/d/l", dbt_args="--select silver_plays+"
    )
    assert "bash -c 'bash /repo/ops/dbt-build.sh --select silver_plays+'" in command


def test_config_is_read_from_the_environment(monkeypatch):
    monkeypatch.setenv("LISTENING_REPO_ROOT", "/srv/listening")
    monkeypatch.setenv("DATA_DIR", "/var/lib/listening")
    monkeypatch.setenv("BEAM_RUNNER", "FlinkRunner")
    monkeypatch.setenv("DBT_FRESHNESS_COMMAND", "")
    monkeypatch.delenv("PIPELINES_JAR", raising=False)
    monkeypatch.delenv("KAFKA_BOOTSTRAP_SERVERS", raising=False)
    monkeypatch.delenv("LAKE_DIR", raising=False)
    try:
        reloaded = importlib.reload(config)
        assert reloaded.PIPELINES_JAR == "/srv/listening/beam-pipelines/target/beam-pipelines.jar"
        assert reloaded.LAKE_DIR == "/var/lib/listening/lake"
        assert reloaded.WAREHOUSE_PATH == "/var/lib/listening/warehouse/analytics.duckdb"
        assert reloaded.KAFKA_BOOTSTRAP_SERVERS == contract.LocalDefaults.KAFKA_BOOTSTRAP_SERVERS
        assert reloaded.BEAM_RUNNER == "FlinkRunner"
        assert reloaded.DBT_TEST_COMMAND == (
            'bash "/srv/listening/ops/dbt-build.sh" --check --select "test_type:data"'
        )
        assert reloaded.DBT_FRESHNESS_COMMAND == ""
        assert reloaded.DBT_ENV == {
            "REPO_ROOT": "/srv/listening",
            "DATA_DIR": "/var/lib/listening",
            "LAKE_DIR": "/var/lib/listening/lake",
        }
    finally:
        monkeypatch.undo()
        importlib.reload(config)
