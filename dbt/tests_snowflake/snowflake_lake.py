"""The fixture lake on the Snowflake side, for ops/test-dbt-snowflake.sh.

    python snowflake_lake.py setup
    python snowflake_lake.py load LAKE_DIR
    python snowflake_lake.py append-csv CSV LAKE_DIR

`setup` creates the database, schema `LAKE` and the tables dbt's sources read on Snowflake: the
tables section of beam-pipelines/snowflake/setup.sql (LAKE.PLAYS, LAKE.PLAYS_STAGING,
LAKE.DEAD_LETTER).

`load` loads the Parquet lake at LAKE_DIR (the files dbt reads on DuckDB) batch by batch, oldest
first, each batch that LAKE.PLAYS does not have yet, as the Beam job's Snowflake load does
(beam-pipelines/README.md, "Loading Snowflake"): empty PLAYS_STAGING, stage the batch's rows,
insert those whose event_id PLAYS lacks, each once (its first Kafka arrival), with the batch name
and a load time. Only the row transport differs: the job COPYs the files from a stage; here DuckDB
reads them and the rows are inserted. The load time is the batch's last Kafka arrival, as if the
hourly load ran right after each window: a row's arrival hour on Snowflake, the hour it was loaded
(macro lake_arrival_partition), is then its window's hour, as its partition is on DuckDB, and an
incremental build re-reads only the latest loads. Files written before the lake had
`kafka_timestamp` (partitioned by the hour of played_at) get played_at there, the instant their
partition stands for: the column is NOT NULL in Snowflake.
Dead letters are inserted as they are.

`append-csv` writes rows in the format of dbt/fixtures/plays.csv into the lake as one more batch's
files (Hive layout by the hour of arrival, the lake's column types from make_fixture_lake.py).

The connection comes from the variables of dbt/profiles.yml: SNOWFLAKE_ACCOUNT, SNOWFLAKE_USER,
DBT_ENV_SECRET_SNOWFLAKE_PASSWORD, SNOWFLAKE_DATABASE, SNOWFLAKE_HOST, SNOWFLAKE_PORT,
SNOWFLAKE_PROTOCOL.
"""

import argparse
import importlib.util
import os
import pathlib
import sys

import duckdb
import snowflake.connector

REPO_ROOT = pathlib.Path(__file__).resolve().parents[2]
SETUP_SQL = REPO_ROOT / "beam-pipelines" / "snowflake" / "setup.sql"
MAKE_FIXTURE_LAKE = REPO_ROOT / "dbt" / "fixtures" / "make_fixture_lake.py"

# Columns of LAKE.PLAYS_STAGING, the lake's, in setup.sql's order.
LAKE_COLUMNS = [
    "event_id", "event_type", "user_id", "track_id", "track_name", "artist_name", "album_name",
    "duration_ms", "ms_played", "played_at", "started_at", "device_type", "platform", "context_uri",
    "shuffle", "reason_start", "reason_end", "skipped", "source", "ingested_at", "kafka_topic",
    "kafka_partition", "kafka_offset", "kafka_timestamp",
]
TIMESTAMP_COLUMNS = {"played_at", "started_at", "ingested_at", "kafka_timestamp"}
DEAD_LETTER_COLUMNS = ["kafka_topic", "kafka_partition", "kafka_offset", "payload", "reason", "batch"]

# A lake file's batch: <batch>-<shard>-of-<shards>.parquet (docs/data-contracts.md section 2).
FILE_BATCH = r"([^/]+)-[0-9]+-of-[0-9]+\.parquet$"


def connect() -> snowflake.connector.SnowflakeConnection:
    env = os.environ
    options = {
        "account": env["SNOWFLAKE_ACCOUNT"],
        "user": env["SNOWFLAKE_USER"],
        "password": env["DBT_ENV_SECRET_SNOWFLAKE_PASSWORD"],
        "port": int(env.get("SNOWFLAKE_PORT", "443")),
        "protocol": env.get("SNOWFLAKE_PROTOCOL", "https"),
        "session_parameters": {"TIMEZONE": "UTC"},
    }
    if env.get("SNOWFLAKE_HOST"):
        options["host"] = env["SNOWFLAKE_HOST"]
    return snowflake.connector.connect(**options)


def setup_statements() -> list:
    """The statements between `-- BEGIN tables` and `-- END tables` of setup.sql."""
    text = SETUP_SQL.read_text()
    section = text[text.index("-- BEGIN tables") : text.index("-- END tables")]
    statements = []
    for statement in section.split(";"):
        lines = [line for line in statement.splitlines() if not line.startswith("--")]
        if "\n".join(lines).strip():
            statements.append("\n".join(lines).strip())
    return statements


def setup(con) -> None:
    database = os.environ["SNOWFLAKE_DATABASE"]
    cur = con.cursor()
    cur.execute(f"CREATE DATABASE IF NOT EXISTS {database}")
    cur.execute(f"USE DATABASE {database}")
    cur.execute("CREATE SCHEMA IF NOT EXISTS LAKE")
    for statement in setup_statements():
        # setup.sql names its database LISTENING; the test may use another one.
        cur.execute(statement.replace("LISTENING.", f"{database}."))


def timestamp_text(column: str) -> str:
    """DuckDB SQL: a TIMESTAMPTZ column as UTC text that Snowflake reads as TIMESTAMP_TZ."""
    return f"strftime(timezone('UTC', {column}), '%Y-%m-%d %H:%M:%S.%f+00:00')"


def read_lake_plays(lake: pathlib.Path) -> dict:
    """Rows of every plays file, by batch: tuples in LAKE_COLUMNS order, timestamps as text."""
    glob = lake / "plays" / "year=*" / "month=*" / "day=*" / "hour=*" / "*.parquet"
    con = duckdb.connect()
    con.execute("set TimeZone = 'UTC'")
    # An empty row set with the optional columns: files written before them lack them.
    con.execute(
        "create view lake_plays as select * from ("
        "select cast(null as boolean) as skipped, cast(null as timestamptz) as kafka_timestamp where 1 = 0"
        f") union all by name select * from read_parquet('{glob}', hive_partitioning = false,"
        " union_by_name = true, filename = true)"
    )
    selected = []
    for column in LAKE_COLUMNS:
        if column == "kafka_timestamp":
            selected.append(timestamp_text("coalesce(kafka_timestamp, played_at)"))
        elif column in TIMESTAMP_COLUMNS:
            selected.append(timestamp_text(column))
        else:
            selected.append(column)
    rows = con.execute(
        f"select regexp_extract(filename, '{FILE_BATCH}', 1) as batch, {', '.join(selected)} "
        "from lake_plays order by batch, kafka_topic, kafka_partition, kafka_offset"
    ).fetchall()
    by_batch = {}
    for batch, *values in rows:
        by_batch.setdefault(batch, []).append(tuple(values))
    return by_batch


def read_lake_dead_letters(lake: pathlib.Path) -> list:
    glob = lake / "dead_letter" / "batch=*" / "*.parquet"
    con = duckdb.connect()
    if not con.execute(f"select count(*) from glob('{glob}')").fetchone()[0]:
        return []
    return con.execute(
        f"select {', '.join(DEAD_LETTER_COLUMNS)} from read_parquet('{glob}', hive_partitioning = false,"
        " union_by_name = true) order by batch, kafka_topic, kafka_partition, kafka_offset"
    ).fetchall()


def insert_rows(cur, table: str, columns: list, rows: list) -> None:
    placeholders = ", ".join(["%s"] * len(columns))
    cur.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({placeholders})", rows)


def load_batch(con, batch: str, rows: list) -> int:
    """One batch as the Beam load does it; returns the rows inserted into LAKE.PLAYS."""
    lake_columns = ", ".join(c.upper() for c in LAKE_COLUMNS)
    kafka_timestamp = LAKE_COLUMNS.index("kafka_timestamp")
    loaded_at = max(row[kafka_timestamp] for row in rows)
    cur = con.cursor()
    cur.execute("DELETE FROM LAKE.PLAYS_STAGING")
    insert_rows(cur, "LAKE.PLAYS_STAGING", [c.upper() for c in LAKE_COLUMNS], rows)
    # The statement of SnowflakeLoad.insertNewEvents(), with the load time given.
    cur.execute(
        f"INSERT INTO LAKE.PLAYS ({lake_columns}, BATCH, LOADED_AT)"
        f" SELECT {lake_columns}, %s, %s FROM ("
        "SELECT * FROM LAKE.PLAYS_STAGING"
        " QUALIFY ROW_NUMBER() OVER (PARTITION BY EVENT_ID"
        " ORDER BY KAFKA_TIMESTAMP, KAFKA_TOPIC, KAFKA_PARTITION, KAFKA_OFFSET) = 1) s"
        " WHERE NOT EXISTS (SELECT 1 FROM LAKE.PLAYS b WHERE b.EVENT_ID = s.EVENT_ID)",
        (batch, loaded_at),
    )
    return cur.rowcount


def loaded_batches(cur, table: str) -> set:
    cur.execute(f"SELECT DISTINCT BATCH FROM {table}")
    return {batch for (batch,) in cur.fetchall()}


def load(con, lake: pathlib.Path) -> None:
    """Every batch of the lake that Snowflake does not have yet, oldest first."""
    cur = con.cursor()
    cur.execute(f"USE DATABASE {os.environ['SNOWFLAKE_DATABASE']}")
    plays = read_lake_plays(lake)
    done = loaded_batches(cur, "LAKE.PLAYS")
    for batch in sorted(plays):
        if batch in done:
            print(f"batch {batch}: loaded already")
            continue
        inserted = load_batch(con, batch, plays[batch])
        print(f"batch {batch}: {len(plays[batch])} lake rows, {inserted} new in LAKE.PLAYS")
    done = loaded_batches(cur, "LAKE.DEAD_LETTER")
    dead_letters = [row for row in read_lake_dead_letters(lake) if row[-1] not in done]
    if dead_letters:
        insert_rows(cur, "LAKE.DEAD_LETTER", [c.upper() for c in DEAD_LETTER_COLUMNS], dead_letters)
    print(f"{len(dead_letters)} new dead letters in LAKE.DEAD_LETTER")


def append_csv(csv: pathlib.Path, lake: pathlib.Path) -> None:
    """Writes the CSV's rows (plays.csv format, one batch) as lake files, like make_fixture_lake.py."""
    spec = importlib.util.spec_from_file_location("make_fixture_lake", MAKE_FIXTURE_LAKE)
    fixture = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(fixture)
    con = duckdb.connect()
    con.execute("set TimeZone = 'UTC'")
    con.execute(
        f"""
        create table new_plays as
        select *, ingested_at as kafka_timestamp from read_csv({fixture.sql_string(str(csv))},
            header = true, delim = ',', quote = '"', nullstr = '',
            timestampformat = '%Y-%m-%dT%H:%M:%SZ',
            columns = {fixture.struct_literal(fixture.PLAYS_COLUMNS)})
        """
    )
    batches = [row[0] for row in con.execute("select distinct batch from new_plays").fetchall()]
    if len(batches) != 1:
        raise SystemExit(f"error: {csv} must hold exactly one batch, has {batches}")
    columns = ", ".join([c for c in fixture.PLAYS_COLUMNS if c != "batch"] + ["kafka_timestamp"])
    hours = con.execute(
        "select distinct strftime(kafka_timestamp, '%Y'), strftime(kafka_timestamp, '%m'),"
        " strftime(kafka_timestamp, '%d'), strftime(kafka_timestamp, '%H') from new_plays"
    ).fetchall()
    for year, month, day, hour in hours:
        folder = lake / "plays" / f"year={year}" / f"month={month}" / f"day={day}" / f"hour={hour}"
        target = folder / f"{batches[0]}-00000-of-00001.parquet"
        if target.exists():
            raise SystemExit(f"error: {target} exists already")
        folder.mkdir(parents=True, exist_ok=True)
        con.execute(
            f"copy (select {columns} from new_plays"
            f" where strftime(kafka_timestamp, '%Y%m%d%H') = '{year}{month}{day}{hour}'"
            " order by kafka_topic, kafka_partition, kafka_offset)"
            f" to {fixture.sql_string(str(target))} (format parquet)"
        )
        print(f"wrote {target}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("setup", help="database, schema LAKE and its tables")
    load_parser = commands.add_parser("load", help="load the lake's new batches into LAKE.PLAYS / LAKE.DEAD_LETTER")
    load_parser.add_argument("lake_dir", type=pathlib.Path)
    append_parser = commands.add_parser("append-csv", help="write a CSV batch as lake files")
    append_parser.add_argument("csv", type=pathlib.Path)
    append_parser.add_argument("lake_dir", type=pathlib.Path)
    args = parser.parse_args()

    if args.command == "append-csv":
        append_csv(args.csv.resolve(), args.lake_dir.resolve())
        return 0
    con = connect()
    try:
        if args.command == "setup":
            setup(con)
        else:
            load(con, args.lake_dir.resolve())
    finally:
        con.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
