#!/usr/bin/env sh
# docker-compose: registers the namespace and the custom search attributes the services use (same list as
# infra/local/stack). Runs in temporalio/admin-tools; safe to repeat.
set -eu
addr="${TEMPORAL_ADDRESS:-temporal:7233}"
ns="${TEMPORAL_NAMESPACE:-enforcement}"
until temporal operator cluster health --address "$addr" >/dev/null 2>&1; do sleep 1; done
temporal operator namespace describe --address "$addr" -n "$ns" >/dev/null 2>&1 \
  || temporal operator namespace create --address "$addr" -n "$ns" --retention 3650d
for sa in CaseNumber=Keyword UnitId=Keyword ReviewStep=Keyword AssigneeRole=Keyword StepDeadline=Datetime; do
  temporal operator search-attribute create --address "$addr" -n "$ns" --name "${sa%%=*}" --type "${sa#*=}" 2>/dev/null || true
done
