"""The Snowflake build equals the DuckDB build of the same lake, table by table and row by row.

Run by ops/test-dbt-snowflake.sh after each `dbt build --target snowflake`, with
DUCKDB_WAREHOUSE set to the DuckDB build of the same lake and the Snowflake connection in the
variables of dbt/profiles.yml (see snowflake_lake.py). Every table in the compared schemas of the
DuckDB file is a test of its own, so models added later are covered without listing them here. A
table must exist on Snowflake with the same columns in the same order, of the same kind (text,
number, float, boolean, date, timestamp), and the same rows as a multiset: numbers exactly,
doubles to a relative 1e-12, timestamps as UTC instants.
"""

import collections
import datetime
import decimal
import math
import os
import pathlib
import sys

import duckdb
import pytest
from snowflake.connector.constants import FIELD_ID_TO_NAME

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import snowflake_lake  # noqa: E402

# Silver holds the contract tables gold is built from (and their intermediates): a difference
# there names its cause before it reaches gold.
COMPARED_SCHEMAS = ("silver", "gold")

# Columns that differ between two builds by design, by (schema, table). Nothing else is skipped.
EXCLUDED_COLUMNS = {
    # Each build records its own dbt invocation id and the time it ran.
    ("gold", "build_info"): {"build_id", "built_at"},
    ("gold", "data_quality_results"): {"build_id", "checked_at"},
    # The broker time of the kept arrival: null in lake files written before the lake had
    # kafka_timestamp, where Snowflake's LAKE.PLAYS has it NOT NULL; the loader gives those rows
    # played_at (snowflake_lake.py), so the value differs for them and only them.
    ("silver", "silver_streams"): {"arrived_at"},
}

FLOAT_RELATIVE_TOLERANCE = 1e-12
SHOWN_ROWS = 5


def duckdb_path() -> str:
    path = os.environ.get("DUCKDB_WAREHOUSE")
    if not path or not pathlib.Path(path).is_file():
        raise RuntimeError(f"DUCKDB_WAREHOUSE must name the DuckDB build to compare with, got {path!r}")
    return path


def duckdb_tables() -> list:
    with duckdb.connect(duckdb_path(), read_only=True) as con:
        rows = con.execute(
            "select table_schema, table_name from information_schema.tables"
            " where table_catalog = current_database() and table_schema in ("
            + ", ".join("?" for _ in COMPARED_SCHEMAS)
            + ") order by 1, 2",
            list(COMPARED_SCHEMAS),
        ).fetchall()
    return [(schema, table) for schema, table in rows]


# The work list of one build (what an incremental build recomputes), not data: it differs between
# an incremental and a full build by design. Its existence is still checked on both sides.
BUILD_STATE_TABLES = {("silver", "int_stale_pairs")}


def pytest_generate_tests(metafunc):
    if "compared_table" in metafunc.fixturenames:
        tables = [t for t in duckdb_tables() if t not in BUILD_STATE_TABLES]
        metafunc.parametrize("compared_table", tables, ids=[f"{s}.{t}" for s, t in tables])


@pytest.fixture(scope="module")
def snowflake():
    con = snowflake_lake.connect()
    yield con
    con.close()


def snowflake_table_names(con, schema: str) -> set:
    database = os.environ["SNOWFLAKE_DATABASE"]
    cur = con.cursor()
    cur.execute(
        f"select table_name from {database}.information_schema.tables where table_schema = %s",
        (schema.upper(),),
    )
    return {name.lower() for (name,) in cur.fetchall()}


def duckdb_kind(type_name: str) -> str:
    name = type_name.upper()
    if name == "BOOLEAN":
        return "boolean"
    if name in ("FLOAT", "DOUBLE", "REAL"):
        return "float"
    if name.startswith("DECIMAL") or name.rstrip("0123456789") in (
        "TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER",
        "UBIGINT", "UHUGEINT",
    ):
        return "number"
    if name == "VARCHAR":
        return "text"
    if name == "DATE":
        return "date"
    if name.startswith("TIMESTAMP"):
        return "timestamp"
    return name.lower()


def snowflake_kind(type_code: int) -> str:
    name = FIELD_ID_TO_NAME[type_code]
    return {
        "FIXED": "number",
        "REAL": "float",
        "TEXT": "text",
        "BOOLEAN": "boolean",
        "DATE": "date",
        "TIMESTAMP_NTZ": "timestamp",
        "TIMESTAMP_TZ": "timestamp",
        "TIMESTAMP_LTZ": "timestamp",
    }.get(name, name.lower())


def normalized(value):
    """A value in one representation for both sides: UTC naive datetimes, integral decimals as int."""
    if isinstance(value, datetime.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(datetime.timezone.utc).replace(tzinfo=None)
        return value
    if isinstance(value, decimal.Decimal) and value == value.to_integral_value():
        return int(value)
    return value


def family(value) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float, decimal.Decimal)):
        return "number"
    if isinstance(value, datetime.datetime):
        return "timestamp"
    if isinstance(value, datetime.date):
        return "date"
    return type(value).__name__


def sort_key(row: tuple) -> tuple:
    key = []
    for value in row:
        kind = family(value)
        if kind == "null":
            key.append((0, 0))
        elif isinstance(value, float):
            # Rounded, so that two sides within the tolerance sort alike.
            key.append((1, kind, float(f"{value:.10g}")))
        else:
            key.append((1, kind, value))
    return tuple(key)


def values_equal(left, right) -> bool:
    if family(left) != family(right):
        return False
    if isinstance(left, float) or isinstance(right, float):
        return math.isclose(float(left), float(right), rel_tol=FLOAT_RELATIVE_TOLERANCE, abs_tol=0.0)
    return left == right


def read_duckdb(schema: str, table: str) -> tuple:
    with duckdb.connect(duckdb_path(), read_only=True) as con:
        described = con.execute(f'describe "{schema}"."{table}"').fetchall()
        columns = [(name.lower(), duckdb_kind(kind)) for name, kind, *_ in described]
        rows = con.execute(f'select * from "{schema}"."{table}"').fetchall()
    return columns, rows


def read_snowflake(con, schema: str, table: str) -> tuple:
    relation = f"{os.environ['SNOWFLAKE_DATABASE']}.{schema}.{table}"
    cur = con.cursor()
    cur.execute(f"select * from {relation} limit 0")
    columns = [(d.name.lower(), snowflake_kind(d.type_code)) for d in cur.description]
    # The stand-in (fakesnow 0.12.1) sends a null timestamp as 1970-01-01 00:00:00 (its Arrow
    # result drops the nulls of timestamp columns), so each timestamp column comes with an
    # `is null` of its own, computed in the database (dbt/README.md, "Snowflake stand-in").
    timestamps = [i for i, (_, kind) in enumerate(columns) if kind == "timestamp"]
    flags = "".join(f', "{cur.description[i].name}" is null' for i in timestamps)
    cur.execute(f"select *{flags} from {relation}")
    rows = []
    for row in cur.fetchall():
        values = list(row[: len(columns)])
        for i, is_null in zip(timestamps, row[len(columns) :]):
            if is_null:
                values[i] = None
        rows.append(tuple(values))
    return columns, rows


def kept(columns: list, rows: list, excluded: set) -> list:
    indexes = [i for i, (name, _) in enumerate(columns) if name not in excluded]
    return [tuple(normalized(row[i]) for i in indexes) for row in rows]


def shown(names: list, row: tuple) -> str:
    return "{" + ", ".join(f"{name}={value!r}" for name, value in zip(names, row)) + "}"


def only_in(these: list, those: list) -> list:
    """Rows of `these` that `those` lacks, counting duplicates, floats at the tolerance's precision."""
    remaining = collections.Counter(sort_key(row) for row in those)
    missing = []
    for row in these:
        key = sort_key(row)
        if remaining[key]:
            remaining[key] -= 1
        else:
            missing.append(row)
    return missing


def test_every_table_exists_on_both(snowflake):
    on_duckdb = collections.defaultdict(set)
    for schema, table in duckdb_tables():
        on_duckdb[schema].add(table)
    assert on_duckdb["gold"], "the DuckDB build has no gold table: nothing would be compared"
    for schema in COMPARED_SCHEMAS:
        on_snowflake = snowflake_table_names(snowflake, schema)
        assert on_snowflake == on_duckdb[schema], (
            f"schema {schema}: only on DuckDB {sorted(on_duckdb[schema] - on_snowflake)}, "
            f"only on Snowflake {sorted(on_snowflake - on_duckdb[schema])}"
        )


def test_table_matches(snowflake, compared_table):
    schema, table = compared_table
    name = f"{schema}.{table}"
    excluded = EXCLUDED_COLUMNS.get((schema, table), set())
    duck_columns, duck_rows = read_duckdb(schema, table)
    snow_columns, snow_rows = read_snowflake(snowflake, schema, table)

    duck_names = [c for c, _ in duck_columns]
    snow_names = [c for c, _ in snow_columns]
    assert snow_names == duck_names, f"{name}: columns differ\n  duckdb:    {duck_names}\n  snowflake: {snow_names}"
    assert excluded <= set(duck_names), f"{name}: excluded columns {sorted(excluded - set(duck_names))} do not exist"
    kinds = [
        f"{column}: duckdb {duck_kind}, snowflake {snow_kind}"
        for (column, duck_kind), (_, snow_kind) in zip(duck_columns, snow_columns)
        if duck_kind != snow_kind
    ]
    assert not kinds, f"{name}: column types differ: " + "; ".join(kinds)

    names = [c for c in duck_names if c not in excluded]
    duck = sorted(kept(duck_columns, duck_rows, excluded), key=sort_key)
    snow = sorted(kept(snow_columns, snow_rows, excluded), key=sort_key)
    problems = []
    if len(duck) != len(snow):
        problems.append(f"{len(duck)} rows on DuckDB, {len(snow)} on Snowflake")
    for position, (duck_row, snow_row) in enumerate(zip(duck, snow), start=1):
        differing = [n for n, a, b in zip(names, duck_row, snow_row) if not values_equal(a, b)]
        if differing:
            problems.append(
                f"first differing row, {position} of {len(duck)} in the order of all columns,"
                f" differs in {differing}:\n  duckdb:    {shown(names, duck_row)}\n"
                f"  snowflake: {shown(names, snow_row)}"
            )
            break
    if len(duck) != len(snow):
        for side, these, those in (("DuckDB", duck, snow), ("Snowflake", snow, duck)):
            missing = only_in(these, those)
            if missing:
                lines = "\n".join(f"  {shown(names, row)}" for row in missing[:SHOWN_ROWS])
                more = f"\n  ... {len(missing) - SHOWN_ROWS} more" if len(missing) > SHOWN_ROWS else ""
                problems.append(f"{len(missing)} rows only on {side}:\n{lines}{more}")
    if problems:
        not_compared = f" (columns {sorted(excluded)} not compared)" if excluded else ""
        pytest.fail(f"{name} differs between DuckDB and Snowflake{not_compared}:\n" + "\n".join(problems), pytrace=False)
