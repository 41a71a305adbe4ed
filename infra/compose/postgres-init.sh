#!/usr/bin/env bash
# docker-compose: runs once when the PostgreSQL volume is new. Same layout as infra/local/stack: one database,
# one login role and one schema per service; passwords come from the environment (compose reads them from .env).
set -euo pipefail
for svc in review recording disclosure gateway; do
  var="PG_PASSWORD_${svc^^}"
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<SQL
create role ${svc}_svc login password '${!var}';
create schema ${svc} authorization ${svc}_svc;
alter role ${svc}_svc in database "$POSTGRES_DB" set search_path = ${svc};
grant connect on database "$POSTGRES_DB" to ${svc}_svc;
SQL
done
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" -c "revoke all on database \"$POSTGRES_DB\" from public"
