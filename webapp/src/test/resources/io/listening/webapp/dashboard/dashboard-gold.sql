-- The gold tables the dashboard reads, with the columns and types dbt builds them with
-- (docs/data-contracts.md section 3). DashboardWarehouse creates them for the webapp tests;
-- dbt/tests_py/test_dashboard_contract.py compares this file with the published fixture build, so
-- a column dbt renames or retypes fails there, not in production.
create schema gold;

create table gold.build_info (
  build_id varchar,
  built_at timestamp,
  play_threshold_ms bigint
);

create table gold.daily_user_stats (
  user_id varchar,
  listen_date date,
  plays bigint,
  skips bigint,
  listening_ms bigint,
  unique_tracks bigint,
  unique_artists bigint,
  podcast_ms bigint,
  first_played_at timestamp,
  last_played_at timestamp
);

create table gold.daily_listening_stats (
  user_id varchar,
  listen_date date,
  plays bigint,
  skips bigint,
  listening_ms bigint,
  unique_tracks bigint,
  unique_artists bigint
);

create table gold.daily_track_listening (
  user_id varchar,
  listen_date date,
  track_id varchar,
  track_name varchar,
  artist_key varchar,
  artist_name varchar,
  plays bigint,
  skips bigint,
  listening_ms bigint
);

create table gold.hourly_listening (
  user_id varchar,
  listen_date date,
  listen_hour integer,
  listen_weekday integer,
  plays bigint,
  skips bigint,
  listening_ms bigint
);

create table gold.daily_device_listening (
  user_id varchar,
  listen_date date,
  device_type varchar,
  platform varchar,
  plays bigint,
  skips bigint,
  listening_ms bigint
);

create table gold.daily_podcast_listening (
  user_id varchar,
  listen_date date,
  show_name varchar,
  episodes bigint,
  streams bigint,
  listening_ms bigint
);

create table gold.dead_letter_reasons (
  rejection_reason varchar,
  dead_letters bigint,
  batches bigint
);

create table gold.user_sessions (
  session_id varchar,
  user_id varchar,
  session_number bigint,
  started_at timestamp,
  ended_at timestamp,
  time_zone varchar,
  local_start_date date,
  local_start_hour integer,
  length_ms bigint,
  listening_ms bigint,
  tracks bigint,
  skips bigint,
  unique_tracks bigint
);

create table gold.year_in_review (
  user_id varchar,
  listen_year integer,
  listening_ms bigint,
  listening_minutes double,
  plays bigint,
  skips bigint,
  unique_tracks bigint,
  unique_artists bigint,
  top_track_id varchar,
  top_tracks varchar,
  top_artist_key varchar,
  top_artists varchar,
  active_days bigint,
  longest_streak_days bigint,
  longest_streak_start date,
  longest_streak_end date,
  new_tracks bigint,
  new_artists bigint
);

create table gold.data_quality_results (
  build_id varchar,
  checked_at timestamp,
  test_name varchar,
  test_type varchar,
  tested_model varchar,
  status varchar,
  failures bigint,
  message varchar
);

create table gold.period_track_listening (
  period_type varchar,
  period_start date,
  track_id varchar,
  track_name varchar,
  artist_key varchar,
  artist_name varchar,
  plays bigint,
  skips bigint,
  listening_ms bigint,
  listeners bigint
);

create table gold.period_artist_listening (
  period_type varchar,
  period_start date,
  artist_key varchar,
  artist_name varchar,
  tracks bigint,
  plays bigint,
  skips bigint,
  listening_ms bigint,
  listeners bigint
);

create table gold.period_listening_totals (
  period_type varchar,
  period_start date,
  plays bigint,
  skips bigint,
  listening_ms bigint,
  listeners bigint,
  days bigint,
  first_day date,
  last_day date,
  unique_tracks bigint,
  unique_artists bigint
);
