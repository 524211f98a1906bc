#!/usr/bin/env bash
# BOOKSTORE_DB=mysql ./bookstore up, run for real on a fresh state folder and other ports: the local stack on
# Debian's MySQL build (primary + 2 GTID replicas), checked as staff would use it — sign in, create a book, read it
# back at once — then down. Prints "N passed, N failed".
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=e2e/checks.sh
. "$ROOT/e2e/checks.sh"
export BOOKSTORE_DB=mysql
export BOOKSTORE_HOME="$(mktemp -d /tmp/bookstore-mysql.XXXXXX)"
export BOOKSTORE_HTTPS_PORT=15443 BOOKSTORE_HTTP_PORT=15080
export BOOKSTORE_DB_PORTS="25306 25307 25308" BOOKSTORE_SERVICE_PORT_BASE=17000
BASE="https://localhost:$BOOKSTORE_HTTPS_PORT"
stack_up mysql-stack
status="$("$ROOT/bookstore" status)"; status_rc=$?
echo "$status"
check "status reports every component healthy" test "$status_rc" -eq 0
check "status says the database is MySQL" grep -q '^  engine  *mysql 9\.' <<< "$status"
check "status shows replication running on both replicas" test "$(grep -c 'replication running' <<< "$status")" -eq 2
check "the demo catalog is searchable" bash -c "curl -sk '$BASE/api/books?q=tolstoy' | grep -q 'War and Peace'"

admin="$(curl -sk -H 'Content-Type: application/json' -d '{"email":"admin@bookstore.test","password":"staff-only-bookstore-2026"}' \
  "$BASE/api/auth/login" | sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p')"
check "staff sign in (caching_sha2_password accounts, mysql-connector-j)" test -n "$admin"
headers="$BOOKSTORE_HOME/created.headers"
created="$(create_book "$BASE" "$admin" "$(new_isbn)" "On MySQL $$" "$headers")"
id="$(grep -o '"id":[0-9]*' <<< "$created" | head -n 1 | cut -d: -f2)"
token="$(consistency_token "$headers")"
check "staff create a book: 201 with a MySQL GTID set as consistency token" \
  bash -c "grep -q '^HTTP/[0-9.]* 201' '$headers' && grep -Eq '^[0-9a-f-]{36}:[0-9]' <<< '$token'"
code="$(curl -sk -o "$BOOKSTORE_HOME/read.json" -w '%{http_code}' -H "Authorization: Bearer $admin" \
  -H "Consistency-Token: $token" "$BASE/api/books/$id")"
check "staff read the new book back at once: 200" bash -c "test '$code' = 200 && grep -q 'On MySQL $$' '$BOOKSTORE_HOME/read.json'"

pids="$(cat "$BOOKSTORE_HOME"/run/*.pid "$BOOKSTORE_HOME"/nginx/run/nginx.pid "$BOOKSTORE_HOME"/db-mysql/*/server.pid 2>/dev/null)"
check "up recorded 9 PIDs (3 mysqld, the writer endpoint, 3 services, the mail catcher, nginx)" test "$(wc -w <<< "$pids")" -eq 9
"$ROOT/bookstore" down >/dev/null
check "down stops every process it started" bash -c "for p in $(echo $pids); do ! kill -0 \$p 2>/dev/null || exit 1; done"

finish mysql-stack
