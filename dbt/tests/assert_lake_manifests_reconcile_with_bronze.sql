{#
  Every batch manifest of the lake (_manifests/<batch>.json, written by the pipeline after the
  batch's files were published) agrees with what bronze reads: valid_events rows in plays/ from
  that batch's files and dead_letters rows in dead_letter/batch=<batch>/. Returns the batches
  that disagree. Without manifests (fixture lakes; Snowflake, where the lake is loaded into
  tables) there is nothing to compare and no row.
#}
-- depends_on: {{ ref('stg_lake__plays') }}
-- depends_on: {{ ref('stg_lake__dead_letters') }}
{%- set manifests = lake_manifests() %}

{%- if manifests is none %}
select
    cast(null as {{ dbt.type_string() }}) as batch,
    cast(null as {{ dbt.type_bigint() }}) as manifest_valid_events,
    cast(null as {{ dbt.type_bigint() }}) as lake_valid_events
where 1 = 0
{%- else %}
with manifests as (
    select * from {{ manifests }} as manifest_files
),

lake_rows as (
    select
        lake_batch as batch,
        count(*) as valid_events
    from {{ ref('stg_lake__plays') }}
    group by lake_batch
),

dead_letters as (
    select
        batch_id as batch,
        count(*) as dead_letters
    from {{ ref('stg_lake__dead_letters') }}
    group by batch_id
),

mismatches as (
    select
        manifests.batch,
        manifests.valid_events as manifest_valid_events,
        coalesce(lake_rows.valid_events, 0) as lake_valid_events,
        manifests.dead_letters as manifest_dead_letters,
        coalesce(dead_letters.dead_letters, 0) as lake_dead_letters
    from manifests
    left join lake_rows
        on manifests.batch = lake_rows.batch
    left join dead_letters
        on manifests.batch = dead_letters.batch
    where
        manifests.valid_events != coalesce(lake_rows.valid_events, 0)
        or manifests.dead_letters != coalesce(dead_letters.dead_letters, 0)
)

select * from mismatches
{%- endif %}
