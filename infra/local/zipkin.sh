# shellcheck shell=bash
# The trace backend of the local stack (issue 12, operations): Zipkin's server with its web UI, spans in memory, from
# Maven Central like Kafka (one self-contained jar, ~130 MB, cached under .local/opt). Sourced by infra/local/stack;
# on unless STACK_ZIPKIN=off. The services get OTEL_EXPORTER_ZIPKIN_ENDPOINT from the env file and send their spans
# there; with it off they trace nothing.
#
# STACK_ZIPKIN=on|off      (on)
# STACK_ZIPKIN_PORT        API and UI; default the Kafka port + 319 — 19411 for bin/up, 29411 for bin/test, so stacks
#                          side by side never share it
ZIPKIN_LIB="$OPT/zipkin"
ZIPKIN_PORT="${STACK_ZIPKIN_PORT:-$((${STACK_KAFKA_PORT:-19092} + 319))}"

zipkin_enabled() { [ "${STACK_ZIPKIN:-on}" = on ]; }
zipkin_url() { echo "http://127.0.0.1:$ZIPKIN_PORT"; }

install_zipkin() {
  zipkin_enabled || return 0
  require_java
  local stamp; stamp="$(checksum "$ROOT/infra/zipkin/pom.xml")"
  if [ -f "$ZIPKIN_LIB/.complete" ] && [ "$(cat "$ZIPKIN_LIB/.complete")" = "$stamp" ]; then return; fi
  require_maven
  mkdir -p "$OPT/logs"
  (
    # Stacks side by side share .local/opt: one fetch at a time.
    flock 8
    [ -f "$ZIPKIN_LIB/.complete" ] && [ "$(cat "$ZIPKIN_LIB/.complete")" = "$stamp" ] && exit 0
    say "installing Zipkin's server from Maven Central (once)"
    rm -rf "$ZIPKIN_LIB"; mkdir -p "$ZIPKIN_LIB"
    mvn -q -B -f "$ROOT/infra/zipkin/pom.xml" dependency:copy-dependencies -DincludeScope=runtime \
      -DoutputDirectory="$ZIPKIN_LIB" || exit 1
    echo "$stamp" >"$ZIPKIN_LIB/.complete"
  ) 8>"$OPT/zipkin.lock" >"$OPT/logs/zipkin-install.log" 2>&1 \
    || fail_with_log "could not fetch Zipkin from Maven Central" "$OPT/logs/zipkin-install.log"
}

start_zipkin() {
  local log="$LOGS/zipkin.log" jar
  if running zipkin; then ok "zipkin already running on :$ZIPKIN_PORT"; return; fi
  require_free_port "$ZIPKIN_PORT" Zipkin STACK_ZIPKIN_PORT
  jar="$(ls "$ZIPKIN_LIB"/zipkin-server-*-exec.jar 2>/dev/null | head -n 1)"
  [ -n "$jar" ] || die "Zipkin's jar is missing from $ZIPKIN_LIB. Fix: rm -rf $ZIPKIN_LIB and run infra/local/stack up again"
  # Loopback only (its UI has no sign-in); in-memory spans, the newest 200k; a small heap, C1 only: it starts in ~10 s.
  start_background zipkin "$log" env STORAGE_TYPE=mem MEM_MAX_SPANS=200000 java -Xms64m -Xmx384m -XX:+UseSerialGC \
    -XX:TieredStopAtLevel=1 -Djava.awt.headless=true -jar "$jar" \
    "--armeria.ports[0].ip=127.0.0.1" "--armeria.ports[0].port=$ZIPKIN_PORT" "--armeria.ports[0].protocols=http"
  wait_for "Zipkin" 120 "$log" zipkin curl -fsS "$(zipkin_url)/health"
  ok "zipkin started: $(zipkin_url)/zipkin/"
}

zipkin_env_lines() {
  zipkin_enabled || return 0
  echo "ZIPKIN_URL=$(zipkin_url)"
  echo "OTEL_TRACES_EXPORTER=zipkin"
  echo "OTEL_EXPORTER_ZIPKIN_ENDPOINT=$(zipkin_url)/api/v2/spans"
}

zipkin_status() {
  if running zipkin; then echo "zipkin    running   $(zipkin_url)/zipkin/  pid=$(cat "$RUN/zipkin.pid")  log=$LOGS/zipkin.log"
  elif zipkin_enabled; then echo "zipkin    stopped"; return 1
  else echo "zipkin    off (STACK_ZIPKIN=on starts it)"; fi
}
