{#
  snowflake__get_create_table_as_sql: dbt's unit tests create the model's empty result as a
  temporary table (to learn its column types), named like the model in the model's schema. The
  stand-in ops/test-dbt-snowflake.sh runs on (fakesnow) cannot create a temporary table whose name
  has a database or schema; so on Snowflake that relation is a transient table (valid there too,
  dbt-snowflake's own choice for tmp relations with tmp_relation_type = 'transient'), which the unit
  test drops when it ends. Only the unit-test path calls this with temporary = true on Snowflake:
  dbt-snowflake's table and incremental materializations build their relations themselves.
  dbt/README.md, "Snowflake stand-in".
#}
{% macro snowflake__get_create_table_as_sql(temporary, relation, sql) -%}
    {%- if temporary -%}
        {{ snowflake__create_table_transient_sql(relation, sql) }}
    {%- else -%}
        {{ create_table_as(temporary, relation, sql) }}
    {%- endif -%}
{%- endmacro %}
