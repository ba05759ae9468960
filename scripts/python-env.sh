#!/usr/bin/env bash
# Prints the path of a virtual environment (.build-python) holding the Python tools the tests use,
# creating or updating it from Tests/python-requirements.txt when that file changed.
set -euo pipefail
cd "$(dirname "$0")/.."

venv=.build-python
requirements=Tests/python-requirements.txt
stamp="$venv/.requirements"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv" >&2
fi
if ! cmp -s "$requirements" "$stamp" 2>/dev/null; then
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$requirements" >&2
  cp "$requirements" "$stamp"
fi
echo "$PWD/$venv"
