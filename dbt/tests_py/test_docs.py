"""`dbt docs generate` works offline on the published warehouse, and documents everything: every
model, seed and source has a description, and so does every column the built tables really have
(catalog.json lists those; the YAML files describe them in manifest.json).

Run by ops/test-dbt.sh after it published the fixture warehouse into DATA_DIR.
"""

import json
import os
import pathlib
import shutil
import subprocess
import sys

import pytest

REPO_ROOT = pathlib.Path(__file__).resolve().parents[2]
PROJECT = REPO_ROOT / "dbt"


@pytest.fixture(scope="module")
def docs(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("docs")
    published = pathlib.Path(os.environ["DATA_DIR"]) / "warehouse" / "analytics.duckdb"
    database = tmp / "analytics.duckdb"
    shutil.copy(published, database)
    env = dict(os.environ)
    env.update(
        DBT_DUCKDB_PATH=str(database),
        DBT_PROFILES_DIR=str(PROJECT),
        DBT_TARGET_PATH=str(tmp / "target"),
        DBT_LOG_PATH=str(tmp / "logs"),
        DBT_SEND_ANONYMOUS_USAGE_STATS="false",
    )
    dbt = pathlib.Path(sys.executable).with_name("dbt")
    result = subprocess.run(
        [str(dbt), "--no-version-check", "docs", "generate", "--project-dir", str(PROJECT)],
        env=env, capture_output=True, text=True, timeout=600,
    )
    sys.stdout.write(result.stdout[-3000:])
    assert result.returncode == 0, "dbt docs generate failed"
    target = tmp / "target"
    return {
        "index": target / "index.html",
        "manifest": json.loads((target / "manifest.json").read_text()),
        "catalog": json.loads((target / "catalog.json").read_text()),
    }


def test_the_docs_site_is_generated(docs):
    assert docs["index"].stat().st_size > 0
    assert docs["catalog"]["nodes"], "catalog.json lists no table"


def test_every_model_seed_and_source_is_described(docs):
    manifest = docs["manifest"]
    nodes = [
        n for n in manifest["nodes"].values()
        if n["resource_type"] in ("model", "seed") and n["package_name"] == "listening"
    ]
    nodes += [s for s in manifest["sources"].values() if s["package_name"] == "listening"]
    undocumented = sorted(n["name"] for n in nodes if not n["description"].strip())
    assert nodes and undocumented == []


def test_every_built_column_is_described(docs):
    manifest, catalog = docs["manifest"], docs["catalog"]
    missing = []
    for unique_id, table in catalog["nodes"].items():
        node = manifest["nodes"].get(unique_id)
        if node is None or node["resource_type"] not in ("model", "seed"):
            continue
        described = {
            name.lower() for name, column in node["columns"].items()
            if column.get("description", "").strip()
        }
        missing += [
            f"{node['name']}.{name}" for name in table["columns"] if name.lower() not in described
        ]
    assert sorted(missing) == []
