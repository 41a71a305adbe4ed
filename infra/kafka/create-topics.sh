#!/usr/bin/env bash
# docker-compose: creates every topic of infra/kafka/topics with the broker image's own tool (idempotent).
set -euo pipefail
bootstrap="${KAFKA_BOOTSTRAP:-kafka:9092}"
topics_file="${1:-/topics}"
grep -vE '^\s*(#|$)' "$topics_file" | while read -r name partitions config _; do
  args=(--bootstrap-server "$bootstrap" --create --if-not-exists --topic "$name" --partitions "$partitions" --replication-factor 1)
  if [ -n "${config:-}" ]; then
    IFS=',' read -ra kvs <<<"$config"
    for kv in "${kvs[@]}"; do args+=(--config "$kv"); done
  fi
  /opt/kafka/bin/kafka-topics.sh "${args[@]}"
done
