{#- The lake's dead letters (records the ingest job rejected) counted by reason, for the dashboard. -#}

with dead_letters as (
    select * from {{ ref('stg_lake__dead_letters') }}
),

reasons as (
    select
        coalesce(rejection_reason, 'unknown') as rejection_reason,
        count(*) as dead_letters,
        count(distinct batch_id) as batches
    from dead_letters
    group by 1
),

final as (
    select
        -- keys
        cast(rejection_reason as {{ dbt.type_string() }}) as rejection_reason,

        -- counts
        cast(dead_letters as {{ dbt.type_bigint() }}) as dead_letters,
        cast(batches as {{ dbt.type_bigint() }}) as batches

    from reasons
)

select * from final
