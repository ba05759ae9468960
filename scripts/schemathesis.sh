#!/usr/bin/env bash
# Fuzzes the running API against its own /openapi.yaml with Schemathesis and its default checks:
# serve --demo on a new SQLite file, then one run as the office and one as a parent (each a fresh
# login). Fails on any server error or any response that contradicts the document.
set -euo pipefail
cd "$(dirname "$0")/.."

python_env=$(scripts/python-env.sh)
seconds=${SCHEMATHESIS_SECONDS:-120}
swift build --product sessiondesk
work=$(mktemp -d /tmp/sessiondesk-schemathesis.XXXXXX)
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
.build/debug/sessiondesk serve --demo --port "$port" --database "sqlite:$work/fuzz.sqlite" >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do
  curl -fsS "$base/ready" >/dev/null 2>&1 && break
  sleep 0.2
done

token() {
  curl -fsS -X POST "$base/api/v1/login" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$1\",\"password\":\"sessiondesk-demo\"}" | python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])'
}

# Both logins first: the runs try many wrong passwords, and login throttling would then refuse them.
office=$(token office@northside.example)
parent=$(token parent1@northside.example)
status=0
for who in office parent; do
  echo "schemathesis: as the $who for ${seconds}s"
  # logout would end the very login the run uses; login itself is throttled by design.
  SCHEMATHESIS_HOOKS=schemathesis_hooks PYTHONPATH=Tests SESSIONDESK_OPENAPI=Sources/API/openapi.yaml \
    "$python_env/bin/schemathesis" --config-file schemathesis.toml run "$base/openapi.yaml" \
    -H "Authorization: Bearer ${!who}" --exclude-operation-id logout --max-time "$seconds" --workers 2 \
    --generation-database none \
    --suppress-health-check too_slow --seed 20261123 || status=$?
done
if [ $status -ne 0 ]; then
  echo "schemathesis: the server log follows" >&2
  grep -iE "error|critical" "$work/server.log" | tail -n 50 >&2 || true
fi
exit $status
