{#
  record_data_quality_results(results): on-run-end hook. Replaces the rows of the model
  data_quality_results with one row per test and unit test of this invocation. Nothing to do when
  the model was not built in this invocation (a selection without it) or nothing was tested.
#}
{% macro record_data_quality_results(results) -%}
    {%- if not execute -%}
        {{ return('') }}
    {%- endif -%}
    {%- set model = (graph.nodes.values() | selectattr('name', 'equalto', 'data_quality_results') | list) -%}
    {%- if not model -%}
        {{ return('') }}
    {%- endif -%}
    {%- set relation = adapter.get_relation(model[0].database, model[0].schema, model[0].alias) -%}
    {%- set built = results | selectattr('node.unique_id', 'equalto', model[0].unique_id) | list -%}
    {%- if relation is none or not built -%}
        {{ return('') }}
    {%- endif -%}
    {%- set rows = [] -%}
    {%- for result in results if result.node.resource_type in ('test', 'unit_test') -%}
        {%- set node = result.node -%}
        {%- if node.resource_type == 'unit_test' -%}
            {%- set attached = node.tested_node_unique_id -%}
        {%- else -%}
            {%- set attached = node.attached_node or (node.depends_on.nodes[0] if node.depends_on.nodes else none) -%}
        {%- endif -%}
        {%- do rows.append("(" ~ [
            quote_sql_string(invocation_id),
            quote_sql_string(node.name),
            quote_sql_string('unit' if node.resource_type == 'unit_test' else 'data'),
            quote_sql_string(attached.split('.')[-1] if attached else none),
            quote_sql_string(result.status | string),
            (result.failures | int if result.failures is not none else 0) | string,
            quote_sql_string(result.message if (result.status | string) != 'pass' else none)
        ] | join(', ') ~ ")") -%}
    {%- endfor -%}
    {%- call statement('clear_data_quality_results') -%}
        delete from {{ relation }}
    {%- endcall -%}
    {%- for chunk in rows | batch(500) -%}
        {%- call statement('record_data_quality_results') -%}
            insert into {{ relation }}
                (build_id, test_name, test_type, tested_model, status, failures, message, checked_at)
            select
                build_id, test_name, test_type, tested_model, status, failures, message,
                {{ to_utc_timestamp(dbt.current_timestamp()) }}
            from (values {{ chunk | join(', ') }})
                as results (build_id, test_name, test_type, tested_model, status, failures, message)
        {%- endcall -%}
    {%- endfor -%}
    {#- Hooks' own statements are not committed for them. #}
    {%- do adapter.commit() -%}
    {{ return('') }}
{%- endmacro %}


{# quote_sql_string(value): an SQL string literal, or null. #}
{% macro quote_sql_string(value) -%}
    {%- if value is none -%}
        {{ return('null') }}
    {%- endif -%}
    {{ return("'" ~ (value | string | replace("\\", "\\\\") | replace("'", "''")) ~ "'") }}
{%- endmacro %}
