#!/usr/bin/env bash
# The whole test suite: unit, storage and HTTP tests on SQLite and a throwaway PostgreSQL cluster,
# a smoke test of the README's quick start against a real server, delivery under faults, serve
# killed under load (every answered move must survive whole), Schemathesis against the running
# API's own OpenAPI document, then the web app walked through in a real browser.
set -euo pipefail
cd "$(dirname "$0")/.."

swift build --build-tests
# The mail tests talk to a real SMTP server (aiosmtpd) run by this Python.
SESSIONDESK_TEST_PYTHON="$(scripts/python-env.sh)/bin/python"
export SESSIONDESK_TEST_PYTHON
if [ -n "${SESSIONDESK_TEST_POSTGRES_URL:-}" ]; then
  swift test --skip-build
elif ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then
  scripts/with-postgres.sh swift test --skip-build
else
  echo "test: PostgreSQL is not installed, so only the SQLite half runs (CI installs it and runs both)." >&2
  swift test --skip-build
fi
scripts/smoke.sh
scripts/delivery-faults.sh
scripts/crash-check.sh
scripts/schemathesis.sh
scripts/browser.sh
