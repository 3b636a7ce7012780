"""Configuration of the listening DAGs, read from the environment once at import.

Only cheap ``os.getenv`` look-ups happen here: the DAG processor re-imports DAG files often.
"""

import os
from pathlib import Path

from listening import contract

# airflow/dags/listening/config.py -> repository root three levels up.
_DEFAULT_REPO_ROOT = str(Path(__file__).resolve().parents[3])

REPO_ROOT = os.getenv("LISTENING_REPO_ROOT", _DEFAULT_REPO_ROOT)
DATA_DIR = os.getenv("DATA_DIR", f"{REPO_ROOT}/data")
PIPELINES_JAR = os.getenv("PIPELINES_JAR", f"{REPO_ROOT}/beam-pipelines/target/beam-pipelines.jar")
KAFKA_BOOTSTRAP_SERVERS = os.getenv(
    "KAFKA_BOOTSTRAP_SERVERS", contract.LocalDefaults.KAFKA_BOOTSTRAP_SERVERS
)
BEAM_RUNNER = os.getenv("BEAM_RUNNER", "DirectRunner")
BEAM_EXTRA_ARGS = os.getenv("BEAM_EXTRA_ARGS", "")

# Same variable and default as ops/dbt-build.sh, so the Beam job and dbt see the same lake.
LAKE_DIR = contract.lake_dir(DATA_DIR, os.getenv("LAKE_DIR"))

DBT_BUILD_SCRIPT = f"{REPO_ROOT}/ops/dbt-build.sh"
# The dbt data tests, on a copy of the published warehouse: a check never publishes anything.
DBT_TEST_COMMAND = os.getenv(
    "DBT_TEST_COMMAND", f'bash "{DBT_BUILD_SCRIPT}" --check --select "test_type:data"'
)
# Set to an empty string to switch the check off: the task then ends as skipped.
DBT_FRESHNESS_COMMAND = os.getenv("DBT_FRESHNESS_COMMAND", f'bash "{DBT_BUILD_SCRIPT}" --freshness')
# What the dbt commands get in their environment besides the worker's own.
DBT_ENV = {"REPO_ROOT": REPO_ROOT, "DATA_DIR": DATA_DIR, "LAKE_DIR": LAKE_DIR}
WAREHOUSE_PATH = contract.warehouse_path(DATA_DIR)
SILVER_STREAMS_TABLE = os.getenv("SILVER_STREAMS_TABLE", "silver.silver_streams")
# Serialises every dbt invocation from Airflow: DuckDB allows one writer per database file,
# and max_active_runs only limits runs of one DAG, not the hourly and backfill DAGs together.
DBT_LOCK_FILE = f"{DATA_DIR}/.airflow-dbt.lock"
