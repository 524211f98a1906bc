#!/usr/bin/env bash
# A self-signed TLS certificate (P-256) for nginx, made once: self-signed.sh DIR NAME DAYS
# writes DIR/cert.pem and DIR/key.pem (owner-only) unless they exist. Used by ./bookstore up (localhost), the
# compose proxy (localhost) and the AWS instances (behind the load balancer, which holds the public certificate).
set -euo pipefail
dir="$1" name="${2:-localhost}" days="$3"
[ -f "$dir/cert.pem" ] && exit 0
mkdir -p "$dir"
san="DNS:$name"
[ "$name" = localhost ] && san="$san,IP:127.0.0.1"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days "$days" \
  -subj "/CN=$name" -addext "subjectAltName=$san" -keyout "$dir/key.pem" -out "$dir/cert.pem" 2>/dev/null
chmod 600 "$dir/key.pem"
