#!/usr/bin/env bash
# The README's quick start, checked for real: `serve --demo` on a new SQLite file, then the
# documented curl calls log in as a parent and list free slots; a request made then reaches the
# tutor as an .eml file (no SMTP server is configured, so mail goes to a folder) and the parent,
# who chose text messages, as a text through a stand-in SMS gateway (Tests/sms/gateway.py).
set -euo pipefail
cd "$(dirname "$0")/.."

texts=$(mktemp /tmp/sessiondesk-texts.XXXXXX)
exec 3< <(python3 Tests/sms/gateway.py --port 0 --out "$texts" --account AC0smoke --token smoke-secret)
gateway=$!
read -r sms_port <&3
export SESSIONDESK_SMS_URL="http://AC0smoke:smoke-secret@127.0.0.1:$sms_port" SESSIONDESK_SMS_FROM="+15005550006"
. scripts/demo-server.sh
trap 'kill $server $gateway 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$work" "$texts"' EXIT

token=$(demo_token parent1@northside.example)
curl -fsS -X PUT "$base/api/v1/me/notification-settings" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d '{"notifyBy":"sms","phone":"+44 7700 900555"}' >/dev/null
engagement=$(curl -fsS "$base/api/v1/engagements" -H "Authorization: Bearer $token" | python3 -c 'import json, sys; print(json.load(sys.stdin)["items"][0]["id"])')
from=$(date -u +%F)
to=$(date -u -d '+13 days' +%F)
free=$(curl -fsS "$base/api/v1/engagements/$engagement/free-slots?from=$from&to=$to" -H "Authorization: Bearer $token")
slots=$(python3 -c 'import json, sys; print(len(json.load(sys.stdin)["slots"]))' <<<"$free")
[ "$slots" -gt 0 ] || { echo "smoke: no free slots offered to parent1" >&2; exit 1; }
start=$(python3 -c 'import json, sys; print(json.load(sys.stdin)["slots"][0]["start"])' <<<"$free")
curl -fsS -X POST "$base/api/v1/session-requests" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d "{\"engagementId\":\"$engagement\",\"start\":\"$start\",\"note\":\"From the smoke test\"}" >/dev/null
for _ in $(seq 1 50); do
  grep -qs "From the smoke test" "$work"/mail/*.eml && break
  sleep 0.2
done
grep -qs "From the smoke test" "$work"/mail/*.eml || { echo "smoke: the request's notification was not written to $work/mail" >&2; exit 1; }
for _ in $(seq 1 50); do
  grep -qs '"To": "+447700900555"' "$texts" && break
  sleep 0.2
done
grep -qs '"To": "+447700900555"' "$texts" || { echo "smoke: parent1's text did not reach the SMS gateway" >&2; cat "$texts" >&2; exit 1; }
# Fetched whole first: piped into `head`, curl could be cut off mid-body and fail the pipeline.
{ curl -fsS "$base/openapi.yaml" -o "$work/openapi.yaml" && head -n 1 "$work/openapi.yaml" | grep -q '^openapi: 3.1'; } ||
  { echo "smoke: /openapi.yaml is not served" >&2; exit 1; }
echo "smoke: serve --demo answered; parent1 sees $slots free slots between $from and $to; the request reached the tutor as $(ls "$work"/mail | wc -l) .eml file(s) and parent1 as a text: $(head -n 1 "$texts")"

# Start-ups that cannot work end at once, non-zero, with a sentence that names the setting to fix.
expect_refusal() {
  local words=$1
  shift
  local out
  if out=$(timeout 60 .build/debug/sessiondesk serve "$@" 2>&1); then
    echo "smoke: serve $* started instead of refusing" >&2
    exit 1
  fi
  grep -q "$words" <<<"$out" || { echo "smoke: serve $* did not say \"$words\":" >&2; echo "$out" >&2; exit 1; }
}
expect_refusal "give --port (or SESSIONDESK_HTTP_PORT) a number from 1 to 65535" --port 99999 --database "sqlite:$work/refused.sqlite"
expect_refusal "is already in use by another program" --port "${base##*:}" --database "sqlite:$work/refused.sqlite"
expect_refusal "Could not reach PostgreSQL at 127.0.0.1:1" --port 0 --database "postgres://nobody@127.0.0.1:1/none?sslmode=disable"
expect_refusal "Could not open the SQLite database" --port 0 --database "sqlite:$work/no/such/folder/x.sqlite"
echo "smoke: a port out of range, a port in use, an unreachable PostgreSQL and an unwritable SQLite path each stop serve with a sentence"
