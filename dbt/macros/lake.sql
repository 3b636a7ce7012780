{#
  lake_source_has_files(source_name, table_name): whether a lake source has any file to read.

  On DuckDB a lake source is a read_parquet() over a glob, and read_parquet() fails when the glob
  matches nothing; a missing folder is normal for dead letters (no bad record yet). The source's
  meta gives the folder (lake_dir) and the glob (lake_glob). While parsing (execute is false) it
  answers true so that dbt records the dependency on the source. On other warehouses a source is
  a table, which always exists.
#}
{% macro lake_source_has_files(source_name, table_name) -%}
    {{ return(adapter.dispatch('lake_source_has_files')(source_name, table_name)) }}
{%- endmacro %}

{% macro default__lake_source_has_files(source_name, table_name) -%}
    {{ return(true) }}
{%- endmacro %}

{% macro duckdb__lake_source_has_files(source_name, table_name) -%}
    {%- if not execute -%}
        {{ return(true) }}
    {%- endif -%}
    {%- set pattern = lake_source_glob(source_name, table_name) -%}
    {%- set result = run_query("select count(*) from glob('" ~ pattern | replace("'", "''") ~ "')") -%}
    {{ return(result.columns[0].values()[0] > 0) }}
{%- endmacro %}

{# lake_source_glob(source_name, table_name): lake_dir/lake_glob from the source's meta. #}
{% macro lake_source_glob(source_name, table_name) -%}
    {%- set meta = lake_source_meta(source_name, table_name) -%}
    {{ return(meta['lake_dir'] ~ '/' ~ meta['lake_glob']) }}
{%- endmacro %}


{# lake_source_meta(source_name, table_name): the source table's meta (only while executing). #}
{% macro lake_source_meta(source_name, table_name) -%}
    {%- for node in graph.sources.values() -%}
        {%- if node.source_name == source_name and node.name == table_name -%}
            {{ return(node.config.get('meta') or node.meta) }}
        {%- endif -%}
    {%- endfor -%}
    {{ exceptions.raise_compiler_error("no source " ~ source_name ~ "." ~ table_name) }}
{%- endmacro %}


{#
  lake_source(source_name, table_name): what a staging model selects from instead of source().

  A lake gains columns over time (meta optional_columns of the source table, name: SQL type), and
  files written before lack them. DuckDB's read_parquet(union_by_name = true) fills a column in
  for the files that lack it only if some file has it. So on DuckDB the source is read as a union
  by name with an empty row set that has exactly the optional columns: they are null wherever a
  file lacks them, whether all, some or none of the files have them. The union is resolved when
  the view is queried, so a bronze view stays right as new files arrive. On other warehouses a
  source is a table that has every column.
#}
{% macro lake_source(source_name, table_name) -%}
    {{ return(adapter.dispatch('lake_source')(source_name, table_name)) }}
{%- endmacro %}

{% macro default__lake_source(source_name, table_name) -%}
    {{ return(source(source_name, table_name)) }}
{%- endmacro %}

{% macro duckdb__lake_source(source_name, table_name) -%}
    {%- set relation = source(source_name, table_name) -%}
    {%- if not execute -%}
        {{ return(relation) }}
    {%- endif -%}
    {%- set optional_columns = lake_source_meta(source_name, table_name).get('optional_columns') or {} -%}
    {%- if not optional_columns -%}
        {{ return(relation) }}
    {%- endif -%}
    {%- set typed_nulls = [] -%}
    {%- for column_name, data_type in optional_columns.items() -%}
        {%- do typed_nulls.append('cast(null as ' ~ data_type ~ ') as ' ~ adapter.quote(column_name)) -%}
    {%- endfor -%}
    {%- set sql -%}
(
    select * from (select {{ typed_nulls | join(', ') }} where 1 = 0) as optional_columns
    union all by name
    select * from {{ relation }}
)
    {%- endset -%}
    {{ return(sql) }}
{%- endmacro %}


{#
  listening_event_types_sql(): the var listening_event_types as an SQL list, ('play', 'skip'):
  the event types that are streams of a track.
#}
{% macro listening_event_types_sql() -%}
    {%- set quoted = [] -%}
    {%- for event_type in var('listening_event_types') -%}
        {%- do quoted.append("'" ~ event_type | replace("'", "''") ~ "'") -%}
    {%- endfor -%}
    ({{ quoted | join(', ') }})
{%- endmacro %}


{#
  check_duckdb_paths(): run at the start of every invocation. dbt-duckdb resolves relative paths
  against the working directory, not the project, so the database file and the lake must be absolute.
#}
{% macro check_duckdb_paths() -%}
    {%- if execute and target.type == 'duckdb' -%}
        {%- if target.path != ':memory:' and not target.path.startswith('/') and '://' not in target.path -%}
            {{ exceptions.raise_compiler_error("DBT_DUCKDB_PATH must be an absolute path, got '" ~ target.path ~ "'") }}
        {%- endif -%}
        {%- for node in graph.sources.values() -%}
            {%- set meta = node.config.get('meta') or node.meta -%}
            {%- if meta.get('lake_dir') and not meta['lake_dir'].startswith('/') and '://' not in meta['lake_dir'] -%}
                {{ exceptions.raise_compiler_error("LAKE_DIR must be an absolute path or a URI, got '" ~ meta['lake_dir'] ~ "'") }}
            {%- endif -%}
        {%- endfor -%}
    {%- endif -%}
    select 1
{%- endmacro %}


{#
  lake_arrival_partition(): the columns lake_batch (the pipeline window that wrote the row),
  lake_year, lake_month, lake_day, lake_hour (integers) and arrival_hour (the UTC hour the
  record arrived, a timestamp) of a lake row, for the bronze view.

  On DuckDB they are the Hive partition columns of the file the row was read from, so a filter on
  them with constant values (macro lake_partitions_since) skips whole files. Files written before
  the lake had kafka_timestamp are partitioned by the hour of played_at, and so is their
  arrival_hour. On Snowflake the lake is the table LAKE.PLAYS, filled by the Beam job's load one
  batch at a time: a row's partition is the hour it was loaded (loaded_at), since that is when dbt
  can first see it. A rerun of a window whose load had failed loads rows of an old Kafka hour late,
  and an incremental build, which reads from the last build's latest arrival_hour on, must still
  see them. On other warehouses the lake is a table with the lake's columns only: the hour of
  kafka_timestamp.
#}
{% macro lake_arrival_partition() -%}
    {{ return(adapter.dispatch('lake_arrival_partition')()) }}
{%- endmacro %}

{% macro default__lake_arrival_partition() -%}
    cast(batch as {{ dbt.type_string() }}) as lake_batch,
            cast({{ dbt.date_trunc('hour', to_utc_timestamp('kafka_timestamp')) }} as {{ dbt.type_timestamp() }}) as arrival_hour,
        cast(extract(year from {{ to_utc_timestamp('kafka_timestamp') }}) as {{ dbt.type_int() }}) as lake_year,
        cast(extract(month from {{ to_utc_timestamp('kafka_timestamp') }}) as {{ dbt.type_int() }}) as lake_month,
        cast(extract(day from {{ to_utc_timestamp('kafka_timestamp') }}) as {{ dbt.type_int() }}) as lake_day,
        cast(extract(hour from {{ to_utc_timestamp('kafka_timestamp') }}) as {{ dbt.type_int() }}) as lake_hour
{%- endmacro %}

{% macro snowflake__lake_arrival_partition() -%}
    cast(batch as {{ dbt.type_string() }}) as lake_batch,
        cast({{ dbt.date_trunc('hour', to_utc_timestamp('loaded_at')) }} as {{ dbt.type_timestamp() }}) as arrival_hour,
        cast(extract(year from {{ to_utc_timestamp('loaded_at') }}) as {{ dbt.type_int() }}) as lake_year,
        cast(extract(month from {{ to_utc_timestamp('loaded_at') }}) as {{ dbt.type_int() }}) as lake_month,
        cast(extract(day from {{ to_utc_timestamp('loaded_at') }}) as {{ dbt.type_int() }}) as lake_day,
        cast(extract(hour from {{ to_utc_timestamp('loaded_at') }}) as {{ dbt.type_int() }}) as lake_hour
{%- endmacro %}

{% macro duckdb__lake_arrival_partition() -%}
    {#- The batch is the start of the file name: <batch>-<topic>-<partition>.parquet, or
        <batch>-SSSSS-of-NNNNN.parquet for files written before the files were sorted. #}
    regexp_extract(filename, '/(w[0-9T]+-[0-9T]+)-[^/]+[.]parquet$', 1) as lake_batch,
            make_timestamp(year, month, day, hour, 0, 0) as arrival_hour,
        cast(year as integer) as lake_year,
        cast(month as integer) as lake_month,
        cast(day as integer) as lake_day,
        cast(hour as integer) as lake_hour
{%- endmacro %}


{#
  lake_partitions_since(hour_literal): a condition on the bronze columns lake_year .. lake_hour
  that holds for the partitions of this UTC hour and later. hour_literal is a timestamp string
  ('2024-12-01 10:00:00') or none (every partition). Written on the partition columns with
  constants, so that DuckDB prunes the files of earlier hours instead of reading them.
#}
{% macro lake_partitions_since(hour_literal) -%}
    {%- if hour_literal is none -%}
        (1 = 1)
    {%- else -%}
        {%- set y, m, d, h = hour_literal[0:4] | int, hour_literal[5:7] | int, hour_literal[8:10] | int, hour_literal[11:13] | int -%}
        (lake_year > {{ y }} or (lake_year = {{ y }} and (lake_month > {{ m }} or (lake_month = {{ m }}
            and (lake_day > {{ d }} or (lake_day = {{ d }} and lake_hour >= {{ h }}))))))
    {%- endif -%}
{%- endmacro %}


{#
  incremental_watermark(column): on an incremental run, the largest value of column in the model's
  own table as a string literal ('2024-12-01 10:00:00'), read before the model's SQL is built so
  that filters on it are constants; none on a full build or an empty table.
#}
{% macro incremental_watermark(column) -%}
    {%- if not execute or not is_incremental() -%}
        {{ return(none) }}
    {%- endif -%}
    {{ return(relation_max(this, column)) }}
{%- endmacro %}


{#
  lake_manifests(): the lake's batch manifests (_manifests/<batch>.json: batch, valid_events,
  dead_letters, ...) as a subquery, or none when there is none to read. On DuckDB they are read
  from the lake folder; on other warehouses the lake is loaded into tables and the manifests are
  not, so there is none.
#}
{% macro lake_manifests() -%}
    {{ return(adapter.dispatch('lake_manifests')()) }}
{%- endmacro %}

{% macro default__lake_manifests() -%}
    {{ return(none) }}
{%- endmacro %}

{% macro duckdb__lake_manifests() -%}
    {%- if not execute -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set pattern = lake_source_meta('lake', 'plays')['lake_dir'] ~ '/' ~ var('lake_manifests_glob') -%}
    {%- set found = run_query("select count(*) from glob('" ~ pattern | replace("'", "''") ~ "')") -%}
    {%- if found.columns[0].values()[0] == 0 -%}
        {{ return(none) }}
    {%- endif -%}
    {{ return("(select batch, valid_events, dead_letters from read_json('" ~ pattern | replace("'", "''")
        ~ "', columns = {'batch': 'VARCHAR', 'valid_events': 'BIGINT', 'dead_letters': 'BIGINT'}))") }}
{%- endmacro %}


{#
  relation_max(relation, column): the largest value of column in relation as a string literal
  ('2024-12-01 10:00:00'), read before a model's SQL is built so that filters on it are constants;
  none when the relation is empty.
#}
{% macro relation_max(relation, column) -%}
    {%- set result = run_query("select cast(max(" ~ column ~ ") as " ~ dbt.type_string() ~ ") from " ~ relation) -%}
    {%- set value = result.columns[0].values()[0] -%}
    {{ return(value[0:19] if value else none) }}
{%- endmacro %}
