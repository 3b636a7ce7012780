with build as (
    select
        '{{ invocation_id }}' as build_id,
        {{ dbt.current_timestamp() }} as built_at,
        {{ play_threshold_ms() }} as play_threshold_ms
),

final as (
    select
        cast(build_id as {{ dbt.type_string() }}) as build_id,
        {{ to_utc_timestamp('built_at') }} as built_at,
        cast(play_threshold_ms as {{ dbt.type_bigint() }}) as play_threshold_ms
    from build
)

select * from final
