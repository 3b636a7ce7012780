{#
  Incremental models of silver and gold rebuild exactly what int_stale_pairs names, so that an
  incremental build gives the rows a full build would:

    {{ config(materialized='incremental', incremental_strategy='append',
              pre_hook="{{ rebuild_changed_rows('user_id') }}") }}
    ... where {{ changed_rows_filter('user_id') }}

  rebuild_changed_rows(keys) is the pre-hook that deletes the model's rows of the changed keys
  (a user, or a user and track: columns of int_stale_pairs); changed_rows_filter(keys) keeps the
  model's input to those keys. Deleting first, then appending, also removes rows whose key no
  longer yields any (a delete+insert by unique key would keep them). Both do nothing on a full
  build.
#}
{% macro rebuild_changed_rows(keys) -%}
    {%- if is_incremental() -%}
        delete from {{ this }}
        where {{ changed_rows_filter(keys) }}
    {%- else -%}
        select 1
    {%- endif -%}
{%- endmacro %}

{% macro changed_rows_filter(keys) -%}
    {#- Always a ref, even on a full build, so that dbt orders the model after int_stale_pairs. #}
    {%- set stale_pairs = ref('int_stale_pairs') -%}
    {%- set keys = [keys] if keys is string else keys -%}
    {%- if not is_incremental() -%}
        (1 = 1)
    {%- else -%}
        ({{ keys | join(', ') }}) in (select distinct {{ keys | join(', ') }} from {{ stale_pairs }})
    {%- endif -%}
{%- endmacro %}
