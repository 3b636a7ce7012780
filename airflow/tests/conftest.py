"""Test setup: an isolated AIRFLOW_HOME and a DagBag parsed the way the DAG processor parses it.

``ops/test-airflow.sh`` exports the Airflow variables and migrates the metadata DB; the defaults
below only make ``pytest`` usable on its own. They must be set before Airflow is imported.
Unit-test mode (``AIRFLOW__CORE__UNIT_TEST_MODE``) is deliberately off: its config turns on
``create_cron_data_intervals``, which would hide a DAG relying on that non-default.
"""

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

AIRFLOW_DIR = Path(__file__).resolve().parents[1]
DAGS_DIR = AIRFLOW_DIR / "dags"
DAG_FILES = sorted(p.name for p in DAGS_DIR.glob("*.py"))

os.environ.setdefault("AIRFLOW_HOME", tempfile.mkdtemp(prefix="airflow-home-"))
os.environ.setdefault("AIRFLOW__CORE__LOAD_EXAMPLES", "False")
os.environ["AIRFLOW__CORE__DAGS_FOLDER"] = str(DAGS_DIR)

AIRFLOW_BIN = str(Path(sys.executable).parent / "airflow")


@pytest.fixture(scope="session")
def dag_bag():
    from airflow.dag_processing.dagbag import BundleDagBag

    return BundleDagBag(DAGS_DIR, bundle_path=DAGS_DIR, bundle_name="dags-folder")


@pytest.fixture(scope="session")
def airflow_db():
    """A migrated metadata DB in AIRFLOW_HOME (the test script migrates it already)."""
    marker = Path(os.environ["AIRFLOW_HOME"]) / ".db-migrated"
    if not marker.exists():
        subprocess.run([AIRFLOW_BIN, "db", "migrate"], check=True, capture_output=True)
        marker.touch()
    return os.environ["AIRFLOW_HOME"]
