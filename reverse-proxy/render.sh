#!/usr/bin/env bash
# Renders nginx.conf.template to stdout, replacing ${NAME} with the value of the environment variable NAME.
# Every placeholder must be set: a missing one is an error, not an empty string. nginx's own $variables
# (no braces) are left alone.
set -euo pipefail
template="$(dirname "${BASH_SOURCE[0]}")/nginx.conf.template"
missing=$(grep -o '\${[A-Z_][A-Z0-9_]*}' "$template" | sort -u | tr -d '${}' | while read -r name; do
  [ -n "${!name+x}" ] || echo "$name"
done)
if [ -n "$missing" ]; then
  echo "render.sh: set these variables: $missing" >&2
  exit 1
fi
perl -pe 's/\$\{([A-Z_][A-Z0-9_]*)\}/$ENV{$1}/g' "$template"
