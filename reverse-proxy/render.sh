#!/usr/bin/env bash
# Renders nginx.conf.template to stdout, replacing ${NAME} with the value of the environment variable NAME.
# Every placeholder must be set: a missing one is an error, not an empty string. nginx's own $variables
# (no braces) are left alone.
# The upstreams come as addresses, AUTH_UPSTREAMS="127.0.0.1:9001 127.0.0.1:9011" (likewise CATALOG_, PURCHASE_),
# and become one "server" line each, with the failover settings every deployment shares.
set -euo pipefail
template="$(dirname "${BASH_SOURCE[0]}")/nginx.conf.template"
servers() {
  local address
  for address in $1; do printf '        server %s max_fails=2 fail_timeout=10s;\n' "$address"; done
}
for service in AUTH CATALOG PURCHASE; do
  addresses="${service}_UPSTREAMS"
  if [ -n "${!addresses:-}" ]; then export "${service}_SERVERS=$(servers "${!addresses}")"; fi
done
missing=$(grep -o '\${[A-Z_][A-Z0-9_]*}' "$template" | sort -u | tr -d '${}' | while read -r name; do
  [ -n "${!name+x}" ] || echo "$name"
done)
if [ -n "$missing" ]; then
  echo "render.sh: set these variables: $missing" >&2
  exit 1
fi
perl -pe 's/\$\{([A-Z_][A-Z0-9_]*)\}/$ENV{$1}/g' "$template"
