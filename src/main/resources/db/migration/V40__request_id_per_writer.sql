-- A request_id is its writer's own key. It was unique across the whole table, so a caller who
-- reused someone else's id was answered "duplicate" with the other's row id, or refused, and
-- an anonymous caller could claim ids in advance to block other writers. Now each writer has
-- its own namespace (request_scope): one user, all anonymous callers, all gateways, or the
-- service role. Whether an id is stored is only ever looked up in the caller's own namespace.

alter table request_logs add column request_scope text;

update request_logs
set request_scope = case additional_details ->> 'auth_method'
        when 'jwt' then 'user:' || end_user
        when 'anon' then 'anon'
        when 'ingest' then 'ingest'
        else 'service'
    end
where request_id is not null;

alter table request_logs drop constraint request_logs_request_id_unique;

create unique index request_logs_request_scope_request_id
    on request_logs (request_scope, request_id) where request_id is not null;

alter table request_logs add constraint request_logs_request_scope_with_request_id
    check ((request_id is null) = (request_scope is null));

comment on column request_logs.request_scope is
    'Whose request_id this is: user:<id>, anon, ingest or service.';

-- The namespace of the transaction's caller, from the identity the application set.
create function request_log_caller_scope() returns text
    language sql stable
as $$
    select case current_setting('role', true)
        when 'tokenledger_authenticated' then 'user:' || current_setting('tokenledger.user_id', true)
        when 'tokenledger_anon' then 'anon'
        when 'tokenledger_ingest' then 'ingest'
        when 'tokenledger_service' then 'service'
    end
$$;

-- Callers write ids into their own namespace only; gateways mark their rows as theirs.
drop policy anon_insert on request_logs;
create policy anon_insert on request_logs
    for insert to tokenledger_anon
    with check (additional_details ->> 'auth_method' = 'anon'
                and (request_scope is null or request_scope = 'anon'));

drop policy authenticated_insert_own on request_logs;
create policy authenticated_insert_own on request_logs
    for insert to tokenledger_authenticated
    with check (end_user = (select current_setting('tokenledger.user_id', true))
                and (request_scope is null
                     or request_scope = 'user:' || (select current_setting('tokenledger.user_id', true))));

drop policy ingest_insert on request_logs;
create policy ingest_insert on request_logs
    for insert to tokenledger_ingest
    with check (additional_details ->> 'auth_method' = 'ingest'
                and (request_scope is null or request_scope = 'ingest'));

-- The lookup of stored ids, now within the caller's own namespace: nobody learns anything of
-- another writer's ids. Only the service role may name another namespace (it reposts a
-- gateway's dead letters in the gateways' namespace).
drop function request_log_duplicates(text[], bytea[]);

create function request_log_duplicates(request_ids text[], content_hashes bytea[],
                                       in_scope text)
    returns table (request_id text, id uuid, same_content boolean)
    language sql stable security definer
    set search_path = pg_catalog, pg_temp
as $$
    select stored.request_id, stored.id, stored.content_hash is not distinct from asked.content_hash
    from unnest(request_ids, content_hashes) as asked(request_id, content_hash)
    join public.request_logs stored
        on stored.request_scope = case
               when current_setting('role', true) = 'tokenledger_service' and in_scope is not null
               then in_scope
               else public.request_log_caller_scope()
           end
        and stored.request_id = asked.request_id
$$;

revoke all on function request_log_duplicates(text[], bytea[], text) from public;
grant execute on function request_log_duplicates(text[], bytea[], text)
    to tokenledger_anon, tokenledger_authenticated, tokenledger_service, tokenledger_ingest;
