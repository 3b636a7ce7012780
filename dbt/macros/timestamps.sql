{# to_utc_timestamp: an instant (timestamp with time zone) as a time-zone-less timestamp in UTC. #}
{% macro to_utc_timestamp(expression) -%}
    {{ return(adapter.dispatch('to_utc_timestamp')(expression)) }}
{%- endmacro %}

{% macro default__to_utc_timestamp(expression) -%}
    cast({{ expression }} as {{ dbt.type_timestamp() }})
{%- endmacro %}

{% macro duckdb__to_utc_timestamp(expression) -%}
    {#- The instant's microseconds as a plain timestamp: the same value as timezone('UTC', ...),
        independent of the session's TimeZone, and without a time-zone lookup per row (about
        fifty times faster on a lake of millions of rows). #}
    make_timestamp(epoch_us({{ expression }}))
{%- endmacro %}

{% macro snowflake__to_utc_timestamp(expression) -%}
    cast(convert_timezone('UTC', {{ expression }}) as timestamp_ntz)
{%- endmacro %}


{#
  utc_to_local_timestamp(expression, time_zone_expression): the wall-clock time, in the IANA zone
  given by an SQL expression (a column: every user has a zone), of a UTC timestamp.
#}
{% macro utc_to_local_timestamp(expression, time_zone_expression) -%}
    {{ return(adapter.dispatch('utc_to_local_timestamp')(expression, time_zone_expression)) }}
{%- endmacro %}

{% macro default__utc_to_local_timestamp(expression, time_zone_expression) -%}
    cast(convert_timezone('UTC', {{ time_zone_expression }}, {{ expression }}) as {{ dbt.type_timestamp() }})
{%- endmacro %}

{% macro duckdb__utc_to_local_timestamp(expression, time_zone_expression) -%}
    {#- A zone lookup costs microseconds per row; most users are on the default zone. #}
    case
        when {{ time_zone_expression }} = 'UTC' then {{ expression }}
        else timezone({{ time_zone_expression }}, timezone('UTC', {{ expression }}))
    end
{%- endmacro %}


{# iso_weekday(expression): 1 for Monday to 7 for Sunday. #}
{% macro iso_weekday(expression) -%}
    {{ return(adapter.dispatch('iso_weekday')(expression)) }}
{%- endmacro %}

{% macro default__iso_weekday(expression) -%}
    extract(isodow from {{ expression }})
{%- endmacro %}

{% macro snowflake__iso_weekday(expression) -%}
    dayofweekiso({{ expression }})
{%- endmacro %}
