-- The duplicate check joined the asked ids to request_logs, and the planner was free to scan the
-- caller's whole scope and filter it by id. It did whenever statistics said a scope was small,
-- and a gateway's scope ('ingest') soon holds most rows: each delivery then read all of them, so
-- ingest slowed as the ledger grew (a 512-payload delivery took ~0.9 s at 100,000 rows).
-- Probing the unique index once per asked id costs the same whatever the statistics say;
-- OFFSET 0 keeps the planner from flattening the probe back into a join.
create or replace function request_log_duplicates(request_ids text[], content_hashes bytea[],
                                                  in_scope text)
    returns table (request_id text, id uuid, same_content boolean)
    language sql stable security definer
    set search_path = pg_catalog, pg_temp
as $$
    select stored.request_id, stored.id, stored.content_hash is not distinct from asked.content_hash
    from unnest(request_ids, content_hashes) as asked(request_id, content_hash)
    cross join lateral (
        select probed.request_id, probed.id, probed.content_hash
        from public.request_logs probed
        where probed.request_scope = case
                  when current_setting('role', true) = 'tokenledger_service' and in_scope is not null
                  then in_scope
                  else public.request_log_caller_scope()
              end
          and probed.request_id = asked.request_id
        offset 0
    ) stored
$$;
