{#
  play_threshold_ms(): the var play_threshold_ms (env PLAY_THRESHOLD_MS, default 30000 in
  dbt_project.yml) as an integer. A stream counts as a play when ms_played >= this value. Fails
  unless the value is a whole number of milliseconds, so that a typo never turns into a
  threshold of 0.
#}
{% macro play_threshold_ms() -%}
    {%- set raw = var('play_threshold_ms') -%}
    {%- set text = raw | string | trim -%}
    {%- if raw is sameas true or raw is sameas false or not text.isdigit() -%}
        {{ exceptions.raise_compiler_error(
            "play_threshold_ms (environment variable PLAY_THRESHOLD_MS) must be a whole number "
            ~ "of milliseconds >= 0, got '" ~ raw ~ "'") }}
    {%- endif -%}
    {{ return(text | int) }}
{%- endmacro %}


{# check_play_threshold_ms(): run at the start of every invocation, so a bad value fails at once. #}
{% macro check_play_threshold_ms() -%}
    {%- if execute -%}
        {%- do play_threshold_ms() -%}
    {%- endif -%}
    select 1
{%- endmacro %}
