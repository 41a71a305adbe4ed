# Shared helpers of the local scripts (sourced, not run). Every failure ends in one line that names the fix.
# shellcheck shell=bash

OPT="${STACK_OPT_DIR:-$ROOT/.local/opt}"   # installed software, shared by every stack directory
[ -n "${JAVA_HOME:-}" ] && PATH="$JAVA_HOME/bin:$PATH"

say() { printf '  %s\n' "$*" >&2; }
ok() { printf '✔ %s\n' "$*" >&2; }
die() { printf '✘ %s\n' "$*" >&2; exit 1; }

# Prints the end of a server's log, then fails with one line.
fail_with_log() {
  local msg="$1" log="$2"
  if [ -f "$log" ]; then
    printf -- '--- last lines of %s ---\n' "$log" >&2
    tail -n 15 "$log" >&2
    printf -- '---\n' >&2
  fi
  die "$msg (full log: $log)"
}

apt_install() {
  [ "$(id -u)" = 0 ] || die "$* is not installed. Fix: sudo apt-get install -y $*"
  say "installing $* from Debian packages"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"; } >"${TMPDIR:-/tmp}/apt-$$.log" 2>&1 \
    || fail_with_log "apt-get could not install $*" "${TMPDIR:-/tmp}/apt-$$.log"
}

require_java() {
  command -v java >/dev/null \
    || die "Java not found (Kafka and Temporal's test server run on it). Fix: apt-get install -y openjdk-17-jre-headless, or set JAVA_HOME to a JDK 17+."
  local v; v="$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1)"
  [ "${v:-0}" -ge 17 ] || die "Java $v found, 17+ needed. Fix: apt-get install -y openjdk-17-jre-headless, or set JAVA_HOME to a JDK 17+."
}

require_maven() {
  command -v mvn >/dev/null || apt_install maven
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

who_listens() {
  command -v ss >/dev/null || return 0
  ss -ltnpH "sport = :$1" 2>/dev/null | sed -n 's/.*users:((\("[^"]*",pid=[0-9]*\).*/ by \1/p' | head -n 1
}

require_free_port() {
  local port="$1" what="$2" var="$3"
  if port_open "$port"; then
    die "$what port $port is already in use$(who_listens "$port"). Fix: stop that process, or choose another port with $var=<free port>."
  fi
}

running() {
  local pidfile="$RUN/$1.pid"
  [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null
}

# Starts a server detached from this shell (its own session), logging to a file; its pid goes to $RUN/<name>.pid.
start_background() {
  local name="$1" log="$2"; shift 2
  mkdir -p "$RUN"
  # 9>&-: a server outlives the script that started it, so it must not keep the stack lock (fd 9 of bin/test and
  # tools/e2e-run) open, or the lock would stay held after the run.
  setsid "$@" >>"$log" 2>&1 </dev/null 9>&- &
  echo $! >"$RUN/$name.pid"
}

# Stops a server started by start_background: TERM, then KILL after a grace period; leaves no process behind.
stop_background() {
  local name="$1" pidfile="$RUN/$1.pid" pid i
  [ -f "$pidfile" ] || return 0
  pid="$(cat "$pidfile")"
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for i in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
    ok "$name stopped"
  fi
  rm -f "$pidfile"
}

# wait_for WHAT SECONDS LOG PIDNAME CHECK...: polls CHECK until it succeeds; fails fast if the server died.
wait_for() {
  local what="$1" secs="$2" log="$3" name="$4"; shift 4
  local deadline=$((SECONDS + secs))
  until "$@" >/dev/null 2>&1; do
    running "$name" || fail_with_log "$what exited during start-up" "$log"
    [ "$SECONDS" -lt "$deadline" ] || fail_with_log "$what did not become ready within ${secs}s" "$log"
    sleep 0.5
  done
}

checksum() { sha256sum "$1" | cut -c1-16; }
random_secret() { head -c 24 /dev/urandom | base64 | tr -d '/+=' | cut -c1-32; }
redact_url() { echo "$1" | sed -E 's#(://[^:/@]*):[^@]*@#\1:***@#'; }
