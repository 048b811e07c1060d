-- Gateway payloads that could not become request logs, kept with the reason so nothing a
-- gateway sent is lost: a gateway does not resend a refused batch, so the good payloads of a
-- batch are stored and each bad one lands here instead.
--
-- kind 'rejected': the payload broke a rule (a fractional token count, a negative cost...).
-- kind 'conflict': its request id is already stored with different content.
--
-- The id is derived from the payload's content hash, so a bad payload delivered twice is kept
-- once, and a gateway that may not read this table still learns the id of its dead letter.

create table ingest_dead_letters (
    id           uuid        primary key,
    delivery_id  uuid        not null,
    received_at  timestamptz not null default now(),
    source       text        not null,
    position     integer     not null,
    line         integer,
    request_id   text,
    kind         text        not null,
    reason       text        not null,
    errors       jsonb       not null default '[]'::jsonb,
    -- The payload as sent, without prompts and responses unless the operator stores those.
    payload      jsonb,
    -- A line that was not JSON at all (kept only when prompts may be stored: it may hold one).
    payload_text text,
    constraint ingest_dead_letters_kind_valid check (kind in ('rejected', 'conflict')),
    constraint ingest_dead_letters_source_length check (char_length(source) between 1 and 64),
    constraint ingest_dead_letters_position_valid check (position >= 0 and line >= 1),
    constraint ingest_dead_letters_errors_array check (jsonb_typeof(errors) = 'array')
);

comment on table ingest_dead_letters is
    'Gateway payloads refused or conflicting, with the reason; readable by the service role.';

-- The service role's listing, newest first, and one delivery's letters.
create index ingest_dead_letters_received_at on ingest_dead_letters (received_at desc, id desc);
create index ingest_dead_letters_delivery on ingest_dead_letters (delivery_id);

alter table ingest_dead_letters enable row level security;
alter table ingest_dead_letters force row level security;

grant insert on ingest_dead_letters to tokenledger_ingest;
grant select, insert, delete on ingest_dead_letters to tokenledger_service;

-- Gateways leave dead letters and read none back.
create policy ingest_insert on ingest_dead_letters
    for insert to tokenledger_ingest
    with check (true);

-- The service role reads them, may send gateway batches itself, and clears handled letters.
create policy service_select on ingest_dead_letters
    for select to tokenledger_service
    using (true);

create policy service_insert on ingest_dead_letters
    for insert to tokenledger_service
    with check (true);

create policy service_delete on ingest_dead_letters
    for delete to tokenledger_service
    using (true);

create policy owner_all on ingest_dead_letters
    for all to "${flyway:user}"
    using (true) with check (true);
