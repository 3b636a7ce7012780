{#
  Constants of the gold tables that keep a user's rows and everyone's rows in one table (scope
  'user' or 'everyone'). One home, so that readers and tests filter on the same values.
#}

{# everyone_user_id(): the user_id of the rows over all users (scope 'everyone'); never a real id. #}
{% macro everyone_user_id() -%}
    '*'
{%- endmacro %}


{#
  all_time_period_start(): period_start of the rows over all time (period_type 'all_time'). A fixed
  date rather than null, so that the key columns are never null (an incremental merge on a null
  key matches nothing).
#}
{% macro all_time_period_start() -%}
    cast('1970-01-01' as date)
{%- endmacro %}


{#
  listening_periods(): the periods the top lists are cut by, as (period_type, SQL of the period's
  first day from listen_date and listen_weekday, 1 = Monday). The ISO week starts on the local
  Monday; it is computed from listen_weekday because date_trunc('week') depends on Snowflake's
  WEEK_START setting.
#}
{% macro listening_periods() -%}
    {{ return([
        ('all_time', all_time_period_start()),
        ('year', 'cast(' ~ dbt.date_trunc('year', 'listen_date') ~ ' as date)'),
        ('month', 'cast(' ~ dbt.date_trunc('month', 'listen_date') ~ ' as date)'),
        ('week', 'cast(' ~ dbt.dateadd('day', '1 - listen_weekday', 'listen_date') ~ ' as date)'),
    ]) }}
{%- endmacro %}


{#
  integer_rows(column_name, first, last): a row set of the integers first..last (inclusive) in
  one column, for small fixed grids such as the 7 x 24 hours of a week; plain SQL on every
  warehouse.
#}
{% macro integer_rows(column_name, first, last) -%}
    {%- for value in range(first, last + 1) %}
    select {{ value }} as {{ column_name }}
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
{%- endmacro %}


{#
  top_listening_ctes(plays_cte, item_column): the CTEs shared by top_tracks and top_artists, to be
  placed in a model's with-list after a CTE plays_cte of music plays; the last one,
  top_listening, holds the ranked rows (item_column as item_id).

  - period_plays: every play once per period type (listening_periods()).
  - user_counts: per user, period and item. Each row depends on that user's plays only.
  - everyone_counts: the same over all users, summed from user_counts (the only branch that
    mixes users; listeners counts the users with a counted play).
  - top_listening: both scopes, items with at least one counted play, ranked within their group
    (scope, user_id, period_type, period_start) by plays, then listening_ms, then the item's id,
    so ranks are unique and a group keeps at most var('top_n') rows.
#}
{% macro top_listening_ctes(plays_cte, item_column) -%}
period_plays as (
    {%- for period_type, period_start in listening_periods() %}
    select
        user_id,
        '{{ period_type }}' as period_type,
        {{ period_start }} as period_start,
        {{ item_column }} as item_id,
        is_counted_play,
        ms_played
    from {{ plays_cte }}
    {%- if not loop.last %}

    union all
    {% endif %}
    {%- endfor %}
),

user_counts as (
    select
        'user' as scope,
        user_id,
        period_type,
        period_start,
        item_id,
        sum(case when is_counted_play then 1 else 0 end) as plays,
        sum(ms_played) as listening_ms,
        -- the user; rows without a counted play are not ranked
        1 as listeners
    from period_plays
    group by user_id, period_type, period_start, item_id
),

everyone_counts as (
    select
        'everyone' as scope,
        {{ everyone_user_id() }} as user_id,
        period_type,
        period_start,
        item_id,
        sum(plays) as plays,
        sum(listening_ms) as listening_ms,
        sum(case when plays > 0 then 1 else 0 end) as listeners
    from user_counts
    group by period_type, period_start, item_id
),

scoped_counts as (
    select * from user_counts
    union all
    select * from everyone_counts
),

ranked_counts as (
    select
        *,
        row_number() over (
            partition by scope, user_id, period_type, period_start
            order by plays desc, listening_ms desc, item_id
        ) as item_rank
    from scoped_counts
    where plays > 0
),

top_listening as (
    select *
    from ranked_counts
    where item_rank <= {{ var('top_n') }}
)
{%- endmacro %}


{#
  period_rows(facts_cte, columns): every row of facts_cte once per period type of
  listening_periods(), with period_type and period_start before the given columns. facts_cte
  needs listen_date and listen_weekday (1 = Monday). The period roll-ups of the dashboard are cut
  with it, so they cut the periods exactly as top_tracks and top_artists do.
#}
{% macro period_rows(facts_cte, columns) -%}
    {%- for period_type, period_start in listening_periods() %}
    select
        '{{ period_type }}' as period_type,
        {{ period_start }} as period_start,
        {{ columns | join(', ') }}
    from {{ facts_cte }}
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
{%- endmacro %}


{#
  latest_spelling(column): the aggregate of a name over day-level rows that the dashboard shows
  for a range: the spelling of the latest listen_date, and of those the greatest, so that the
  choice never depends on the order rows are read in (the webapp's reads of the day-level tables
  use the same rule). The date is cast to its ten ISO characters and cut off again.
#}
{% macro latest_spelling(column) -%}
    substring(max({{ dbt.concat(['cast(listen_date as ' ~ dbt.type_string() ~ ')', column]) }}), 11)
{%- endmacro %}
