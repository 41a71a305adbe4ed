# shellcheck shell=bash
# The S3-compatible object store of the local stack (issue 9, SPEC R6): SeaweedFS, built from its Go module like the
# Temporal CLI and cached under .local/opt. Sourced by infra/local/stack; on with STACK_S3=on, which the test stack
# sets (infra/local/test-env.sh) and bin/up does not. Its first build measured 547 s user + 105 s system CPU (1739
# packages, Temporal's shared dependencies already in the Go build cache), so roughly 6 minutes on an idle 2-core
# machine (estimated from that CPU time); it took 43 minutes of wall time at load average 20–38. Later builds reuse
# the Go build cache. Measured alternative, not switched to yet: versitygw v1.8.0 (github.com/versity/versitygw, its
# posix backend) builds ./cmd/versitygw with 185 s user + 36 s system CPU from an EMPTY Go build cache (589 packages
# with the standard library, 61 MB binary) — a third of SeaweedFS's cost even though SeaweedFS had Temporal's shared
# dependencies cached — and the evidence store's S3 adapter passed a smoke test against it (bucket created, 40 MB
# multipart put, get with the right hash, 404 read as missing). Switching would need its start-up here and a run of
# test/recording-evidence-s3.e2e-spec.ts.
#
# STACK_S3=on            start it with the stack and write EVIDENCE_S3_* into the env file (EVIDENCE_STORE stays local
#                        unless set: the S3 adapter is chosen by the service's own configuration; the test stack runs a
#                        recording-svc replica on S3 beside it, see infra/local/services)
# STACK_S3_PORT (8333)   the S3 API; master, volume and filer take the next three ports, gRPC each +10000
SEAWEEDFS_VERSION="v0.0.0-20261109003541-7506e5f91cd6"
WEED_BIN="$OPT/seaweedfs/$SEAWEEDFS_VERSION/weed"
S3_PORT="${STACK_S3_PORT:-8333}"

s3_enabled() { [ "${STACK_S3:-off}" = on ]; }

# `go install` refuses this module (its go.mod has replace directives), so build inside a copy of the module.
install_seaweedfs() {
  [ -x "$WEED_BIN" ] && return
  command -v go >/dev/null || die "Go not found on PATH; it builds SeaweedFS. Fix: install Go 1.24+ and put it on PATH."
  say "building SeaweedFS $SEAWEEDFS_VERSION from its Go module (once; long on a small machine)"
  mkdir -p "$(dirname "$WEED_BIN")" "$OPT/logs"
  local log="$OPT/logs/seaweedfs-install.log" dir src
  (
    flock 8
    [ -x "$WEED_BIN" ] && exit 0
    dir="$(GOFLAGS=-mod=mod go mod download -json "github.com/seaweedfs/seaweedfs@$SEAWEEDFS_VERSION" | sed -n 's/^\t"Dir": "\(.*\)",$/\1/p')"
    [ -n "$dir" ] || exit 1
    src="$(mktemp -d)"
    cp -r "$dir/." "$src" && chmod -R u+w "$src"
    # Only ./weed. -s -w: measured, the link takes 7.5 s of CPU instead of 16 s and the binary 164 MB instead of 233 MB
    # (of 650 s of CPU for the whole build, which is compiling; -trimpath only rewrites paths, so it was not tried).
    (cd "$src" && CGO_ENABLED=0 GOFLAGS=-mod=mod go build -ldflags='-s -w' -o "$WEED_BIN.partial" ./weed) \
      && mv "$WEED_BIN.partial" "$WEED_BIN"
    local rc=$?
    rm -rf "$src"
    exit $rc
  ) 8>"$OPT/seaweedfs.lock" >"$log" 2>&1 || fail_with_log "could not build SeaweedFS" "$log"
}

# Credentials are generated once per stack directory, like the database passwords.
s3_secrets() {
  local f="$STACK_DIR/s3.env"
  if [ ! -f "$f" ]; then
    umask 077
    { echo "S3_ACCESS_KEY_ID=recording$(random_secret | head -c 8)"; echo "S3_SECRET_ACCESS_KEY=$(random_secret)"; } >"$f"
  fi
  # shellcheck disable=SC1090
  source "$f"
}

start_s3() {
  local dir="$STACK_DIR/s3" log="$LOGS/s3.log"
  install_seaweedfs
  s3_secrets
  mkdir -p "$dir/data"
  if running s3; then ok "s3 already running on :$S3_PORT"; return; fi
  local p; for p in "$S3_PORT" $((S3_PORT + 1)) $((S3_PORT + 2)) $((S3_PORT + 3)); do
    require_free_port "$p" "SeaweedFS" STACK_S3_PORT
  done
  umask 077
  printf '{"identities":[{"name":"recording","credentials":[{"accessKey":"%s","secretKey":"%s"}],"actions":["Admin","Read","Write","List","Tagging"]}]}\n' \
    "$S3_ACCESS_KEY_ID" "$S3_SECRET_ACCESS_KEY" >"$dir/s3.json"
  # The Iceberg (8181) and Lance (9101) listeners are off: we use neither, and fixed ports would collide with others'
  # (9101 is the test stack's review-svc metrics port).
  start_background s3 "$log" "$WEED_BIN" server -ip 127.0.0.1 -ip.bind 127.0.0.1 -dir "$dir/data" -volume.max 0 \
    -master.port $((S3_PORT + 1)) -volume.port $((S3_PORT + 2)) -filer -filer.port $((S3_PORT + 3)) \
    -master.volumeSizeLimitMB 1024 -s3 -s3.port "$S3_PORT" -s3.config "$dir/s3.json" \
    -s3.port.iceberg 0 -s3.port.lance 0
  wait_for "SeaweedFS S3" 120 "$log" s3 port_open "$S3_PORT"
  ok "s3 (SeaweedFS) started on :$S3_PORT"
}

s3_env_lines() {
  s3_enabled || return 0
  echo "EVIDENCE_S3_ENDPOINT=http://127.0.0.1:$S3_PORT"
  echo "EVIDENCE_S3_BUCKET=evidence"
  echo "EVIDENCE_S3_ACCESS_KEY_ID=$S3_ACCESS_KEY_ID"
  echo "EVIDENCE_S3_SECRET_ACCESS_KEY=$S3_SECRET_ACCESS_KEY"
}

s3_status() {
  if running s3; then echo "s3        running   127.0.0.1:$S3_PORT  (SeaweedFS)  pid=$(cat "$RUN/s3.pid")  log=$LOGS/s3.log"
  elif s3_enabled; then echo "s3        stopped"; return 1
  else echo "s3        off (STACK_S3=on starts it)"; fi
}
