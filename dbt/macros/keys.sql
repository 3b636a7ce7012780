{#
  Keys that match the same track or artist across sources. Basic exports name a track only by
  artist and track name (their track_id is derived from the names), the Web API and extended
  exports by its Spotify id, so plays are matched on the names: trimmed and lower-cased.
#}
{% macro track_key(artist_expression, track_expression) -%}
    {{ dbt.concat([artist_key(artist_expression), "'|'", 'lower(trim(' ~ track_expression ~ '))']) }}
{%- endmacro %}

{% macro artist_key(artist_expression) -%}
    lower(trim({{ artist_expression }}))
{%- endmacro %}


{#
  source_rank(source_expression): how rich a source's records are, 1 the richest. When one play
  arrives from several sources the richest one's fields are kept (var source_priority).
#}
{% macro source_rank(source_expression) -%}
    case {{ source_expression }}
    {%- for source_name in var('source_priority') %}
        when '{{ source_name }}' then {{ loop.index }}
    {%- endfor %}
        else {{ var('source_priority') | length + 1 }}
    end
{%- endmacro %}
