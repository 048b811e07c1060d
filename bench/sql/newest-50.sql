-- Baseline: a user's newest page (the API reads one row more to know if there is a next page).
\set u random(0, 999)
select * from request_logs where end_user = 'user-' || :u
order by created_at desc, id desc limit 51;
