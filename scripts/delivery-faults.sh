#!/usr/bin/env bash
# Notification delivery under faults, on the real binary: the SMTP server down mid-burst, and the
# worker killed with SIGKILL or stopped with SIGTERM mid-burst (Tests/mail/delivery_faults.py says
# what is checked).
set -euo pipefail
cd "$(dirname "$0")/.."

python_env=$(scripts/python-env.sh)
binary=${SESSIONDESK_BINARY:-.build/debug/sessiondesk}
[ -x "$binary" ] || swift build --product sessiondesk
"$python_env/bin/python" Tests/mail/delivery_faults.py "$binary"
