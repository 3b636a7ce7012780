{#-
  The (user, track) pairs whose plays this build computes again, read before silver_plays is
  rebuilt: every pair with a stream from silver_plays' latest arrival hour on (that hour again,
  since a rerun of its window rewrites its files), and every pair whose stored content type or
  user time zone no longer matches int_artist_content_types or the seed user_time_zones. On the
  first build, or when silver_plays does not exist yet, every pair. The incremental models of
  silver and gold rebuild exactly these pairs, or these pairs' users (macro
  rebuild_changed_rows), so an incremental build gives the rows a full build would.

  silver_plays is read as a relation, not a ref: this model runs before it, and reads what the
  previous build left.
-#}
-- depends_on: {{ ref('int_artist_content_types') }}
-- depends_on: {{ ref('user_time_zones') }}
{%- set previous = adapter.get_relation(this.database, this.schema, 'silver_plays') if execute else none %}
{%- set since_hour = relation_max(previous, 'last_arrival_hour') if previous is not none else none %}

with streams as (
    select * from {{ ref('silver_streams') }}
),

{% if previous is not none %}
content_types as (
    select * from {{ ref('int_artist_content_types') }}
),

user_time_zones as (
    select * from {{ ref('user_time_zones') }}
),

previous_plays as (
    select * from {{ previous }}
),

stale as (
    select user_id, track_key
    from streams
    {%- if since_hour is not none %}
    where arrival_hour >= cast('{{ since_hour }}' as {{ dbt.type_timestamp() }})
    {%- endif %}

    union

    select previous_plays.user_id, previous_plays.track_key
    from previous_plays
    left join content_types
        on previous_plays.artist_key = content_types.artist_key
    left join user_time_zones
        on previous_plays.user_id = user_time_zones.user_id
    where
        previous_plays.content_type != coalesce(content_types.content_type, 'music')
        or previous_plays.time_zone != coalesce(user_time_zones.time_zone, '{{ var("default_time_zone") }}')
),
{% else %}
stale as (
    select user_id, track_key
    from streams
),
{% endif %}

final as (
    select distinct
        user_id,
        track_key
    from stale
)

select * from final
