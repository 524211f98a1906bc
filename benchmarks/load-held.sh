#!/usr/bin/env bash
# Load held: 1,000 concurrent connections on one book through the site (anonymous, from the edge cache; then
# signed in, past it to the catalog), then 200 concurrent customers checking out. For each: requests/s, latency,
# every answer by status (a 503 must carry Retry-After) and every socket error, then what nginx complained of.
# Expected: no socket error, no 5xx but a 503 with Retry-After. Starts the local stack on spare ports; each run is
# bounded in time (20 s; checkout 60 s or 3,000 orders); stops what it started by PID.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib/stack.sh"
export BOOKSTORE_AUTH_THROTTLE_REGISTRATIONSPERADDRESS=1000000
needs wrk jq
bench_jar
# wrk needs a file descriptor per connection, and more than the usual soft limit of 1,024.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"

"$ROOT/bookstore" up --no-build >/dev/null
id="$(curl -sk "$BASE/api/books?size=1&sort=title" | jq -r '.items[0].id')"
token="$(curl -s -H 'Content-Type: application/json' \
  -d '{"email":"customer@bookstore.test","password":"reading-is-fun-2026"}' \
  "http://127.0.0.1:11001/api/auth/login" | jq -r .accessToken)"

hammer() { # label [header]
  echo "== $1: GET /api/books/$id, 1,000 connections, 2 threads, 20 s (answers wait up to 30 s, nginx's read timeout)"
  WRK_HEADER="${2:-}" wrk -t2 -c100 -d3s -s "$ROOT/benchmarks/wrk/statuses.lua" "$BASE/api/books/$id" >/dev/null
  WRK_HEADER="${2:-}" wrk -t2 -c1000 -d20s --timeout 30s --latency -s "$ROOT/benchmarks/wrk/statuses.lua" \
    "$BASE/api/books/$id" | grep -E "Requests/sec|^ +(50|90|99)%|statuses|socket errors"
}
hammer "anonymous (edge cache)"
hammer "signed in (catalog)" "Authorization: Bearer $token"
echo "== checkout: 200 customers, cart -> order -> payment, until 3,000 orders or 60 s"
"$JAVA_HOME/bin/java" -cp "$ROOT/benchmarks/target/benchmarks.jar" com.bookstore.bench.CheckoutLoad \
  "$BASE" "$BOOKSTORE_HOME/nginx/tls/cert.pem" "http://127.0.0.1:11001" 200 3000 60
echo "== nginx's complaints (worker_connections, open files, upstream errors)"
grep -cE "worker_connections are not enough|Too many open files|upstream" "$BOOKSTORE_HOME/nginx/logs/error.log" \
  | sed 's/^/   lines: /' || true
grep -oE "(worker_connections are not enough|Too many open files|upstream [a-z ]+)" "$BOOKSTORE_HOME/nginx/logs/error.log" \
  | sort | uniq -c | head -5 || true
resident_memory
