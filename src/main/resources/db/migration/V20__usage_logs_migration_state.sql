-- Bookkeeping of the usage_logs data migration (dev.tokenledger.legacy, README "Migrating a
-- usage_logs table"): where the current copy pass stands, so that a run killed at any point
-- resumes after its last committed batch, and what the last verification found. One row per
-- schema whose usage_logs table is being carried over. Migrated rows themselves need no marker:
-- request_logs.id is the legacy id.
--
-- Only the owner role, which runs the migration, touches this table; it holds counts and
-- legacy ids, no user data, and no other role is granted anything on it.

create table usage_logs_migration (
    source_schema       text        primary key,
    phase               text        not null,
    time_zone           text        not null,
    pass                integer     not null default 1,
    pass_started_at     timestamptz not null default now(),
    rows_total          bigint      not null default 0,
    rows_done           bigint      not null default 0,
    inserted            bigint      not null default 0,
    already_present     bigint      not null default 0,
    rejected            bigint      not null default 0,
    totals_filled       bigint      not null default 0,
    -- The last legacy id of the last committed batch; the next batch starts after it.
    last_id             uuid,
    -- Where the current (or last) process took over, and when it last committed a batch:
    -- its rate and the time left.
    session_started_at  timestamptz not null default now(),
    session_rows_start  bigint      not null default 0,
    copied_at           timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    last_error          text,
    verified_at         timestamptz,
    verification_passed boolean,
    retired_table       text,
    finished_at         timestamptz,
    dropped_at          timestamptz,
    constraint usage_logs_migration_phase
        check (phase in ('copying', 'copied', 'finished', 'dropped')),
    constraint usage_logs_migration_counts
        check (rows_done >= 0 and inserted >= 0 and already_present >= 0 and rejected >= 0
               and totals_filled >= 0 and rows_done = inserted + already_present + rejected)
);

comment on table usage_logs_migration is
    'Progress and outcome of carrying a legacy usage_logs table into request_logs.';
comment on column usage_logs_migration.phase is
    'copying: a pass is running or was interrupted; copied: the last pass read every row;'
    ' finished: verified and renamed to retired_table; dropped: retired_table was dropped.';

-- The migration lists legacy rows that request_logs would refuse, with the broken rule's
-- comment as the reason an operator reads.
comment on constraint request_logs_request_id_length on request_logs is
    'request_id must be 1 to 255 characters.';
comment on constraint request_logs_end_user_length on request_logs is
    'end_user must be 1 to 255 characters (an empty string is not a user).';
comment on constraint request_logs_model_length on request_logs is
    'model must be 1 to 255 characters (an empty string is not a model).';
comment on constraint request_logs_status_length on request_logs is
    'status must be 1 to 32 characters.';
comment on constraint request_logs_total_cost_valid on request_logs is
    'total_cost must be a number that is not negative, not NaN and not infinite.';
comment on constraint request_logs_details_valid on request_logs is
    'Token counts must be whole numbers from 0 to 2^53-1, total_tokens at least input_tokens'
    ' + output_tokens, session_id and auth_method strings.';
