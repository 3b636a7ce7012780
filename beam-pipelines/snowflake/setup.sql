-- One-time Snowflake setup for the load that follows each lake write (beam-pipelines/README.md,
-- "Loading Snowflake"). Names are the defaults of the --snowflake* options; replace every <...>.
-- Run the steps in order; each says which role runs it.

-- 1. Storage integration (ACCOUNTADMIN): Snowflake reads the S3 lake with an IAM role of yours,
--    so no AWS key is stored in Snowflake or in the job.
USE ROLE ACCOUNTADMIN;
CREATE STORAGE INTEGRATION IF NOT EXISTS LISTENING_LAKE_S3
  TYPE = EXTERNAL_STAGE
  STORAGE_PROVIDER = 'S3'
  ENABLED = TRUE
  STORAGE_AWS_ROLE_ARN = '<arn:aws:iam::123456789012:role/snowflake-listening-lake>'
  STORAGE_ALLOWED_LOCATIONS = ('s3://<bucket>/<lake prefix>/');
-- Copy STORAGE_AWS_IAM_USER_ARN and STORAGE_AWS_EXTERNAL_ID from this into the trust policy of the
-- IAM role above; the role needs s3:GetObject, s3:GetObjectVersion and s3:ListBucket on the lake.
DESC INTEGRATION LISTENING_LAKE_S3;
GRANT USAGE ON INTEGRATION LISTENING_LAKE_S3 TO ROLE SYSADMIN;

-- 2. Database, schema (dbt's source schema `lake`) and a small warehouse for the load (SYSADMIN).
USE ROLE SYSADMIN;
CREATE DATABASE IF NOT EXISTS LISTENING;
CREATE SCHEMA IF NOT EXISTS LISTENING.LAKE;
CREATE WAREHOUSE IF NOT EXISTS LISTENING_LOAD_WH
  WAREHOUSE_SIZE = XSMALL AUTO_SUSPEND = 60 AUTO_RESUME = TRUE INITIALLY_SUSPENDED = TRUE;

-- 3. File format and the external stage over the lake root, the same place as --lakeDir
--    (s3://<bucket>/<lake prefix>/; the load reads <stage>/plays/...). The load names its file
--    format in the COPY itself; the stage's is for looking at the files by hand.
CREATE FILE FORMAT IF NOT EXISTS LISTENING.LAKE.LAKE_PARQUET TYPE = PARQUET USE_LOGICAL_TYPE = TRUE;
CREATE STAGE IF NOT EXISTS LISTENING.LAKE.LAKE_STAGE
  URL = 's3://<bucket>/<lake prefix>/'
  STORAGE_INTEGRATION = LISTENING_LAKE_S3
  FILE_FORMAT = LISTENING.LAKE.LAKE_PARQUET;

-- 4. Tables (SYSADMIN). Bronze holds one row per event_id: the lake's columns
--    (docs/data-contracts.md, section 2) plus the batch that loaded it and when. Staging has the
--    lake's columns only and holds the latest batch. DEAD_LETTER has the dead-letter files' columns.
--    ops/test-snowflake.sh runs this section against the fakesnow stand-in, so keep it between the
--    two markers.
-- BEGIN tables
CREATE TABLE IF NOT EXISTS LISTENING.LAKE.PLAYS (
  EVENT_ID VARCHAR NOT NULL,
  EVENT_TYPE VARCHAR NOT NULL,
  USER_ID VARCHAR NOT NULL,
  TRACK_ID VARCHAR NOT NULL,
  TRACK_NAME VARCHAR NOT NULL,
  ARTIST_NAME VARCHAR NOT NULL,
  ALBUM_NAME VARCHAR,
  DURATION_MS NUMBER(19, 0),
  MS_PLAYED NUMBER(19, 0) NOT NULL,
  PLAYED_AT TIMESTAMP_TZ NOT NULL,
  STARTED_AT TIMESTAMP_TZ,
  DEVICE_TYPE VARCHAR,
  PLATFORM VARCHAR,
  CONTEXT_URI VARCHAR,
  SHUFFLE BOOLEAN,
  REASON_START VARCHAR,
  REASON_END VARCHAR,
  SKIPPED BOOLEAN,
  SOURCE VARCHAR NOT NULL,
  INGESTED_AT TIMESTAMP_TZ NOT NULL,
  KAFKA_TOPIC VARCHAR NOT NULL,
  KAFKA_PARTITION NUMBER(10, 0) NOT NULL,
  KAFKA_OFFSET NUMBER(19, 0) NOT NULL,
  KAFKA_TIMESTAMP TIMESTAMP_TZ NOT NULL,
  BATCH VARCHAR NOT NULL,
  LOADED_AT TIMESTAMP_TZ NOT NULL
);
CREATE TABLE IF NOT EXISTS LISTENING.LAKE.PLAYS_STAGING (
  EVENT_ID VARCHAR,
  EVENT_TYPE VARCHAR,
  USER_ID VARCHAR,
  TRACK_ID VARCHAR,
  TRACK_NAME VARCHAR,
  ARTIST_NAME VARCHAR,
  ALBUM_NAME VARCHAR,
  DURATION_MS NUMBER(19, 0),
  MS_PLAYED NUMBER(19, 0),
  PLAYED_AT TIMESTAMP_TZ,
  STARTED_AT TIMESTAMP_TZ,
  DEVICE_TYPE VARCHAR,
  PLATFORM VARCHAR,
  CONTEXT_URI VARCHAR,
  SHUFFLE BOOLEAN,
  REASON_START VARCHAR,
  REASON_END VARCHAR,
  SKIPPED BOOLEAN,
  SOURCE VARCHAR,
  INGESTED_AT TIMESTAMP_TZ,
  KAFKA_TOPIC VARCHAR,
  KAFKA_PARTITION NUMBER(10, 0),
  KAFKA_OFFSET NUMBER(19, 0),
  KAFKA_TIMESTAMP TIMESTAMP_TZ
);
-- The dead_letter folder of the lake (source lake.dead_letter of dbt): one row per rejected Kafka
-- record and batch. Each load replaces the rows of its batch, as a rerun of a window rewrites its
-- files. (No semicolons or quotes in comments here: the tests split this section on semicolons.)
CREATE TABLE IF NOT EXISTS LISTENING.LAKE.DEAD_LETTER (
  KAFKA_TOPIC VARCHAR NOT NULL,
  KAFKA_PARTITION NUMBER(10, 0) NOT NULL,
  KAFKA_OFFSET NUMBER(19, 0) NOT NULL,
  PAYLOAD VARCHAR,
  REASON VARCHAR NOT NULL,
  BATCH VARCHAR NOT NULL
);
-- END tables

-- 5. The load's role (SECURITYADMIN): read the stage, refill staging, add to bronze; nothing else.
--    COPY INTO needs INSERT on the table and USAGE on the stage; the transaction's DELETE empties
--    staging and replaces a batch's dead letters. Bronze gets no DELETE or UPDATE: the load only
--    ever adds rows to it.
USE ROLE SECURITYADMIN;
CREATE ROLE IF NOT EXISTS LISTENING_LOADER;
GRANT USAGE ON WAREHOUSE LISTENING_LOAD_WH TO ROLE LISTENING_LOADER;
GRANT USAGE ON DATABASE LISTENING TO ROLE LISTENING_LOADER;
GRANT USAGE ON SCHEMA LISTENING.LAKE TO ROLE LISTENING_LOADER;
GRANT USAGE ON STAGE LISTENING.LAKE.LAKE_STAGE TO ROLE LISTENING_LOADER;
GRANT USAGE ON FILE FORMAT LISTENING.LAKE.LAKE_PARQUET TO ROLE LISTENING_LOADER;
GRANT SELECT, INSERT, DELETE ON TABLE LISTENING.LAKE.PLAYS_STAGING TO ROLE LISTENING_LOADER;
GRANT SELECT, INSERT ON TABLE LISTENING.LAKE.PLAYS TO ROLE LISTENING_LOADER;
GRANT SELECT, INSERT, DELETE ON TABLE LISTENING.LAKE.DEAD_LETTER TO ROLE LISTENING_LOADER;
-- dbt's role reads bronze (sources lake.plays and lake.dead_letter):
GRANT USAGE ON DATABASE LISTENING TO ROLE <dbt role>;
GRANT USAGE ON SCHEMA LISTENING.LAKE TO ROLE <dbt role>;
GRANT SELECT ON TABLE LISTENING.LAKE.PLAYS TO ROLE <dbt role>;
GRANT SELECT ON TABLE LISTENING.LAKE.DEAD_LETTER TO ROLE <dbt role>;

-- 6. The load's user, key-pair authentication (SECURITYADMIN). Make the key pair with
--      openssl genrsa 2048 | openssl pkcs8 -topk8 -v2 aes256 -inform PEM -out rsa_key.p8
--      openssl rsa -in rsa_key.p8 -pubout -out rsa_key.pub
--    and paste the body of rsa_key.pub (without the BEGIN/END lines) below. The job then runs with
--    --snowflakePrivateKeyFile=rsa_key.p8 and the passphrase in SNOWFLAKE_PRIVATE_KEY_PASSPHRASE.
CREATE USER IF NOT EXISTS LISTENING_LOADER
  TYPE = SERVICE
  DEFAULT_ROLE = LISTENING_LOADER
  DEFAULT_WAREHOUSE = LISTENING_LOAD_WH
  RSA_PUBLIC_KEY = '<MIIBIjANBgkqh...>';
GRANT ROLE LISTENING_LOADER TO USER LISTENING_LOADER;
