-- The PostgreSQL roles Token Ledger needs, once per cluster, run by an administrator:
--
--   psql -h HOST -U postgres -v owner_password=... -v app_password=... -f config/db/roles.sql
--
-- Re-running it is safe: it creates what is missing and resets passwords and attributes.
-- Without -v options it uses the documented development names and passwords.
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

select format('create role %I', name)
from unnest(array[:'owner_role', :'app_role', 'tokenledger_anon', 'tokenledger_authenticated',
                  'tokenledger_service', 'tokenledger_ingest']) as name
where not exists (select from pg_roles where rolname = name)
\gexec

alter role :"owner_role" with login nosuperuser nobypassrls password :'owner_password';
alter role :"app_role" with login noinherit nosuperuser nobypassrls nocreatedb nocreaterole
    password :'app_password';
alter role tokenledger_anon with nologin nobypassrls;
alter role tokenledger_authenticated with nologin nobypassrls;
alter role tokenledger_service with nologin nobypassrls;
alter role tokenledger_ingest with nologin nobypassrls;

grant tokenledger_anon, tokenledger_authenticated, tokenledger_service, tokenledger_ingest
    to :"app_role";

-- A runaway query or a forgotten transaction must not hold a pooled connection for long.
alter role :"app_role" set statement_timeout = '30s';
alter role :"app_role" set idle_in_transaction_session_timeout = '60s';
