#!/usr/bin/env bash
# Brings the whole local stack up on a fresh state folder and other ports, checks it as a user would,
# takes it down and up again (data kept), and down once more (every PID gone). Prints "N passed, N failed".
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=e2e/checks.sh
. "$ROOT/e2e/checks.sh"
# The state sits inside a private folder (mktemp -d: mode 700), as it does for a checkout under /root: nginx's
# workers (nobody, as root starts it) cannot pass through it and must get a folder of their own.
export STACK_FOLDER="$(mktemp -d /tmp/bookstore-smoke.XXXXXX)"
export BOOKSTORE_HOME="$STACK_FOLDER/state"
export BOOKSTORE_HTTPS_PORT=18443 BOOKSTORE_HTTP_PORT=18080
export BOOKSTORE_DB_PORTS="23306 23307 23308" BOOKSTORE_SERVICE_PORT_BASE=19000
BASE="https://localhost:$BOOKSTORE_HTTPS_PORT"

header() { curl -sk -D - -o /dev/null "$@" | tr -d '\r'; }
export -f header
admin_sql() { mariadb -h 127.0.0.1 -P "$1" -u bookstore_admin -padmin-local-only -N -e "$2"; }
recorded_pids() { cat "$BOOKSTORE_HOME"/run/*.pid "$BOOKSTORE_HOME"/nginx/run/nginx.pid "$BOOKSTORE_HOME"/db/*/server.pid 2>/dev/null; }
all_alive() { # expected-count pid...
  local expected="$1"; shift
  [ "$#" -eq "$expected" ] || return 1
  local pid; for pid in "$@"; do kill -0 "$pid" || return 1; done
}
none_alive() { # pid...
  [ "$#" -gt 0 ] || return 1
  local pid; for pid in "$@"; do ! kill -0 "$pid" 2>/dev/null || return 1; done
}
stack_up stack
status="$("$ROOT/bookstore" status)"; status_rc=$?
echo "$status"
check "status reports every component healthy" test "$status_rc" -eq 0
check "status shows replication running on both replicas" test "$(grep -c 'replication running' <<< "$status")" -eq 2
check "nginx answers over HTTPS" curl -skf "$BASE/nginx-health"
workers_dir="$(readlink -f "$BOOKSTORE_HOME/nginx/run")"
if [ "$(id -u)" -eq 0 ]; then
  check "nginx's workers keep their files outside the private state folder" bash -c "[[ '$workers_dir' == /tmp/bookstore-nginx.* ]]"
  check "nginx's workers can read the outage page" runuser -u nobody -- test -r "$workers_dir/errors/unavailable.html"
fi
check "HTTP redirects to HTTPS with 308" bash -c "curl -s -o /dev/null -w '%{http_code} %{redirect_url}' http://localhost:$BOOKSTORE_HTTP_PORT/books | grep -q '^308 https://localhost:$BOOKSTORE_HTTPS_PORT/books'"
check "HTTP/2 is negotiated" bash -c "curl -sk --http2 -o /dev/null -w '%{http_version}' $BASE/nginx-health | grep -qx 2"
check "HSTS is sent" bash -c "header $BASE/nginx-health | grep -qi '^strict-transport-security: max-age=63072000'"
check "TLS 1.1 is refused" bash -c "! curl -sk --tlsv1.1 --tls-max 1.1 -o /dev/null $BASE/nginx-health"
token="$(cat "$BOOKSTORE_HOME/secrets/internal_token")"
internal() { curl -s -o /dev/null -w '%{http_code}' -H "X-Internal-Token: $token" "$@"; }
check "every service got the shared internal token (auth)" \
  test "$(internal "http://127.0.0.1:19001/internal/revocations?after=0")" = 200
check "every service got the shared internal token (catalog)" test "$(internal -X POST \
  -H 'Content-Type: application/json' -d '{"ids":[1]}' http://127.0.0.1:19002/internal/books/lookup)" = 200
check "every service got the shared internal token (purchase)" \
  test "$(internal http://127.0.0.1:19003/internal/nothing-here)" = 404
check "a service answers through nginx with problem+json" bash -c "header -H 'Accept: application/json' $BASE/no/such/page | grep -qi '^content-type: application/problem+json'"
check "the demo catalog is searchable through nginx" bash -c "curl -sk '$BASE/books?q=tolstoy' | grep -q 'War and Peace'"
check "search forgives a typo and finds a series" bash -c "curl -sk '$BASE/api/books?q=tolkein+lord+of+the+rings' | jq -e '[.items[].title] | index(\"The Two Towers\") != null' >/dev/null"
check "the search box suggests authors and titles as you type" bash -c "curl -sk '$BASE/api/books/suggest?q=tolk' | jq -e '.[0] == {kind: \"author\", text: \"J. R. R. Tolkien\"}' >/dev/null"
check "the search box's script is served under the strict CSP" bash -c "curl -skI '$BASE/js/suggest.js' | grep -qi '^content-type: text/javascript' && curl -skI '$BASE/js/suggest.js' | grep -qi \"^content-security-policy: .*script-src 'self'\""
check "the demo customer signs in through nginx" bash -c "curl -sk -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' -d '{\"email\":\"customer@bookstore.test\",\"password\":\"reading-is-fun-2026\"}' $BASE/api/auth/login | grep -qx 200"
# Forgot password: the link goes to the local mail catcher; the page it opens sets a new password (a form with its
# CSRF token, through nginx); the old password stops working.
reset_user="smoke-reset-$RANDOM$RANDOM@example.com"
curl -sk -o /dev/null -H 'Content-Type: application/json' \
  -d "{\"email\":\"$reset_user\",\"password\":\"the-old-smoke-passphrase\",\"displayName\":\"Smoke\"}" "$BASE/api/auth/register"
check "a password reset is asked through nginx: 202" bash -c "curl -sk -o /dev/null -w '%{http_code}' \
  -H 'Content-Type: application/json' -d '{\"email\":\"$reset_user\"}' $BASE/api/auth/password-reset | grep -qx 202"
mailed_link() { # page: the newest link to /account/<page> the mail catcher holds for the new account
  mailed "http://127.0.0.1:$((BOOKSTORE_SERVICE_PORT_BASE + 26))" "$reset_user" \
    | grep -o "https://localhost:$BOOKSTORE_HTTPS_PORT/account/$1?token=[A-Za-z0-9_-]*" | tail -1
}
link=""
for _ in $(seq 1 30); do link="$(mailed_link reset)"; [ -n "$link" ] && break; sleep 0.5; done
check "the mail catcher has the reset mail with its link" test -n "$link"
confirm_link="$(mailed_link confirm)"
check "a new account was mailed a link that confirms its address" \
  bash -c "[ -n '$confirm_link' ] && curl -sk '$confirm_link' | grep -q 'your e-mail address is confirmed'"
jar="$BOOKSTORE_HOME/reset.cookies"
csrf="$(curl -sk -c "$jar" -b "$jar" "${link:-$BASE/account/reset}" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')"
check "the link opens the new-password page, and a new password set there leads to sign in" bash -c "curl -sk -c '$jar' \
  -b '$jar' -o /dev/null -w '%{http_code} %{redirect_url}' --data-urlencode '_csrf=$csrf' \
  --data-urlencode 'token=${link##*token=}' --data-urlencode 'password=the-new-smoke-passphrase' \
  $BASE/account/reset | grep -q '^302 .*/account/login'"
signs_in() { # straight to the auth service: nginx's sign-in limit is the subject of checks further down
  curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
    -d "{\"email\":\"$reset_user\",\"password\":\"$1\"}" "http://127.0.0.1:$((BOOKSTORE_SERVICE_PORT_BASE + 1))/api/auth/login"
}
after_reset="$(signs_in the-new-smoke-passphrase) $(signs_in the-old-smoke-passphrase)"
check "the new password signs in, the old one no longer does" test "$after_reset" = "200 401"
check "nginx's access log keeps no link's token (neither as the request nor as a Referer)" \
  bash -c "grep -q '/account/reset' '$BOOKSTORE_HOME/nginx/logs/access.log' && ! grep -q 'token=' '$BOOKSTORE_HOME/nginx/logs/access.log'"
check "book covers are served" bash -c "curl -sk -o /dev/null -w '%{content_type}' $BASE/covers/1.svg | grep -q image/svg"
check "/actuator is not served publicly" bash -c "curl -sk -o /dev/null -w '%{http_code}' $BASE/actuator/health | grep -qx 404"
check "the OpenAPI documents are not served publicly" bash -c "curl -sk -o /dev/null -w '%{http_code}' $BASE/v3/api-docs | grep -qx 404"
check "each service serves its committed OpenAPI document on its own port" bash -c "p=\$BOOKSTORE_SERVICE_PORT_BASE; for svc in auth catalog purchase; do p=\$((p + 1)); curl -sf http://127.0.0.1:\$p/v3/api-docs | cmp -s - '$ROOT/'\$svc-microservice/openapi.json || exit 1; done"
check "/internal is not served publicly" bash -c "curl -sk -o /dev/null -w '%{http_code}' $BASE/internal/anything | grep -qx 404"

# Bad input through nginx: always a 4xx problem+json naming what is wrong, never a 5xx.
token_of() { curl -sk -H 'Content-Type: application/json' -d "{\"email\":\"$1\",\"password\":\"$2\"}" \
  "$BASE/api/auth/login" | sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p'; }
customer_token="$(token_of customer@bookstore.test reading-is-fun-2026)"
admin_token="$(token_of admin@bookstore.test staff-only-bookstore-2026)"
# The edge cache: anonymous catalog reads from nginx's cache, 1 s fresh; nothing personal in or out of it.
cache_status() { header "$@" | sed -n 's/^x-cache-status: //Ip'; }
served_from_cache() { # url: one of a few reads in a row is a HIT (the first after an expiry is STALE or UPDATING)
  local _; for _ in $(seq 1 10); do [ "$(cache_status "$1")" = HIT ] && return 0; sleep 0.1; done; return 1
}
export -f cache_status served_from_cache
edge_book() { # price: the JSON of a book for staff to send
  echo "{\"isbn\":\"$edge_isbn\",\"title\":\"Cached At The Edge\",\"author\":\"Test Author\",\"description\":\"d\",\"genre\":\"Fiction\",\"publishedYear\":2026,\"price\":\"$1\",\"currency\":\"EUR\",\"stock\":5}"
}
edge_isbn="$(new_isbn)"
edge_id="$(curl -sk -H 'Content-Type: application/json' -H "Authorization: Bearer $admin_token" -d "$(edge_book 12.00)" \
  "$BASE/api/books" | jq -r '.id // empty')"
for _ in $(seq 1 50); do [ "$(curl -sk -o /dev/null -w '%{http_code}' "$BASE/api/books/$edge_id")" = 200 ] && break; sleep 0.1; done
check "an anonymous read of a book is served from the edge cache (HIT)" served_from_cache "$BASE/api/books/$edge_id"
check "an anonymous catalog page is served from the edge cache too" served_from_cache "$BASE/books?q=tolstoy"
check "so is a book's page (a visitor's has no CSRF token: the same for everyone)" served_from_cache "$BASE/books/$edge_id"
check "a cached answer carries no Set-Cookie" bash -c "! header $BASE/api/books/$edge_id | grep -qi '^set-cookie:'"
check "a cached answer keeps the security headers" \
  bash -c "header $BASE/api/books/$edge_id | grep -qi '^strict-transport-security:' && header $BASE/api/books/$edge_id | grep -qi '^content-security-policy:'"
etag="$(curl -sk -D - -o /dev/null -H "Authorization: Bearer $admin_token" "$BASE/api/books/$edge_id" | tr -d '\r' | sed -n 's/^etag: //Ip')"
curl -sk -D "$BOOKSTORE_HOME/edge.headers" -o /dev/null -X PUT -H 'Content-Type: application/json' \
  -H "Authorization: Bearer $admin_token" -H "If-Match: $etag" -d "$(edge_book 15.00)" "$BASE/api/books/$edge_id"
changed="$(now_ms)"
written="$(consistency_token "$BOOKSTORE_HOME/edge.headers")"
author="$(curl -sk -D "$BOOKSTORE_HOME/edge-author.headers" -H "Authorization: Bearer $admin_token" \
  -H "Consistency-Token: $written" "$BASE/api/books/$edge_id" | jq -r .price)"
check "the author of a price change reads it at once, past the cache" bash -c "[ '$author' = 15.00 ] && grep -qi '^x-cache-status: BYPASS' '$BOOKSTORE_HOME/edge-author.headers'"
seen=""
for _ in $(seq 1 60); do
  [ "$(curl -sk "$BASE/api/books/$edge_id" | jq -r .price)" = 15.00 ] && { seen="$(now_ms)"; break; }
  sleep 0.05
done
echo "  an anonymous reader saw the new price $(( ${seen:-99999} - changed )) ms after the change (bound: 1 s of cache)"
check "an anonymous reader sees a price change within the bound (1 s, plus one refresh)" \
  bash -c "[ -n '$seen' ] && [ $(( ${seen:-99999} - changed )) -le 2500 ]"
signed_in="__Host-access_token=$customer_token"
check "a signed-in reader's page is never served from the cache (BYPASS), and shows them signed in" bash -c "
  [ \"\$(cache_status -H 'Cookie: $signed_in' $BASE/books/$edge_id)\" = BYPASS ] &&
  curl -sk -H 'Cookie: $signed_in' $BASE/books/$edge_id | grep -q 'href=\"/orders\"'"
check "private pages are not cached at all (no cache status on the cart)" \
  bash -c "! header -H 'Cookie: $signed_in' $BASE/cart | grep -qi '^x-cache-status:'"

problem_4xx() { # curl arguments: the answer is a 4xx with a problem+json body
  local answer; answer="$(curl -sk -o /dev/null -w '%{http_code} %{content_type}' -H 'Accept: application/json' \
    -H 'Content-Type: application/json' "$@")"
  [[ "$answer" =~ ^4[0-9][0-9]\ application/problem\+json ]] || { echo "$answer"; return 1; }
}
check "the demo customer and staff get access tokens (so the checks below pass authentication)" \
  test -n "$customer_token" -a -n "$admin_token"
as_customer=(-H "Authorization: Bearer $customer_token")
as_admin=(-H "Authorization: Bearer $admin_token")
check "bad input: a body that is not JSON" problem_4xx -d 'not json' "$BASE/api/auth/register"
check "bad input: a field of the wrong type" problem_4xx -d '{"email":123,"password":1,"displayName":[]}' "$BASE/api/auth/register"
check "bad input: an unknown sort" problem_4xx "$BASE/api/books?sort=bogus"
check "bad input: a page number past any integer" problem_4xx "$BASE/api/books?page=99999999999"
check "bad input: a book id that is not a number" problem_4xx "$BASE/api/books/abc"
check "bad input: a book id past any integer" problem_4xx "$BASE/api/books/99999999999999999999"
check "bad input: a year past any integer (staff)" problem_4xx "${as_admin[@]}" -d '{"isbn":"9780141439518","title":"t","author":"a","genre":"g","publishedYear":99999999999,"price":1,"currency":"EUR","stock":1}' "$BASE/api/books"
check "bad input: a quantity in words" problem_4xx "${as_customer[@]}" -X PUT -d '{"quantity":"two"}' "$BASE/api/cart/items/1"
check "bad input: an unknown delivery option" problem_4xx "${as_customer[@]}" -d '{"shippingAddress":{"fullName":"a","line1":"b","city":"c","postalCode":"1","country":"DE"},"deliveryOption":"TELEPORT"}' "$BASE/api/orders"
check "bad input: an Idempotency-Key too short" problem_4xx "${as_customer[@]}" -H 'Idempotency-Key: k' -d '{}' "$BASE/api/orders/1/payment"
check "bad input: an unknown order status (staff)" problem_4xx "${as_admin[@]}" "$BASE/api/admin/orders?status=BOGUS"
check "search words with full-text operators are not an error" bash -c "curl -sk -o /dev/null -w '%{http_code}' '$BASE/api/books?q=%2B-*%22(%40%3E%3C~' | grep -qx 200"

# What nginx itself answers under /api is problem+json too, and the headers come once each.
check "nginx: a 5 MB body is a 413 problem+json" problem_4xx --data-binary @<(head -c 5000000 /dev/zero | tr '\0' a) "$BASE/api/auth/register"
check "nginx: a header line over 8 KB is a 400 problem+json" problem_4xx --http1.1 -H "X-Padding: $(head -c 9000 /dev/zero | tr '\0' a)" "$BASE/api/books"
check "nginx: an address over 8 KB is a 414 problem+json" problem_4xx --http1.1 "$BASE/api/books?q=$(head -c 9000 /dev/zero | tr '\0' a)"
check "an 8,000-character Idempotency-Key is a 4xx problem+json (not Tomcat's HTML)" problem_4xx "${as_customer[@]}" -H "Idempotency-Key: $(head -c 8000 /dev/zero | tr '\0' k)" -d '{}' "$BASE/api/orders/1/payment"
check "/actuator without a trailing slash is not served" bash -c "curl -sk -o /dev/null -w '%{http_code}' $BASE/actuator | grep -qx 404"
check "/internal without a trailing slash is not served" bash -c "curl -sk -o /dev/null -w '%{http_code}' $BASE/internal | grep -qx 404"
check "one X-Frame-Options: DENY on a page" bash -c "test \"\$(header $BASE/ | grep -ci '^x-frame-options: DENY')\" = 1"
check "one Strict-Transport-Security on a page (nginx's, not a second from the service)" bash -c "test \"\$(header $BASE/ | grep -ci '^strict-transport-security:')\" = 1"
check "an unreadable query (not UTF-8) is a 400 problem+json" problem_4xx "$BASE/api/books?q=%FF%FE%C3%28"
check "a price of absurd size is a 400 problem+json" problem_4xx "$BASE/api/books?maxPrice=1e999999999"
curl -sk -o /dev/null -H 'Content-Type: application/json' -H 'X-Forwarded-For: 203.0.113.50' \
  -d '{"email":"spoof@bookstore.test","password":"not-the-password-1"}' "$BASE/api/auth/login"
throttled="$(admin_sql 23306 "SELECT GROUP_CONCAT(throttle_key) FROM auth.login_throttle WHERE throttle_key LIKE 'address:%'")"
check "the sign-in throttle counts nginx's client address, not the client's own X-Forwarded-For" \
  bash -c "grep -q 'address:127.0.0.1' <<< '$throttled' && ! grep -q '203.0.113.50' <<< '$throttled'"

# Last, as it uses up this address's sign-in allowance: nginx limits sign-in attempts, not the form.
form_codes="$(for _ in $(seq 1 15); do curl -sk -o /dev/null -w '%{http_code} ' -H 'Accept: text/html' "$BASE/account/login"; done)"
check "showing the sign-in form is not rate limited (15 in a row)" test "$(tr ' ' '\n' <<< "$form_codes" | grep -c '^200$')" -eq 15
attempt_codes="$(for _ in $(seq 1 12); do curl -sk -o /dev/null -w '%{http_code} ' -H 'Content-Type: application/json' \
  -d '{"email":"nobody@bookstore.test","password":"not-the-password-1"}' "$BASE/api/auth/login"; done)"
echo "  sign-in attempts: $attempt_codes"
check "sign-in attempts are rate limited at nginx (429 within 12 in a row)" grep -q 429 <<< "$attempt_codes"
limited="$(curl -sk -D - -o /dev/null -H 'Content-Type: application/json' -d '{"email":"nobody@bookstore.test","password":"x"}' "$BASE/api/auth/login" | tr -d '\r')"
check "nginx's 429 is problem+json with Retry-After" bash -c "grep -q '^HTTP/[0-9.]* 429' <<< '$limited' && grep -qi '^content-type: application/problem+json' <<< '$limited' && grep -qi '^retry-after: [0-9]' <<< '$limited'"
register_codes="$(for i in $(seq 1 8); do curl -sk -o /dev/null -w '%{http_code} ' -H 'Content-Type: application/json' \
  -d "{\"email\":\"burst-$i-$$@bookstore.test\",\"password\":\"a-long-and-unusual-passphrase\",\"displayName\":\"Burst\"}" "$BASE/api/auth/register"; done)"
echo "  registrations in a burst: $register_codes"
check "registrations are rate limited per address at nginx (429 within 8 in a row)" grep -q 429 <<< "$register_codes"

admin_sql 23306 "CREATE DATABASE IF NOT EXISTS smoke; CREATE TABLE IF NOT EXISTS smoke.kept (v INT); INSERT INTO smoke.kept VALUES (42)"
sleep 1
# The PIDs are read before down (down removes the PID files); 3 database servers, the writer endpoint,
# 3 services, the mail catcher and nginx.
pids="$(recorded_pids)"
check "up recorded a PID for each of the 9 processes, all alive" all_alive 9 $pids
"$ROOT/bookstore" down
check "down stops every process it started" none_alive $pids
check "down leaves no service or nginx PID file behind" bash -c "! ls $BOOKSTORE_HOME/run/*.pid $BOOKSTORE_HOME/nginx/run/nginx.pid"
[ "$(id -u)" -ne 0 ] || check "down removes nginx's workers' folder" test ! -e "$workers_dir"
check "each service wrote its class-data archive as it stopped" \
  test "$(find "$BOOKSTORE_HOME/jvm" -name '1.jsa' -size +10M | wc -l)" -eq 3
"$ROOT/bookstore" up --no-build >/dev/null
mapped_archives() { # how many running services have their own class-data archive mapped
  local svc n=0
  for svc in auth catalog purchase; do
    grep -q "/jvm/$svc/1.jsa" "/proc/$(cat "$BOOKSTORE_HOME/run/$svc-1.pid")/maps" 2>/dev/null && n=$((n + 1))
  done
  echo "$n"
}
check "the services started again from their archives" test "$(mapped_archives)" -eq 3
check "data survives down and up (read on a replica)" bash -c "mariadb -h 127.0.0.1 -P 23307 -u bookstore_admin -padmin-local-only -N -e 'SELECT v FROM smoke.kept' | grep -qx 42"
pids="$(recorded_pids)"
check "the second up started all 9 processes again" all_alive 9 $pids
"$ROOT/bookstore" down >/dev/null
check "the second down stops everything too" none_alive $pids

finish stack
