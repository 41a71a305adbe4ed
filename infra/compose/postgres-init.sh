#!/usr/bin/env bash
# docker-compose: runs once when the PostgreSQL volume is new. Same layout as infra/local/stack: one database and,
# per service, one schema with two login roles: <svc>_owner owns the schema and applies the migrations (the compose
# service <svc>-migrate), <svc>_svc is the running service — it may read and write rows but never change the schema,
# and on append-only tables (libs/platform makeAppendOnly revokes the rest) only read and insert (C3).
# Passwords come from the environment (compose reads them from .env). A volume made with the earlier one-role layout
# (no <svc>_owner) is converted by infra/local/stack's bootstrap SQL; see docs/operations.md.
set -euo pipefail
for svc in review recording disclosure gateway; do
  var="PG_PASSWORD_${svc^^}" owner_var="PG_PASSWORD_${svc^^}_OWNER"
  psql -v ON_ERROR_STOP=1 --single-transaction --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<SQL
create role ${svc}_owner login password '${!owner_var}';
create role ${svc}_svc login password '${!var}';
create schema ${svc} authorization ${svc}_owner;
revoke all on schema ${svc} from public;
grant usage on schema ${svc} to ${svc}_svc;
alter default privileges for role ${svc}_owner in schema ${svc} grant select, insert, update, delete on tables to ${svc}_svc;
alter default privileges for role ${svc}_owner in schema ${svc} grant usage, select on sequences to ${svc}_svc;
alter role ${svc}_owner in database "$POSTGRES_DB" set search_path = ${svc};
alter role ${svc}_svc in database "$POSTGRES_DB" set search_path = ${svc};
grant connect on database "$POSTGRES_DB" to ${svc}_owner, ${svc}_svc;
SQL
done
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" -c "revoke all on database \"$POSTGRES_DB\" from public"
