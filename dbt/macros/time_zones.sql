{#
  unknown_time_zones(model, column_name): the query of the generic test valid_time_zone, the
  distinct non-null values of the column that are not IANA zones the warehouse knows.

  DuckDB lists its zones in pg_timezone_names(). Snowflake has no such table and no try_ form of
  convert_timezone: converting a constant into an unknown zone raises an error, so there the test
  errors (which fails the build just the same) instead of returning rows.
#}
{% macro unknown_time_zones(model, column_name) -%}
    {{ return(adapter.dispatch('unknown_time_zones')(model, column_name)) }}
{%- endmacro %}

{% macro default__unknown_time_zones(model, column_name) %}
    {{ exceptions.raise_compiler_error("unknown_time_zones is not implemented for adapter " ~ adapter.type()) }}
{% endmacro %}

{% macro duckdb__unknown_time_zones(model, column_name) %}

with time_zones as (
    select distinct {{ column_name }} as time_zone
    from {{ model }}
    where {{ column_name }} is not null
),

known_zones as (
    select name from pg_timezone_names()
),

unknown_zones as (
    select time_zones.time_zone
    from time_zones
    left join known_zones
        on time_zones.time_zone = known_zones.name
    where known_zones.name is null
)

select * from unknown_zones

{% endmacro %}

{% macro snowflake__unknown_time_zones(model, column_name) %}

with time_zones as (
    select distinct {{ column_name }} as time_zone
    from {{ model }}
    where {{ column_name }} is not null
),

unknown_zones as (
    select time_zone
    from time_zones
    where convert_timezone('UTC', time_zone, cast('2000-01-01 00:00:00' as timestamp_ntz)) is null
)

select * from unknown_zones

{% endmacro %}
