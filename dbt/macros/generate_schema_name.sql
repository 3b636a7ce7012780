{#
  On the targets in var('exact_schema_targets') (duckdb, snowflake) a model's custom schema is used
  as it is, so the warehouse has exactly bronze, silver and gold. Any other target (a developer's
  own) prefixes it with the target schema, as dbt does by default.
#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- if custom_schema_name is none -%}
        {{ target.schema }}
    {%- elif target.name in var('exact_schema_targets') -%}
        {{ custom_schema_name | trim }}
    {%- else -%}
        {{ target.schema }}_{{ custom_schema_name | trim }}
    {%- endif -%}
{%- endmacro %}
