#!/usr/bin/env bash
# Regenerates Sources/API/Generated from Sources/API/openapi.yaml with swift-openapi-generator.
# With --check, first validates the document (openapi-spec-validator, and what a validator lets
# through: Tests/openapi/check_document.py), then regenerates into a temporary folder and fails if
# the committed code is stale.
# The generated code is committed so that ordinary builds need neither the generator nor its plugin.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" = "--check" ]; then
  "$(scripts/python-env.sh)/bin/python" Tests/openapi/check_document.py Sources/API/openapi.yaml
fi

version=1.14.3
tool_dir=.build-openapi-generator
if [ ! -x "$tool_dir/.build/release/swift-openapi-generator" ]; then
  rm -rf "$tool_dir"
  git clone --quiet --depth 1 --branch "$version" https://github.com/apple/swift-openapi-generator "$tool_dir"
  swift build --package-path "$tool_dir" -c release --product swift-openapi-generator >/dev/null
fi
generator="$tool_dir/.build/release/swift-openapi-generator"

output=Sources/API/Generated
if [ "${1:-}" = "--check" ]; then
  output=$(mktemp -d)
  trap 'rm -rf "$output"' EXIT
fi
log=$(mktemp)
"$generator" generate --config Sources/API/openapi-generator-config.yaml --output-directory "$output" Sources/API/openapi.yaml >"$log" 2>&1 \
  || { cat "$log"; rm -f "$log"; exit 1; }
rm -f "$log"
if [ "${1:-}" = "--check" ]; then
  diff -ru Sources/API/Generated "$output" || { echo "openapi: Sources/API/Generated is stale; run scripts/openapi.sh" >&2; exit 1; }
  echo "openapi: generated code matches openapi.yaml"
fi
