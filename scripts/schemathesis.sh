#!/usr/bin/env bash
# Fuzzes the running API against its own /openapi.yaml with Schemathesis and its default checks:
# serve --demo on a new SQLite file, then one run as the office, one as a tutor and one as a parent
# (each a fresh login). The document's links lead the stateful phase from a created request or
# session to the moves on it. Fails on any server error or any response that contradicts the
# document.
set -euo pipefail
cd "$(dirname "$0")/.."

python_env=$(scripts/python-env.sh)
seconds=${SCHEMATHESIS_SECONDS:-120}
. scripts/demo-server.sh

# Both logins first: the runs try many wrong passwords, and login throttling would then refuse them.
office=$(demo_token office@northside.example)
tutor=$(demo_token tutor1@northside.example)
parent=$(demo_token parent1@northside.example)
status=0
for who in office tutor parent; do
  echo "schemathesis: as the $who for ${seconds}s"
  # logout would end the very login the run uses; login itself is throttled by design. One worker:
  # with two, Hypothesis parses source for its filters' descriptions in two threads at once, which
  # Python 3.11's ast module does not survive ("AST constructor recursion depth mismatch").
  SCHEMATHESIS_HOOKS=schemathesis_hooks PYTHONPATH=Tests SESSIONDESK_OPENAPI=Sources/API/openapi.yaml \
    "$python_env/bin/schemathesis" --config-file schemathesis.toml run "$base/openapi.yaml" \
    -H "Authorization: Bearer ${!who}" --exclude-operation-id logout --max-time "$seconds" --workers 1 \
    --generation-database none \
    --suppress-health-check too_slow --seed "${SCHEMATHESIS_SEED:-20261123}" || status=$?
done
if [ $status -ne 0 ]; then
  echo "schemathesis: the server log follows" >&2
  grep -iE "error|critical" "$work/server.log" | tail -n 50 >&2 || true
fi
exit $status
