-- The duplicate check answered by request_id alone. A write that asks about one request_id with
-- two fingerprints (concurrent retries of one id, some with other content, folded into one group
-- commit or one gateway delivery) could not tell which fingerprint matched the stored row, so the
-- application compared each repeat with the first row of its batch instead of the stored one and
-- answered retries of the stored content as conflicts. Each answer now names the position of the
-- asked row it belongs to (from 1); the other columns are unchanged.
drop function request_log_duplicates(text[], bytea[], text);

create function request_log_duplicates(request_ids text[], content_hashes bytea[],
                                       in_scope text)
    returns table (request_id text, id uuid, same_content boolean, asked_position bigint)
    language sql stable security definer
    set search_path = pg_catalog, pg_temp
as $$
    select stored.request_id, stored.id, stored.content_hash is not distinct from asked.content_hash,
           asked.ordinal
    from unnest(request_ids, content_hashes) with ordinality
        as asked(request_id, content_hash, ordinal)
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

revoke all on function request_log_duplicates(text[], bytea[], text) from public;
grant execute on function request_log_duplicates(text[], bytea[], text)
    to tokenledger_anon, tokenledger_authenticated, tokenledger_service, tokenledger_ingest;
