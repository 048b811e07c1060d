-- The one table of truth: what every LLM request cost.
--
-- Well-known keys inside additional_details are checked here as well as in the application, so
-- that no writer (a script, a migration, a future endpoint) can store a token count that the
-- aggregates could not add up.

create function request_log_token_count_valid(value jsonb) returns boolean
    language sql immutable parallel safe
as $$
    select case
        when value is null then true
        when jsonb_typeof(value) <> 'number' then false
        else value::numeric >= 0
            and scale(value::numeric) = 0
            and value::numeric <= 9007199254740991
    end
$$;

-- CASE rather than AND: the numeric casts must only run once the types are known good.
create function request_log_details_valid(details jsonb) returns boolean
    language sql immutable parallel safe
as $$
    select case
        when jsonb_typeof(details) <> 'object' then false
        when not (public.request_log_token_count_valid(details -> 'input_tokens')
                  and public.request_log_token_count_valid(details -> 'output_tokens')
                  and public.request_log_token_count_valid(details -> 'total_tokens')) then false
        when jsonb_typeof(coalesce(details -> 'session_id', '""')) <> 'string' then false
        when jsonb_typeof(coalesce(details -> 'auth_method', '""')) <> 'string' then false
        when details -> 'total_tokens' is null
            or details -> 'input_tokens' is null
            or details -> 'output_tokens' is null then true
        else (details ->> 'total_tokens')::numeric
            >= (details ->> 'input_tokens')::numeric + (details ->> 'output_tokens')::numeric
    end
$$;

create table request_logs (
    id                 uuid        primary key,
    request_id         text,
    created_at         timestamptz not null default now(),
    end_user           text,
    model              text,
    total_cost         numeric,
    status             text,
    additional_details jsonb       not null default '{}'::jsonb,
    -- SHA-256 of the caller's content, so a repeated request_id can be told apart from a
    -- different request reusing it.
    content_hash       bytea,
    constraint request_logs_request_id_unique unique (request_id),
    constraint request_logs_request_id_length check (char_length(request_id) between 1 and 255),
    constraint request_logs_end_user_length check (char_length(end_user) between 1 and 255),
    constraint request_logs_model_length check (char_length(model) between 1 and 255),
    constraint request_logs_status_length check (char_length(status) between 1 and 32),
    constraint request_logs_total_cost_valid
        check (total_cost >= 0 and total_cost < 'Infinity'::numeric),
    constraint request_logs_details_valid check (request_log_details_valid(additional_details))
);

comment on table request_logs is 'One row per LLM request: who, which model, tokens and cost.';
comment on column request_logs.request_id is
    'The caller''s or gateway''s id of the request; the key for idempotent writes.';
comment on column request_logs.total_cost is 'USD, exact; NULL when the price is unknown.';

-- A user's rows by time, newest first: the list endpoint's keyset order and every per-user
-- summary's range scan.
create index request_logs_end_user_created_at on request_logs (end_user, created_at desc, id desc);

-- Everyone's rows by time, for the service role's listings and ranges.
create index request_logs_created_at on request_logs (created_at desc, id desc);
