# Sourced by scripts that need a live server: builds sessiondesk, starts `serve --demo` on a new
# SQLite file and a free loopback port, waits until it is ready, and stops it when the script exits.
# Sets `base` (http://127.0.0.1:PORT), `work` (a scratch folder) and `server` (the process id).

swift build --product sessiondesk
work=$(mktemp -d /tmp/sessiondesk-server.XXXXXX)
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
SESSIONDESK_MAIL_FOLDER="$work/mail" .build/debug/sessiondesk serve --demo --port "$port" --database "sqlite:$work/demo.sqlite" >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do
  curl -fsS "$base/ready" >/dev/null 2>&1 && break
  sleep 0.2
done
curl -fsS "$base/ready" >/dev/null || { cat "$work/server.log"; echo "the demo server did not become ready" >&2; exit 1; }

# A demo login's bearer token.
demo_token() {
  curl -fsS -X POST "$base/api/v1/login" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$1\",\"password\":\"sessiondesk-demo\"}" | python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])'
}
