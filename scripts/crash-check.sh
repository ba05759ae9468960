#!/usr/bin/env bash
# Kills `serve` with SIGKILL under load and checks that every answered move survived whole and no
# refused one left anything (Tests/crash/crash_check.py says what is checked): on a new SQLite file,
# and on a new database of a throwaway PostgreSQL cluster when PostgreSQL is installed.
set -euo pipefail
cd "$(dirname "$0")/.."

python_env=$(scripts/python-env.sh)
binary=${SESSIONDESK_BINARY:-.build/debug/sessiondesk}
[ -x "$binary" ] || swift build --product sessiondesk
work=$(mktemp -d /tmp/sessiondesk-crash.XXXXXX)
trap 'rm -rf "$work"' EXIT
"$python_env/bin/python" Tests/crash/crash_check.py "$binary" "sqlite:$work/crash.sqlite"
if ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then
  scripts/with-postgres.sh bash -c '
    psql "$SESSIONDESK_TEST_POSTGRES_URL" -qc "CREATE DATABASE crash" &&
    '"$python_env/bin/python"' Tests/crash/crash_check.py "'"$binary"'" "${SESSIONDESK_TEST_POSTGRES_URL%/*}/crash?sslmode=disable"'
else
  echo "crash-check: PostgreSQL is not installed, so only SQLite was checked." >&2
fi
