#!/usr/bin/env bash
# The whole test suite, as the README and CI run it:
# format, lint, typecheck, unit + integration tests on embedded PGlite, the same tests on fresh databases on a
# real PostgreSQL server, a production build, the Playwright journeys in Chromium against it, and (with the
# server) the cluster test: that build as two instances behind nginx with the worker (npm run cluster).
#
#   TEST_PG_URL   server used for the PostgreSQL pass (default postgres://postgres@127.0.0.1:5432/test);
#                 each test file creates and drops its own database there.
#   SKIP_E2E=1    skip build + browser journeys + cluster test (quick local runs).
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

TEST_PG_URL="${TEST_PG_URL:-postgres://postgres@127.0.0.1:5432/test}"
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
started=$SECONDS

step "format"
npx prettier --check . --log-level warn

step "lint"
npx eslint . --max-warnings 0

step "typecheck"
npx tsc --noEmit

step "unit + integration tests on embedded PostgreSQL (PGlite)"
env -u DATABASE_URL npx vitest run

step "integration tests on PostgreSQL server ($TEST_PG_URL)"
PG_OK=""
if node -e "const c=new (require('pg').Client)({connectionString:process.argv[1]});c.connect().then(()=>c.end()).catch(()=>process.exit(1))" "$TEST_PG_URL"; then
  PG_OK=1
  DATABASE_URL="$TEST_PG_URL" npx vitest run
elif [ -n "${CI:-}" ]; then
  echo "PostgreSQL is not reachable at $TEST_PG_URL, and CI requires it." >&2
  exit 1
else
  echo "WARNING: PostgreSQL is not reachable at $TEST_PG_URL; the server pass was skipped." >&2
fi

if [ -z "${SKIP_E2E:-}" ]; then
  # A build of its own and a fresh embedded database, so a running dev server is left alone.
  export NEXT_DIST_DIR=.next-e2e
  export E2E_PGLITE_DIR=".data/e2e-pglite-$$"
  export E2E_MAIL_DIR=".data/e2e-mail-$$"
  trap 'rm -rf "$E2E_PGLITE_DIR" "$E2E_MAIL_DIR"' EXIT
  # The production server refuses to start without strong secrets: fresh ones for this run, shared by
  # both passes (playwright.config.ts passes them and SITE_URL to `next start`).
  E2E_AUTH_SECRET="$(node -e "console.log(require('crypto').randomBytes(32).toString('base64url'))")"
  E2E_EXPERIMENT_SECRET="$(node -e "console.log(require('crypto').randomBytes(32).toString('base64url'))")"
  export E2E_AUTH_SECRET E2E_EXPERIMENT_SECRET

  # Playwright cannot download its browsers on these machines; Debian's Chromium serves instead.
  if [ -z "${CHROMIUM_PATH:-}" ] && [ ! -x /usr/bin/chromium ] && ! ls "${HOME}/.cache/ms-playwright"/chromium* >/dev/null 2>&1; then
    step "installing Chromium (Debian package)"
    export DEBIAN_FRONTEND=noninteractive
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get install -y chromium || { $SUDO apt-get update && $SUDO apt-get install -y chromium; }
  fi

  step "production build"
  npx next build

  step "end-to-end journeys in Chromium (embedded PGlite)"
  CI="${CI:-1}" npx playwright test

  if [ -n "$PG_OK" ]; then
    # The same journeys with the app on the PostgreSQL server, in a database made for this run.
    E2E_DB="atelier_e2e_$$"
    E2E_DATABASE_URL="$(node -e "const u=new URL(process.argv[1]);u.pathname='/'+process.argv[2];console.log(u.toString())" "$TEST_PG_URL" "$E2E_DB")"
    psql_admin() { node -e "const c=new (require('pg').Client)({connectionString:process.argv[1]});c.connect().then(()=>c.query(process.argv[2])).then(()=>c.end())" "$TEST_PG_URL" "$1"; }
    trap 'rm -rf "$E2E_PGLITE_DIR" "$E2E_MAIL_DIR"; psql_admin "drop database if exists $E2E_DB with (force)" || true' EXIT
    psql_admin "create database $E2E_DB"
    DATABASE_URL="$E2E_DATABASE_URL" npx tsx scripts/seed.ts
    step "end-to-end journeys in Chromium (PostgreSQL server)"
    E2E_DATABASE_URL="$E2E_DATABASE_URL" CI="${CI:-1}" npx playwright test

    # The same build as two instances behind nginx, with the worker, on a database of its own
    # (scripts/cluster.ts; installs Debian's nginx-light when missing).
    step "cluster: two instances, the worker and nginx (PostgreSQL server)"
    CLUSTER_PG_URL="$TEST_PG_URL" npx tsx scripts/cluster.ts
  fi
fi

step "all passed in $((SECONDS - started)) s"
