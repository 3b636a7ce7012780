{#-
  Ranked music artists per user (scope 'user') and over everyone (scope 'everyone', user_id '*',
  macro everyone_user_id), all time and per local year, month and ISO week; the logic is shared
  with top_tracks (macro top_listening_ctes). The user rows depend only on that user's
  plays; the everyone rows are the branch everyone_counts.
-#}

with plays as (
    select * from {{ ref('silver_plays') }}
    where content_type = 'music'
),

{{ top_listening_ctes('plays', 'artist_key') }},

final as (
    select
        -- keys
        cast(scope as {{ dbt.type_string() }}) as scope,
        user_id,
        cast(period_type as {{ dbt.type_string() }}) as period_type,
        period_start,
        item_id as artist_key,

        -- rank within (scope, user_id, period_type, period_start), 1 = most played
        cast(item_rank as {{ dbt.type_int() }}) as rank,

        -- counts
        cast(plays as {{ dbt.type_bigint() }}) as plays,
        cast(listening_ms as {{ dbt.type_bigint() }}) as listening_ms,
        cast(listeners as {{ dbt.type_bigint() }}) as listeners

    from top_listening
)

select * from final
