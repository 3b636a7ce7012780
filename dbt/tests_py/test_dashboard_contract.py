"""The gold tables the dashboard reads are built with the columns its tests are written against.

webapp/src/test/resources/io/listening/webapp/dashboard/dashboard-gold.sql creates the webapp's test
warehouse; here every table it creates is compared, column by column and type by type, with the
warehouse ops/dbt-build.sh published from the fixture lake. Run by ops/test-dbt.sh (DATA_DIR set).
"""

import os
import pathlib
import re

import duckdb
import pytest

REPO_ROOT = pathlib.Path(__file__).resolve().parents[2]
WEBAPP_SCHEMA = (
    REPO_ROOT / "webapp/src/test/resources/io/listening/webapp/dashboard/dashboard-gold.sql"
)


def webapp_tables():
    """{table: [(column, type)]} from the webapp's create table statements."""
    text = re.sub(r"(?m)^--.*$", "", WEBAPP_SCHEMA.read_text())
    tables = {}
    for name, body in re.findall(r"create table gold\.(\w+) \((.*?)\);", text, re.S):
        columns = [line.strip().rstrip(",").split() for line in body.strip().splitlines()]
        tables[name] = [(column, kind.upper()) for column, kind in columns]
    return tables


@pytest.fixture(scope="module")
def warehouse():
    published = pathlib.Path(os.environ["DATA_DIR"]) / "warehouse" / "analytics.duckdb"
    connection = duckdb.connect(str(published), read_only=True)
    yield connection
    connection.close()


def test_the_webapp_schema_names_the_dashboards_tables():
    assert {"daily_track_listening", "hourly_listening", "daily_device_listening",
            "daily_podcast_listening", "dead_letter_reasons", "period_track_listening",
            "period_artist_listening", "period_listening_totals"} <= set(webapp_tables())


@pytest.mark.parametrize("table", sorted(webapp_tables()))
def test_dbt_builds_the_columns_the_webapp_reads(warehouse, table):
    built = warehouse.execute(
        "select column_name, data_type from information_schema.columns"
        " where table_schema = 'gold' and table_name = ? order by ordinal_position",
        [table],
    ).fetchall()
    assert built == webapp_tables()[table]


def test_the_dashboards_track_facts_add_up_to_the_published_totals(warehouse):
    totals = warehouse.execute(
        "select total_plays, total_skips, listening_ms, unique_tracks from gold.listening_totals"
    ).fetchone()
    facts = warehouse.execute(
        "select sum(plays), sum(skips), sum(listening_ms), count(distinct track_id)"
        " from gold.daily_track_listening"
    ).fetchone()
    assert facts == totals
