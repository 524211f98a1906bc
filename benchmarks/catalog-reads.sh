#!/usr/bin/env bash
# Catalog reads through nginx (TLS, HTTP/1.1 keep-alive) with wrk: requests/s and latency of a page of books and
# of a book, first with both replicas serving reads, then writer-only; and the share of catalog transactions the
# replicas served, from the service's own metrics. Starts the local stack on spare ports; 20 s per run.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib/stack.sh"
needs wrk
METRICS="http://127.0.0.1:11002/actuator/prometheus"

routes() { curl -s "$METRICS" | awk '/^bookstore_db_transactions_total/ {match($0, /route="[a-z]+"/); r=substr($0, RSTART+7, RLENGTH-8); n[r]=$NF} END {printf "%d %d %d\n", n["reader"], n["writer"], n["fallback"]}'; }

run() { # label
  "$ROOT/bookstore" up --no-build >/dev/null
  # GET /api/books/{id} over the ids the demo catalog really has (the bulk load leaves gaps).
  local ids
  ids=$(curl -sk "$BASE/api/books?size=100&page=0&sort=title" "$BASE/api/books?size=100&page=1&sort=title" \
    | grep -o '"id":[0-9]*' | cut -d: -f2 | paste -sd, -)
  printf 'local ids = {%s}\nrequest = function()\n  return wrk.format("GET", "/api/books/" .. ids[math.random(#ids)])\nend\n' \
    "$ids" > "$BOOKSTORE_HOME/catalog-detail.lua"
  wrk -t2 -c16 -d5s -s "$ROOT/benchmarks/wrk/catalog-list.lua" "$BASE" >/dev/null   # warm-up
  read -r r0 w0 f0 < <(routes)
  for script in "$ROOT/benchmarks/wrk/catalog-list.lua" "$BOOKSTORE_HOME/catalog-detail.lua"; do
    echo "== $1: $(basename "$script" .lua) (16 connections, 20 s)"
    wrk -t2 -c16 -d20s --latency -s "$script" "$BASE" | grep -E "Requests/sec|50%|99%|Non-2xx|errors"
  done
  read -r r1 w1 f1 < <(routes)
  local reads=$((r1 - r0)) writes=$((w1 - w0)) fallbacks=$((f1 - f0)) total
  total=$((reads + writes + fallbacks))
  echo "== $1: catalog transactions: reader $reads, writer $writes, fallback $fallbacks" \
    "($(( total > 0 ? 100 * reads / total : 0 ))% on replicas)"
  resident_memory
  "$ROOT/bookstore" down >/dev/null
}

run "replicas"
BOOKSTORE_READERS=0 run "writer only"
