"""The contract's facts agree across languages: Java (events/, the home), Python
(listening.contract), dbt (dbt_project.yml vars, the lake sources) and the shell scripts."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from listening import contract

REPO_ROOT = Path(__file__).resolve().parents[2]
JAVA_HOME = REPO_ROOT / "events/src/main/java/io/listening/events"
DBT_DIR = REPO_ROOT / "dbt"
DAGS_DIR = REPO_ROOT / "airflow/dags"

_STRING_CONSTANT = re.compile(r"public\s+static\s+final\s+String\s+(\w+)\s*=\s*(.+?);", re.DOTALL)
_SET_CONSTANT = re.compile(
    r"public\s+static\s+final\s+Set<String>\s+(\w+)\s*=\s*Set\.of\((.*?)\)\s*;", re.DOTALL
)
# String literals are matched too, so that "*/*.parquet" is not taken for the end of a comment.
_JAVA_COMMENT_OR_STRING = re.compile(r'"(?:[^"\\]|\\.)*"|/\*.*?\*/|//[^\n]*', re.DOTALL)
_LITERAL = re.compile(r'"((?:[^"\\]|\\.)*)"')
_IDENTIFIER = re.compile(r"^(?:(\w+)\.)?([A-Z][A-Z0-9_]*)$")


def java_constants(class_name: str) -> dict[str, str | frozenset[str]]:
    """The ``public static final`` String and Set<String> constants of one Java class, with
    concatenations (``PLAYS_DIR + "/..."``) and references to other classes resolved."""
    source = (JAVA_HOME / f"{class_name}.java").read_text()
    source = _JAVA_COMMENT_OR_STRING.sub(
        lambda m: m.group(0) if m.group(0).startswith('"') else "", source
    )
    constants: dict[str, str | frozenset[str]] = {}

    def term(text: str) -> str:
        text = text.strip()
        literal = _LITERAL.fullmatch(text)
        if literal:
            return literal.group(1)
        reference = _IDENTIFIER.match(text)
        if not reference:
            raise AssertionError(f"{class_name}: cannot read the expression {text!r}")
        owner, name = reference.groups()
        value = constants[name] if owner in (None, class_name) else java_constants(owner)[name]
        assert isinstance(value, str), f"{class_name}: {text} is not a String"
        return value

    for name, expression in _STRING_CONSTANT.findall(source):
        constants[name] = "".join(term(part) for part in expression.split("+"))
    for name, members in _SET_CONSTANT.findall(source):
        constants[name] = frozenset(term(m) for m in members.split(",") if m.strip())
    return constants


def python_constants(namespace) -> dict[str, object]:
    return {name: value for name, value in vars(namespace).items() if name.isupper()}


# Facts only Python spells out (Java derives or does not need them), by class.
PYTHON_ONLY = {
    "Topics": {"BATCH"},
    "EventTypes": set(),
    "LakeLayout": {"PLAYS_HIVE_TYPES"},
    "LocalDefaults": set(),
}
# Java constants that are not contract facts of their own (a derived list; the hint that Java
# programs print when the local broker does not answer).
JAVA_ONLY = {"Topics": {"BATCH_TOPICS"}, "LocalDefaults": {"KAFKA_START_COMMAND"}}


def test_the_java_parser_reads_concatenations_and_sets():
    layout = java_constants("LakeLayout")
    assert layout["PLAYS_GLOB"] == "plays/year=*/month=*/day=*/hour=*/*.parquet"
    assert java_constants("EventTypes")["LISTENING"] == {"play", "skip"}
    assert java_constants("Topics")["BATCH_TOPICS"].count(",") == 3


@pytest.mark.parametrize("class_name", sorted(PYTHON_ONLY))
def test_python_contract_equals_the_java_contract(class_name):
    java = java_constants(class_name)
    python = python_constants(getattr(contract, class_name))
    assert java, f"no constant parsed from {class_name}.java"
    java_facts = {k: v for k, v in java.items() if k not in JAVA_ONLY.get(class_name, set())}
    python_facts = {k: v for k, v in python.items() if k not in PYTHON_ONLY[class_name]}
    normalised = {
        k: frozenset(v) if isinstance(v, frozenset | tuple) else v for k, v in python_facts.items()
    }
    assert normalised == java_facts


def test_batch_topics_are_the_java_batch_topics_in_order():
    assert ",".join(contract.Topics.BATCH) == java_constants("Topics")["BATCH_TOPICS"]


def test_listening_event_types_have_no_duplicates():
    assert len(set(contract.EventTypes.LISTENING)) == len(contract.EventTypes.LISTENING)
    assert set(contract.EventTypes.LISTENING) <= contract.EventTypes.ALL


def dbt_vars() -> dict:
    return yaml.safe_load((DBT_DIR / "dbt_project.yml").read_text())["vars"]


def test_dbt_vars_equal_the_python_contract():
    dbt = dbt_vars()
    assert dbt["listening_event_types"] == list(contract.EventTypes.LISTENING)
    assert dbt["lake_plays_glob"] == contract.LakeLayout.PLAYS_GLOB
    assert dbt["lake_dead_letter_glob"] == contract.LakeLayout.DEAD_LETTER_GLOB


def lake_sources() -> dict[str, dict]:
    document = yaml.safe_load((DBT_DIR / "models/bronze/_bronze__sources.yml").read_text())
    [lake] = [s for s in document["sources"] if s["name"] == "lake"]
    return {table["name"]: table["config"]["meta"] for table in lake["tables"]}


def test_dbt_lake_sources_use_the_glob_vars():
    meta = lake_sources()
    assert meta["plays"]["lake_glob"] == "{{ var('lake_plays_glob') }}"
    assert meta["dead_letter"]["lake_glob"] == "{{ var('lake_dead_letter_glob') }}"


def test_dbt_reads_the_hive_partitions_with_the_python_types():
    location = lake_sources()["plays"]["external_location"]
    [types] = re.findall(r"hive_types\s*=\s*\{(.*?)\}", location)
    parsed = dict(re.findall(r"'(\w+)'\s*:\s*(\w+)", types))
    assert parsed and parsed == contract.LakeLayout.PLAYS_HIVE_TYPES


def test_dbt_silver_reads_the_event_types_from_the_var():
    sql = (DBT_DIR / "models/silver/silver_streams.sql").read_text()
    assert "listening_event_types_sql()" in sql
    assert "'play'" not in sql and "'skip'" not in sql


def test_the_play_threshold_default_lives_in_dbt_project_yml_only():
    assert dbt_vars()["play_threshold_ms"] == "{{ env_var('PLAY_THRESHOLD_MS', '30000') }}"
    threshold = re.compile(r"\b30_?000\b")
    code = [
        *DAGS_DIR.rglob("*.py"),
        *(REPO_ROOT / "ops").glob("*.sh"),
        *(REPO_ROOT / "ops/lib").glob("*.sh"),
        *(DBT_DIR / "models").rglob("*.sql"),
        *(DBT_DIR / "macros").rglob("*.sql"),
    ]
    assert code
    offenders = [str(p) for p in code if threshold.search(_without_comments(p.read_text()))]
    assert offenders == []


def _without_comments(text: str) -> str:
    """Code without Jinja comments and without lines that are shell, Python or SQL comments."""
    text = re.sub(r"\{#.*?#\}", "", text, flags=re.DOTALL)
    return "\n".join(
        line for line in text.splitlines() if not line.lstrip().startswith(("#", "--"))
    )


SHELL_SCRIPTS = sorted([*(REPO_ROOT / "ops").glob("*.sh"), *(REPO_ROOT / "ops/lib").glob("*.sh")])


@pytest.mark.parametrize("script", SHELL_SCRIPTS, ids=lambda p: str(p.relative_to(REPO_ROOT)))
def test_shell_scripts_type_no_contract_fact(script):
    facts = [
        *contract.Topics.BATCH,
        contract.Topics.NOW_PLAYING,
        contract.LakeLayout.PLAYS_GLOB,
        contract.LakeLayout.DEAD_LETTER_GLOB,
        contract.LakeLayout.MANIFESTS_DIR,
        contract.LocalDefaults.KAFKA_BOOTSTRAP_SERVERS.rsplit(":", 1)[1],
        contract.DataDir.PUBLISHED_WAREHOUSE,
        "gold.",
        "silver.",
    ]
    code = _without_comments(script.read_text()).splitlines()
    typed = [(fact, line) for fact in facts for line in code if fact in line]
    assert typed == []


@pytest.mark.parametrize(
    ("name", "env", "expected"),
    [
        ("kafka-bootstrap-servers", {}, contract.LocalDefaults.KAFKA_BOOTSTRAP_SERVERS),
        ("lake-dir", {"DATA_DIR": "/d"}, "/d/lake"),
        ("lake-dir", {"DATA_DIR": "/d", "LAKE_DIR": "/l"}, "/l"),
        ("warehouse-path", {"DATA_DIR": "/d"}, "/d/warehouse/analytics.duckdb"),
    ],
)
def test_contract_command_prints_one_value_for_the_shell(name, env, expected):
    result = subprocess.run(
        [sys.executable, "-m", "listening.contract", name],
        env={"PYTHONPATH": str(DAGS_DIR), **env},
        capture_output=True,
        text=True,
    )
    assert (result.returncode, result.stdout) == (0, expected + "\n"), result.stderr


def test_contract_command_refuses_unknown_names_and_a_missing_data_dir():
    run = [sys.executable, "-m", "listening.contract"]
    env = {"PYTHONPATH": str(DAGS_DIR)}
    assert subprocess.run([*run, "topics"], env=env, capture_output=True).returncode == 2
    missing = subprocess.run([*run, "lake-dir"], env=env, capture_output=True, text=True)
    assert missing.returncode == 2
    assert "DATA_DIR is not set" in missing.stderr


def test_the_dashboard_reads_the_check_results_where_the_dag_writes_them():
    from listening import check_results

    webapp = REPO_ROOT / "webapp/src/main/java/io/listening/webapp"
    reader = (webapp / "dashboard/quality/SchedulerChecks.java").read_text()
    constants = dict(re.findall(r'static final String (\w+) = "([^"]*)";', reader))
    assert constants == {"FILE_NAME": check_results.FILE_NAME, "TABLE": check_results.TABLE}
