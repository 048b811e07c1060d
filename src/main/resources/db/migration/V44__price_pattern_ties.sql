-- Two patterns of the same length can both match a model (t2x-a* and t2x-*b for t2x-ab) with
-- the same valid_from; the quote then depended on the order the rows happened to be read in.
-- The pattern first in code-point order (collation "C", the same on every server) now wins.
create or replace function model_price_quote(asked_model text, asked_at timestamptz,
                                             asked_input bigint,
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
                           p.valid_from desc,
                           p.model_pattern collate "C"
                  limit 1) as price
    where asked_model is not null and asked_at is not null
      and asked_input is not null and asked_output is not null
$$;
