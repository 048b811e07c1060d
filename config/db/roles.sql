-- The PostgreSQL roles Token Ledger needs, once per cluster, run by an administrator:
--
--   psql -h HOST -U postgres -v owner_password=... -v app_password=... -f config/db/roles.sql
--
-- Re-running it is safe: it creates what is missing and resets the roles' attributes. Passwords
-- are set when a role is created, and changed on an existing role only with
-- -v reset_passwords=true, so running the build on a shared cluster never puts the public
-- development passwords back. Without -v options it uses the documented development names and
-- passwords.
--
--   owner role   owns the schema; the application uses it only to run migrations
--   app role     the application's own connections: owns nothing, is no superuser, has no
--                BYPASSRLS, and does not inherit: it gains a caller role's rights only by
--                switching to it (set_config('role', ...)) inside a transaction
--   caller roles tokenledger_anon, tokenledger_authenticated, tokenledger_service,
--                tokenledger_ingest: cannot log in; the row-level-security policies name them

\set ON_ERROR_STOP on
\if :{?owner_role}
\else
    \set owner_role tokenledger_owner
\endif
\if :{?owner_password}
\else
    \set owner_password tokenledger_owner
\endif
\if :{?app_role}
\else
    \set app_role tokenledger_app
\endif
\if :{?app_password}
\else
    \set app_password tokenledger_app
\endif
\if :{?reset_passwords}
\else
    \set reset_passwords false
\endif

select format('create role %I with login password %L', name, password)
from (values (:'owner_role', :'owner_password'), (:'app_role', :'app_password'))
    as login(name, password)
where not exists (select from pg_roles where rolname = name)
\gexec

select format('create role %I', name)
from unnest(array['tokenledger_anon', 'tokenledger_authenticated', 'tokenledger_service',
                  'tokenledger_ingest']) as name
where not exists (select from pg_roles where rolname = name)
\gexec

alter role :"owner_role" with login nosuperuser nobypassrls;
alter role :"app_role" with login noinherit nosuperuser nobypassrls nocreatedb nocreaterole;
\if :reset_passwords
    alter role :"owner_role" with password :'owner_password';
    alter role :"app_role" with password :'app_password';
\endif
alter role tokenledger_anon with nologin nobypassrls;
alter role tokenledger_authenticated with nologin nobypassrls;
alter role tokenledger_service with nologin nobypassrls;
alter role tokenledger_ingest with nologin nobypassrls;

select format('grant %I to %I', name, :'app_role')
from unnest(array['tokenledger_anon', 'tokenledger_authenticated', 'tokenledger_service',
                  'tokenledger_ingest']) as name
where not pg_has_role(:'app_role', name, 'MEMBER')
\gexec

-- A runaway query or a forgotten transaction must not hold a pooled connection for long.
alter role :"app_role" set statement_timeout = '30s';
alter role :"app_role" set idle_in_transaction_session_timeout = '60s';
