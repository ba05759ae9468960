#!/usr/bin/env bash
# The README's quick start, checked for real: `serve --demo` on a new SQLite file, then the
# documented curl calls log in as a parent and list free slots.
set -euo pipefail
cd "$(dirname "$0")/.."

. scripts/demo-server.sh

token=$(demo_token parent1@northside.example)
engagement=$(curl -fsS "$base/api/v1/engagements" -H "Authorization: Bearer $token" | python3 -c 'import json, sys; print(json.load(sys.stdin)["items"][0]["id"])')
from=$(date -u +%F)
to=$(date -u -d '+13 days' +%F)
slots=$(curl -fsS "$base/api/v1/engagements/$engagement/free-slots?from=$from&to=$to" -H "Authorization: Bearer $token" \
  | python3 -c 'import json, sys; print(len(json.load(sys.stdin)["slots"]))')
[ "$slots" -gt 0 ] || { echo "smoke: no free slots offered to parent1" >&2; exit 1; }
curl -fsS "$base/openapi.yaml" | head -n 1 | grep -q '^openapi: 3.1' || { echo "smoke: /openapi.yaml is not served" >&2; exit 1; }
echo "smoke: serve --demo answered; parent1 sees $slots free slots between $from and $to"
