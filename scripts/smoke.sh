#!/usr/bin/env bash
# The README's quick start, checked for real: `serve --demo` on a new SQLite file, then the
# documented curl calls log in as a parent and list free slots.
set -euo pipefail
cd "$(dirname "$0")/.."

swift build --product sessiondesk
work=$(mktemp -d /tmp/sessiondesk-smoke.XXXXXX)
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
.build/debug/sessiondesk serve --demo --port "$port" --database "sqlite:$work/smoke.sqlite" >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$work"' EXIT

for _ in $(seq 1 100); do
  curl -fsS "$base/ready" >/dev/null 2>&1 && break
  sleep 0.2
done
curl -fsS "$base/ready" >/dev/null || { cat "$work/server.log"; echo "smoke: the server did not become ready" >&2; exit 1; }

token=$(curl -fsS -X POST "$base/api/v1/login" -H 'Content-Type: application/json' \
  -d '{"email":"parent1@northside.example","password":"sessiondesk-demo"}' | python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])')
engagement=$(curl -fsS "$base/api/v1/engagements" -H "Authorization: Bearer $token" | python3 -c 'import json, sys; print(json.load(sys.stdin)["items"][0]["id"])')
from=$(date -u +%F)
to=$(date -u -d '+13 days' +%F)
slots=$(curl -fsS "$base/api/v1/engagements/$engagement/free-slots?from=$from&to=$to" -H "Authorization: Bearer $token" \
  | python3 -c 'import json, sys; print(len(json.load(sys.stdin)["slots"]))')
[ "$slots" -gt 0 ] || { echo "smoke: no free slots offered to parent1" >&2; exit 1; }
curl -fsS "$base/openapi.yaml" | head -n 1 | grep -q '^openapi: 3.1' || { echo "smoke: /openapi.yaml is not served" >&2; exit 1; }
echo "smoke: serve --demo answered; parent1 sees $slots free slots between $from and $to"
