-- Baseline: the summary query the API runs for group_by=model over May 2025.
\set u random(0, 999)
select key, grouping(key) = 1 as is_total, count(*), coalesce(sum(input_tokens), 0),
       coalesce(sum(output_tokens), 0), coalesce(sum(total_tokens), 0),
       sum(total_cost), count(*) filter (where total_cost is null)
from (select model as key, (additional_details ->> 'input_tokens')::bigint as input_tokens,
             (additional_details ->> 'output_tokens')::bigint as output_tokens,
             (additional_details ->> 'total_tokens')::bigint as total_tokens, total_cost
      from request_logs
      where end_user = 'user-' || :u and created_at >= '2025-05-01' and created_at < '2025-06-01') u
group by grouping sets ((), (key)) order by grouping(key) desc, key nulls last;
