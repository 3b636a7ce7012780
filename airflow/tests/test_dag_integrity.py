"""Every DAG file imports cleanly and follows the project's DAG conventions."""

from datetime import timedelta

import pytest

from conftest import DAG_FILES, DAGS_DIR

EXPECTED_DAGS = {"listening_hourly", "listening_backfill", "listening_data_quality"}


def _dag_of(dag_bag, file_name):
    dags = [d for d in dag_bag.dags.values() if d.fileloc == str(DAGS_DIR / file_name)]
    assert len(dags) == 1, f"{file_name} defines {len(dags)} DAGs"
    return dags[0]


def test_dag_folder_holds_exactly_the_listening_dags(dag_bag):
    assert dag_bag.import_errors == {}
    assert set(dag_bag.dag_ids) == EXPECTED_DAGS
    parsed = {stat.file for stat in dag_bag.dagbag_stats}
    assert parsed == set(DAG_FILES), "helper modules under listening/ must be .airflowignore'd"


@pytest.mark.parametrize("file_name", DAG_FILES)
def test_dag_file_imports_without_errors(dag_bag, file_name):
    errors = {path: e for path, e in dag_bag.import_errors.items() if path.endswith(file_name)}
    assert errors == {}


@pytest.mark.parametrize("file_name", DAG_FILES)
def test_dag_id_is_the_file_name(dag_bag, file_name):
    assert _dag_of(dag_bag, file_name).dag_id == file_name.removesuffix(".py")


@pytest.mark.parametrize("file_name", DAG_FILES)
def test_dag_has_tags_docs_and_bounded_runs(dag_bag, file_name):
    dag = _dag_of(dag_bag, file_name)
    assert "listening" in dag.tags
    assert dag.doc_md and dag.dag_id in dag.doc_md
    assert dag.catchup is False
    assert dag.max_active_runs == 1


@pytest.mark.parametrize("file_name", DAG_FILES)
def test_every_task_has_owner_retries_and_timeout(dag_bag, file_name):
    for t in _dag_of(dag_bag, file_name).tasks:
        assert t.owner == "listening-data", t.task_id
        assert t.retries >= 1, t.task_id
        assert t.retry_delay >= timedelta(minutes=1), t.task_id
        assert t.execution_timeout is not None, t.task_id


@pytest.mark.parametrize("file_name", DAG_FILES)
def test_dag_file_reads_no_airflow_state_at_import(file_name):
    source = (DAGS_DIR / file_name).read_text()
    for forbidden in ("Variable.get", "BaseHook.get_connection", "load_dotenv", "sys.path"):
        assert forbidden not in source
