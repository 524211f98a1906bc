#!/usr/bin/env bash
# Search end to end: GET /api/books?q= and the /books?q= page (with its genre counts) over the relevance set's
# queries in turn, signed in so past the edge cache (nginx, TLS, JWT, the index, the SQL for filters, the page and
# the facets), one connection, 15 s each; on the demo catalog, then on ~100,000 books (the demo catalog copied 434
# times into the primary; each instance's index is rebuilt at the next start). p95 is the figure to read (target
# <= 20 ms). Starts the local stack (MariaDB) on spare ports; stops what it started by PID.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib/stack.sh"
needs wrk jq mariadb

# The relevance set's queries (first column, comments aside), URL-encoded, in one wrk script per path.
queries="$(grep -v '^#' "$ROOT/catalog-microservice/src/test/resources/search/relevance.tsv" | cut -f1 \
  | jq -Rr '@uri' | sed 's/.*/"&"/' | paste -sd, -)"
script() { # name path
  cat > "$BOOKSTORE_HOME/$1.lua" <<LUA
local queries = {$queries}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", "$2?q=" .. queries[(i % #queries) + 1])
end
done = function(summary, latency, requests)
  io.write(string.format("   %-10s %6d searches, p50 %5.1f ms, p95 %5.1f ms, p99 %5.1f ms, errors %d\\n", "$2",
    summary.requests, latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout))
end
LUA
}
script api /api/books
script page /books

measure() {
  "$ROOT/bookstore" up --no-build >/dev/null
  local token
  token="$(curl -s -H 'Content-Type: application/json' \
    -d '{"email":"customer@bookstore.test","password":"reading-is-fun-2026"}' \
    "http://127.0.0.1:11001/api/auth/login" | jq -r .accessToken)"
  local books indexed=0 deadline=$((SECONDS + 180))
  books="$(curl -sk -H "Authorization: Bearer $token" "$BASE/api/books?size=1" | jq .totalItems)"
  # The index is built from a replica at start and completed by the feed: measure once it holds every book.
  until [ "$indexed" -ge "$books" ] || [ $SECONDS -ge $deadline ]; do
    sleep 1
    indexed="$(curl -s http://127.0.0.1:11002/actuator/prometheus \
      | awk '/^bookstore_search_index_books/ {printf "%d", $NF}')"
  done
  echo "== $books books, $indexed in the index"
  wrk -t1 -c1 -d10s -s "$BOOKSTORE_HOME/api.lua" -H "Authorization: Bearer $token" "$BASE" >/dev/null # warm-up
  for name in api page; do
    wrk -t1 -c1 -d15s -s "$BOOKSTORE_HOME/$name.lua" -H "Authorization: Bearer $token" "$BASE" | tail -1
  done
  resident_memory
  "$ROOT/bookstore" down >/dev/null
}

measure
# ~100,000 books: the demo catalog 434 more times, each copy with ISBNs of its own (MariaDB's sequence engine).
"$ROOT/bookstore" up --no-build >/dev/null
mariadb -S "$BOOKSTORE_HOME/db/primary/server.sock" -u root catalog -e "
  INSERT INTO books (isbn, title, author, description, genre, published_year, price, currency, stock, cover_url,
                     series)
  SELECT CONCAT('9', LPAD(seq, 3, '0'), LPAD(id, 9, '0')), title, author, description, genre, published_year, price,
         currency, stock, cover_url, series
  FROM books JOIN seq_1_to_434;
  ANALYZE TABLE books"
"$ROOT/bookstore" down >/dev/null
measure
