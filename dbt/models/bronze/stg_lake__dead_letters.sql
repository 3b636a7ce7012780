{%- set has_files = lake_source_has_files('lake', 'dead_letter') -%}

with source as (
    {%- if has_files %}
    select * from {{ source('lake', 'dead_letter') }}
    {%- else %}
    {#- No dead letter yet: the same columns, no rows. #}
    select
        cast(null as {{ dbt.type_string() }}) as kafka_topic,
        cast(null as {{ dbt.type_int() }}) as kafka_partition,
        cast(null as {{ dbt.type_bigint() }}) as kafka_offset,
        cast(null as {{ dbt.type_string() }}) as payload,
        cast(null as {{ dbt.type_string() }}) as reason,
        cast(null as {{ dbt.type_string() }}) as batch
    where 1 = 0
    {%- endif %}
),

renamed as (
    select
        -- kafka lineage
        cast(kafka_topic as {{ dbt.type_string() }}) as kafka_topic,
        cast(kafka_partition as {{ dbt.type_int() }}) as kafka_partition,
        cast(kafka_offset as {{ dbt.type_bigint() }}) as kafka_offset,

        -- rejection
        cast(payload as {{ dbt.type_string() }}) as payload,
        cast(reason as {{ dbt.type_string() }}) as rejection_reason,
        cast(batch as {{ dbt.type_string() }}) as batch_id

    from source
)

select * from renamed
