#!/usr/bin/env bash
# Two instances of each service behind nginx: one catalog instance is killed (kill -9) in the middle of a read
# load, and no GET is lost. Then, with no catalog left, people get the site's own page and the API problem+json.
# Prints "N passed, N failed".
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=e2e/checks.sh
. "$ROOT/e2e/checks.sh"
export BOOKSTORE_HOME="$(mktemp -d /tmp/bookstore-failover.XXXXXX)"
export BOOKSTORE_HTTPS_PORT=14443 BOOKSTORE_HTTP_PORT=14080
export BOOKSTORE_DB_PORTS="24306 24307 24308" BOOKSTORE_SERVICE_PORT_BASE=16000
BASE="https://localhost:$BOOKSTORE_HTTPS_PORT"
trap '"$ROOT/bookstore" down >/dev/null 2>&1 || true; rm -rf "$BOOKSTORE_HOME"' EXIT

if ! "$ROOT/bookstore" up --no-build --instances 2 >/dev/null; then
  echo "  FAIL  ./bookstore up --instances 2"
  "$ROOT/bookstore" logs || true
  echo "failover: 0 passed, 1 failed"; exit 1
fi
codes="$BOOKSTORE_HOME/codes.txt"
# 600 GETs, 8 at a time, over books and pages served by the catalog; bounded in count.
seq 1 600 | xargs -P 8 -I{} curl -sk -o /dev/null -w '%{http_code}\n' --max-time 10 \
  "$BASE/api/books?size=5&page={}" >> "$codes" &
load=$!
# Kill once 100 answers are in, so the kill lands in the middle of the load (checked below, not assumed).
touch "$codes"
for _ in $(seq 1 1000); do [ "$(wc -l < "$codes")" -ge 100 ] && break; sleep 0.02; done
victim=$(cat "$BOOKSTORE_HOME/run/catalog-1.pid")
kill -9 "$victim"
answered_before_kill=$(wc -l < "$codes")
wait "$load"
total=$(wc -l < "$codes")
bad=$(grep -vc '^200$' "$codes")
echo "  $total GETs, $bad not 200 (catalog-1, pid $victim, killed after $answered_before_kill answers)"
check "the kill landed in the middle of the load" test "$answered_before_kill" -ge 100 -a "$answered_before_kill" -lt 500
check "killing one catalog instance during a read load loses no GET" test "$bad" -eq 0
check "all 600 GETs answered" test "$total" -eq 600

last="$(cat "$BOOKSTORE_HOME/run/catalog-2.pid")"
kill -9 "$last"
# kill returns before the process is gone: a request in between would still get the real page.
for _ in $(seq 1 50); do kill -0 "$last" 2>/dev/null || break; sleep 0.1; done
check "with no catalog left, a page gets the site's own page" bash -c "curl -sk -H 'Accept: text/html' $BASE/books | grep -q 'Back in a moment'"
check "and the API gets problem+json 503 with Retry-After" bash -c "curl -sk -D - -o /dev/null $BASE/api/books | tr -d '\r' | grep -qi '^content-type: application/problem+json' && curl -sk -o /dev/null -w '%{http_code}' $BASE/api/books | grep -qx 503"

finish failover
