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
    {%- for node in graph.sources.values() -%}
        {%- if node.source_name == source_name and node.name == table_name -%}
            {%- set meta = node.config.get('meta') or node.meta -%}
            {{ return(meta['lake_dir'] ~ '/' ~ meta['lake_glob']) }}
        {%- endif -%}
    {%- endfor -%}
    {{ exceptions.raise_compiler_error("no source " ~ source_name ~ "." ~ table_name) }}
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
