"""Configuration of the listening DAGs, read from the environment once at import.

Only cheap ``os.getenv`` look-ups happen here: the DAG processor re-imports DAG files often.
"""

import os
from datetime import UTC, datetime, timedelta
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

# When the hourly schedule begins, and whether the scheduler runs every hour since then that has no
# run yet (catchup). Off by default: a new deployment starts with the current hour and backfills
# history with listening_backfill; the real-scheduler test turns it on, starting a few hours back.
HOURLY_START = datetime.fromisoformat(
    os.getenv("LISTENING_HOURLY_START", "2024-01-01T00:00:00+00:00")
).astimezone(UTC)
# Optional end of the schedule: no run whose data interval starts after it; empty: no end.
HOURLY_END = (
    datetime.fromisoformat(os.environ["LISTENING_HOURLY_END"]).astimezone(UTC)
    if os.getenv("LISTENING_HOURLY_END")
    else None
)
HOURLY_CATCHUP = os.getenv("LISTENING_HOURLY_CATCHUP", "false").strip().lower() in ("1", "true")

# Hours without a new lake partition after which the data-quality DAG's lake_freshness task
# fails (and mails); the Airflow Variable listening_stale_lake_hours overrides it.
STALE_LAKE_HOURS = float(os.getenv("LISTENING_STALE_LAKE_HOURS", "3"))

# Retries of the ingest and publish tasks: the delay doubles after each failed try (Airflow's
# exponential backoff), up to the maximum. Tests shorten the delays through these variables.
TASK_RETRIES = int(os.getenv("LISTENING_TASK_RETRIES", "2"))
RETRY_DELAY = timedelta(seconds=float(os.getenv("LISTENING_RETRY_DELAY_SECONDS", "300")))
MAX_RETRY_DELAY = timedelta(seconds=float(os.getenv("LISTENING_MAX_RETRY_DELAY_SECONDS", "1800")))

# Where a task that failed its last try sends one mail, through the Airflow SMTP connection
# ALERT_SMTP_CONN_ID (e.g. AIRFLOW_CONN_SMTP_DEFAULT in the environment). Empty: no mail.
ALERT_EMAIL = os.getenv("LISTENING_ALERT_EMAIL", "")
ALERT_FROM_EMAIL = os.getenv("LISTENING_ALERT_FROM_EMAIL", "airflow@listening.local")
ALERT_SMTP_CONN_ID = os.getenv("LISTENING_ALERT_SMTP_CONN_ID", "smtp_default")
