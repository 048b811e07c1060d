-- The second wall: the access rules, enforced by PostgreSQL under the application.
--
-- The application logs in as the runtime role (${runtime_role}), which owns nothing. At the
-- start of every transaction it switches to the caller's role with set_config('role', ...,
-- true) and states the user id in the transaction-local setting tokenledger.user_id. Each
-- policy names the role it is for; a role no policy names sees no rows and writes none.
-- The roles themselves are created by config/db/roles.sql.

alter table request_logs enable row level security;
alter table request_logs force row level security;

-- No identity set: the runtime role itself may run statements, which find no rows and whose
-- inserts every policy refuses.
grant select, insert on request_logs to "${runtime_role}";

grant insert on request_logs to tokenledger_anon;
grant select, insert on request_logs to tokenledger_authenticated;
grant select, insert, update, delete on request_logs to tokenledger_service;
grant insert on request_logs to tokenledger_ingest;

-- Anonymous callers may insert; their rows are marked so they can be told apart.
create policy anon_insert on request_logs
    for insert to tokenledger_anon
    with check (additional_details ->> 'auth_method' = 'anon');

-- Authenticated users may insert rows as themselves only. The setting is read once per
-- statement (the sub-select becomes an InitPlan), not once per row.
create policy authenticated_insert_own on request_logs
    for insert to tokenledger_authenticated
    with check (end_user = (select current_setting('tokenledger.user_id', true)));

-- Authenticated users see only their own rows.
create policy authenticated_select_own on request_logs
    for select to tokenledger_authenticated
    using (end_user = (select current_setting('tokenledger.user_id', true)));

-- The service role sees and does everything.
create policy service_all on request_logs
    for all to tokenledger_service
    using (true) with check (true);

-- Gateways insert for any end user and read nothing.
create policy ingest_insert on request_logs
    for insert to tokenledger_ingest
    with check (true);

-- The owner runs migrations and the duplicate lookup below.
create policy owner_all on request_logs
    for all to "${flyway:user}"
    using (true) with check (true);

-- Whether request ids are already stored, and with the same content. Callers that cannot read
-- the rows (anonymous, ingest) learn only the stored id and whether their content matches:
-- enough to answer a retry, nothing of the row itself.
create function request_log_duplicates(request_ids text[], content_hashes bytea[])
    returns table (request_id text, id uuid, same_content boolean)
    language sql stable security definer
    set search_path = pg_catalog, pg_temp
as $$
    select stored.request_id, stored.id, stored.content_hash is not distinct from asked.content_hash
    from unnest(request_ids, content_hashes) as asked(request_id, content_hash)
    join public.request_logs stored on stored.request_id = asked.request_id
$$;

revoke all on function request_log_duplicates(text[], bytea[]) from public;
grant execute on function request_log_duplicates(text[], bytea[])
    to tokenledger_anon, tokenledger_authenticated, tokenledger_service, tokenledger_ingest;
