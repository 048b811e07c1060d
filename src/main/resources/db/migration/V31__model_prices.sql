-- The price catalog: what a model costs per token, from a date on. Gateways that send no cost
-- (or a zero cost for tokens used) have it computed from here; rows without a price stay
-- unpriced (NULL cost), never 0.
--
-- model_pattern is an exact model name or a pattern where * stands for any characters
-- ('gpt-4o*', 'anthropic/*'). An exact name beats a pattern, a longer pattern beats a shorter
-- one, and for the same pattern the latest valid_from on or before the request's UTC date wins.

create table model_prices (
    id                 uuid        primary key,
    model_pattern      text        not null,
    -- The pattern as a LIKE pattern: % and _ taken literally, * as any characters.
    like_pattern       text        not null generated always as (
        replace(replace(replace(replace(model_pattern, '\', '\\'), '%', '\%'), '_', '\_'),
                '*', '%')) stored,
    input_price        numeric     not null,
    output_price       numeric     not null,
    -- NULL: cached input tokens cost the same as other input tokens.
    cached_input_price numeric,
    valid_from         date        not null,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    constraint model_prices_pattern_length check (char_length(model_pattern) between 1 and 255),
    constraint model_prices_input_price_valid
        check (input_price >= 0 and input_price < 'Infinity'::numeric),
    constraint model_prices_output_price_valid
        check (output_price >= 0 and output_price < 'Infinity'::numeric),
    constraint model_prices_cached_input_price_valid
        check (cached_input_price >= 0 and cached_input_price < 'Infinity'::numeric),
    constraint model_prices_pattern_valid_from_unique unique (model_pattern, valid_from)
);

comment on table model_prices is 'USD per token by model name or pattern, from valid_from (UTC).';

alter table model_prices enable row level security;
alter table model_prices force row level security;

grant select, insert, update, delete on model_prices to tokenledger_service;

-- Only the service role manages and reads the catalog.
create policy service_all on model_prices
    for all to tokenledger_service
    using (true) with check (true);

create policy owner_all on model_prices
    for all to "${flyway:user}"
    using (true) with check (true);

-- The cost of one request from the catalog, or no row when no price applies or the token
-- counts are unknown. The one place the formula lives: ingestion and recomputation both call
-- it. Security definer, so a gateway (which may not read the catalog) learns only the cost.
-- Cached input tokens are part of the input tokens, billed at the cached price. Exact: numeric
-- throughout, trailing zeros trimmed.
create function model_price_quote(asked_model text, asked_at timestamptz, asked_input bigint,
                                  asked_output bigint, asked_cached bigint)
    returns table (price_id uuid, cost numeric)
    language sql stable security definer
    set search_path = pg_catalog, pg_temp
as $$
    select price.id,
           trim_scale((asked_input - cached.tokens) * price.input_price
                      + cached.tokens * coalesce(price.cached_input_price, price.input_price)
                      + asked_output * price.output_price)
    from (select least(greatest(coalesce(asked_cached, 0), 0), asked_input) as tokens) as cached,
         lateral (select p.id, p.input_price, p.output_price, p.cached_input_price
                  from public.model_prices p
                  where asked_model like p.like_pattern
                    and p.valid_from <= (asked_at at time zone 'UTC')::date
                  order by strpos(p.model_pattern, '*') = 0 desc,
                           char_length(p.model_pattern) desc,
                           p.valid_from desc
                  limit 1) as price
    where asked_model is not null and asked_at is not null
      and asked_input is not null and asked_output is not null
$$;

revoke all on function model_price_quote(text, timestamptz, bigint, bigint, bigint) from public;
grant execute on function model_price_quote(text, timestamptz, bigint, bigint, bigint)
    to tokenledger_service, tokenledger_ingest;
