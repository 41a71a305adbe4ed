# Sourced by bin/test and tools/e2e-run: the test stack lives in .local/stack-test on its own ports, so it never
# disturbs a running bin/up. ROOT must be set by the caller.
export STACK_DIR="$ROOT/.local/stack-test"
export STACK_PG_PORT="${TEST_PG_PORT:-55433}" STACK_KAFKA_PORT="${TEST_KAFKA_PORT:-29092}"
export STACK_KAFKA_CONTROLLER_PORT="${TEST_KAFKA_CONTROLLER_PORT:-29093}" STACK_TEMPORAL_PORT="${TEST_TEMPORAL_PORT:-7243}"
export STACK_TEMPORAL_UI_PORT="${TEST_TEMPORAL_UI_PORT:-8243}" STACK_DB_NAME=enforcement_test
export GATEWAY_PORT=3100 REVIEW_PORT=3101 RECORDING_PORT=3102 DISCLOSURE_PORT=3103 NODE_ENV=test LOG_LEVEL=warn
export STACK_ENV_FILE="$STACK_DIR/stack.env"
# The evidence flow against a real S3 server (R6): SeaweedFS on its own ports, and a replica of recording-svc whose
# evidence store is S3 behind a gateway of its own (infra/local/services starts the pair when these are set).
export STACK_S3=on STACK_S3_PORT="${TEST_S3_PORT:-28333}" RECORDING_S3_PORT=3104 GATEWAY_S3_PORT=3105
# Two gateways on one database, as a cluster runs its replicas: their rate limits count in PostgreSQL, shared (issue 12).
export RATE_LIMIT_STORE=postgres
# The agency's OpenID Connect provider as the sign-in browser test runs it (test/web/oidc-provider.mjs, started by the
# test on this port), and how every service reads its access tokens (libs/platform/src/auth/oidc.ts): the audience,
# the claims holding the groups and the department, and the group name mapped to a role.
export OIDC_ISSUER="${OIDC_ISSUER:-http://127.0.0.1:${TEST_OIDC_PORT:-3106}}" OIDC_CLIENT_ID=enforcement-web \
  OIDC_SCOPE="openid profile api" OIDC_AUDIENCE=urn:enforcement:api OIDC_ROLES_CLAIM=groups OIDC_UNIT_CLAIM=dept \
  OIDC_ROLE_MAP='{"执法人员":"officer"}'
