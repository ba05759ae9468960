#!/usr/bin/env bash
# The end-to-end walkthrough in a real browser (Debian's chromium + chromium-driver, Selenium from
# PyPI) against `serve --demo` on a new SQLite file. Screenshots go to .build/screenshots.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v chromium >/dev/null && command -v chromedriver >/dev/null || {
  echo "browser: needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)" >&2
  exit 1
}
python=$(scripts/python-env.sh)/bin/python
. scripts/demo-server.sh
"$python" Tests/browser/walkthrough.py "$base" .build/screenshots "$work/mail" || { tail -n 40 "$work/server.log"; exit 1; }
