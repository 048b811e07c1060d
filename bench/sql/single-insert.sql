-- Baseline for workload 3: one request log per transaction, straight into PostgreSQL.
\set u random(0, 999)
begin;
insert into request_logs (id, created_at, end_user, model, total_cost, additional_details)
values (gen_random_uuid(), now(), 'user-' || :u, 'gpt-4o', 0.0105,
        '{"input_tokens":1200,"output_tokens":300,"total_tokens":1500,"session_id":"bench","auth_method":"jwt"}');
commit;
