-- Creates the application's database, owned by the owner role, if it does not exist:
--
--   psql -h HOST -U postgres -v db_name=tokenledger -f config/db/database.sql
--
-- With -v recreate=true it drops the database first (the test run uses this for a clean slate).

\set ON_ERROR_STOP on
\if :{?db_name}
\else
    \set db_name tokenledger
\endif
\if :{?owner_role}
\else
    \set owner_role tokenledger_owner
\endif
\if :{?recreate}
\else
    \set recreate false
\endif

\if :recreate
    select format('drop database if exists %I with (force)', :'db_name')
    \gexec
\endif

select format('create database %I owner %I', :'db_name', :'owner_role')
where not exists (select from pg_database where datname = :'db_name')
\gexec
