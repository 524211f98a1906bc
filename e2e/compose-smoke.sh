#!/usr/bin/env bash
# The container path, run for real: docker-compose-dev.yml, unchanged, brought up with Debian's docker-compose 2.x
# against podman's Docker-compatible API (no Docker engine here), on base-image stand-ins built locally where no
# registry is reachable (e2e/standins/). Checks the site through the published nginx port as a user would, then
# takes everything down and checks that no container, network or volume is left. Prints "N passed, N failed".
# Needs root (podman as root). Ports: BOOKSTORE_HTTPS_PORT / BOOKSTORE_HTTP_PORT / BOOKSTORE_MAIL_PORT (28443 /
# 28080 / 28026 here).
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=e2e/checks.sh
. "$ROOT/e2e/checks.sh"
WORK="$(mktemp -d /tmp/bookstore-compose.XXXXXX)"
PROJECT="bookstore-smoke-$$"
export BOOKSTORE_HTTPS_PORT="${BOOKSTORE_HTTPS_PORT:-28443}" BOOKSTORE_HTTP_PORT="${BOOKSTORE_HTTP_PORT:-28080}"
export BOOKSTORE_MAIL_PORT="${BOOKSTORE_MAIL_PORT:-28026}"
MAIL="http://127.0.0.1:$BOOKSTORE_MAIL_PORT"
BASE="https://localhost:$BOOKSTORE_HTTPS_PORT"

[ "$(id -u)" -eq 0 ] || { echo "compose-smoke.sh runs podman as root"; echo "0 passed, 1 failed"; exit 1; }
SID_ROOT="$("$ROOT/bookstore" mysql | tail -n 1)" || { echo "0 passed, 1 failed"; exit 1; }

# shellcheck source=e2e/podman.sh
. "$ROOT/e2e/podman.sh"
podman_setup "$WORK"
podman system service --time=0 "unix://$WORK/podman.sock" > "$WORK/podman-service.log" 2>&1 &
service_pid=$!
export DOCKER_HOST="unix://$WORK/podman.sock"
# podman builds through the classic build API (buildah); compose must not look for a BuildKit builder.
export DOCKER_BUILDKIT=0 COMPOSE_BAKE=false
compose() { "$SID_ROOT/usr/bin/docker-compose" -p "$PROJECT" -f "$ROOT/docker-compose-dev.yml" "$@"; }
ticker_pid=""
# The services' build stages (labelled in their Dockerfiles) stay behind as untagged images; --rmi local takes
# only the tagged ones.
remove_build_stages() {
  podman image prune -f --filter label=org.bookstore.stage=build >/dev/null 2>&1 || true
}
cleanup() {
  compose down --volumes --remove-orphans --rmi local --timeout 20 >/dev/null 2>&1 || true
  remove_build_stages
  [ -n "$ticker_pid" ] && kill "$ticker_pid" 2>/dev/null
  kill "$service_pid" 2>/dev/null && wait "$service_pid" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT
for _ in $(seq 1 50); do [ -S "$WORK/podman.sock" ] && break; sleep 0.2; done

echo "  building the base-image stand-ins that are missing"
if ! build_standins "$SID_ROOT"; then
  echo "  FAIL  building the stand-ins"; failed=1; finish compose
fi

# Health checks: podman schedules them with systemd timers, and this machine has no systemd; run them here
# every 2 s instead (what the timer would do), so compose's "service_healthy" conditions see real results.
(
  while true; do
    for id in $(podman ps -q --filter "label=com.docker.compose.project=$PROJECT" 2>/dev/null); do
      podman healthcheck run "$id" >/dev/null 2>&1 &
    done
    sleep 2
  done
) &
ticker_pid=$!

started=$SECONDS
echo "  docker-compose up --build (the services build inside their images with the Maven wrapper)"
# up --detach returns once the proxy is started, which waits (depends_on) until every service is healthy.
if ! timeout 1200 "$SID_ROOT/usr/bin/docker-compose" -p "$PROJECT" -f "$ROOT/docker-compose-dev.yml" \
    up --build --detach > "$WORK/up.log" 2>&1 \
  || ! (for _ in $(seq 1 60); do curl -skf -o /dev/null "$BASE/nginx-health" && exit 0; sleep 1; done; exit 1); then
  tail -n 40 "$WORK/up.log"
  for service in mysql-primary mysql-replica mail auth catalog purchase proxy; do
    echo "---- $service"; compose logs --no-color --tail 30 "$service" 2>&1
  done
  check "docker-compose up brings every service up healthy" false
  finish compose
fi
echo "  up in $((SECONDS - started)) s"
check "docker-compose up brings every service up healthy" true
compose ps --format '{{.Service}} {{.Status}}' | sed 's/^/    /'

check "nginx answers over HTTPS with TLS 1.2 or newer" curl -skf --tlsv1.2 "$BASE/nginx-health"
check "plain HTTP redirects to HTTPS" bash -c "curl -s -o /dev/null -w '%{http_code}' http://localhost:$BOOKSTORE_HTTP_PORT/books | grep -qx 308"
check "the home page is served (nginx reaches the catalog container)" bash -c "curl -skf $BASE/ | grep -qi '<html'"
check "the demo catalog is searchable" bash -c "curl -sk '$BASE/api/books?q=tolstoy' | grep -q 'War and Peace'"

login() { curl -sk -H 'Content-Type: application/json' -d "{\"email\":\"$1\",\"password\":\"$2\"}" "$BASE/api/auth/login" \
  | sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p'; }
customer="$(login customer@bookstore.test reading-is-fun-2026)"
admin="$(login admin@bookstore.test staff-only-bookstore-2026)"
check "the demo customer signs in" test -n "$customer"
check "the demo staff member signs in" test -n "$admin"
json() { curl -sk -H 'Content-Type: application/json' -H 'Accept: application/json' "$@"; }
book_id="$(curl -sk "$BASE/api/books?q=tolstoy&inStock=true" | grep -o '"id":[0-9]*' | head -n 1 | cut -d: -f2)"
cart="$(json -X PUT -H "Authorization: Bearer $customer" -d '{"quantity":1}' "$BASE/api/cart/items/$book_id")"
check "the customer adds a book to the cart" grep -q "\"bookId\":$book_id" <<< "$cart"
order="$(json -H "Authorization: Bearer $customer" -d '{"shippingAddress":{"fullName":"Ada Reader","line1":"1 Main St","city":"Berlin","postalCode":"10115","country":"DE"},"deliveryOption":"STANDARD"}' "$BASE/api/orders")"
order_id="$(grep -o '"id":"[^"]*"' <<< "$order" | head -n 1 | cut -d'"' -f4)"
check "checkout creates an order awaiting payment" bash -c "grep -q PENDING_PAYMENT <<< '$order' && test -n '$order_id'"
paid="$(json -H "Authorization: Bearer $customer" -H "Idempotency-Key: compose-smoke-$$-payment" \
  -d '{"cardNumber":"4242424242424242","expiryMonth":12,"expiryYear":2030,"cvc":"123","cardholderName":"Ada Reader"}' \
  "$BASE/api/orders/$order_id/payment")"
check "the order is paid" grep -q '"status":"PAID"' <<< "$paid"

# Mail: the services send to the compose file's MailDev; what they sent is on its page (JSON at /email).
number="$(tr '[:lower:]' '[:upper:]' <<< "${order_id:0:8}")"
order_mails=""
for _ in $(seq 1 60); do
  order_mails="$(mailed "$MAIL" customer@bookstore.test)"
  grep -q "Your order $number is paid" <<< "$order_mails" && break
  sleep 0.5
done
check "the mail catcher's page is up" bash -c "curl -sf '$MAIL/' | grep -qi maildev"
check "the order's e-mails reach the catcher: received, then paid, with the order's link" bash -c \
  "grep -q 'We have your order $number' <<< '$order_mails' && grep -q 'Your order $number is paid' <<< '$order_mails' \
   && grep -q '$BASE/orders/$order_id' <<< '$order_mails'"
newcomer="compose-$$-$RANDOM@example.com"
json -o /dev/null -d "{\"email\":\"$newcomer\",\"password\":\"a-container-passphrase\",\"displayName\":\"Newcomer\"}" \
  "$BASE/api/auth/register"
confirm_link=""
for _ in $(seq 1 60); do
  confirm_link="$(mailed "$MAIL" "$newcomer" | grep -o "$BASE/account/confirm?token=[A-Za-z0-9_-]*" | tail -n 1)"
  [ -n "$confirm_link" ] && break
  sleep 0.5
done
check "a new account is mailed a link that confirms its address through nginx" \
  bash -c "[ -n '$confirm_link' ] && curl -sk '$confirm_link' | grep -q 'your e-mail address is confirmed'"

# Read-your-writes through the MySQL replica: staff create a book and read it back at once with the token.
isbn="$(new_isbn)"
created_headers="$WORK/created.headers"
created="$(create_book "$BASE" "$admin" "$isbn" "Containers at Sea $$" "$created_headers")"
new_id="$(grep -o '"id":[0-9]*' <<< "$created" | head -n 1 | cut -d: -f2)"
token="$(consistency_token "$created_headers")"
check "staff create a book (201 with a consistency token)" bash -c "grep -q '^HTTP/[0-9.]* 201' '$created_headers' && test -n '$token'"
read_back="$(curl -sk -o "$WORK/read.json" -w '%{http_code}' -H "Authorization: Bearer $admin" -H "Consistency-Token: $token" "$BASE/api/books/$new_id")"
check "staff read the new book back at once: 200" bash -c "test '$read_back' = 200 && grep -q 'Containers at Sea $$' '$WORK/read.json'"
replica="$(compose ps -q mysql-replica)"
replica_sql() { podman exec "$replica" mysql -uroot -pdev-root-only -N -e "$1" 2>/dev/null; }
copies() { replica_sql "SELECT COUNT(*) FROM catalog.books WHERE isbn = '$isbn'"; }
for _ in $(seq 1 20); do [ "$(copies)" = 1 ] && break; sleep 0.5; done
check "the MySQL replica has the new book" test "$(copies)" = 1
check "the replica is super-read-only with GTIDs on" test "$(replica_sql 'SELECT @@super_read_only, @@gtid_mode')" = "$(printf '1\tON')"
check "the replica replicates by GTID auto-position, both threads running" test \
  "$(replica_sql "SELECT COUNT(*) FROM performance_schema.replication_connection_configuration c JOIN performance_schema.replication_connection_status s USING (CHANNEL_NAME) JOIN performance_schema.replication_applier_status a USING (CHANNEL_NAME) WHERE c.AUTO_POSITION = 1 AND s.SERVICE_STATE = 'ON' AND a.SERVICE_STATE = 'ON'")" = 1
check "the services read from the replica (their reader accounts connected to it)" test \
  "$(replica_sql "SELECT COALESCE(SUM(TOTAL_CONNECTIONS), 0) > 0 FROM performance_schema.users WHERE USER LIKE '%\\_ro'")" = 1

echo "  docker-compose down --volumes"
compose down --volumes --remove-orphans --rmi local --timeout 20 > "$WORK/down.log" 2>&1
check "down removes every container of the project" \
  bash -c "[ -z \"\$(podman ps -aq --filter label=com.docker.compose.project=$PROJECT)\" ]"
check "down removes the project's network" bash -c "! podman network ls --format '{{.Name}}' | grep -q '^$PROJECT'"
check "down removes the project's volumes" bash -c "! podman volume ls --format '{{.Name}}' | grep -q '^$PROJECT'"
remove_build_stages
check "no build stage of the services' images is left behind" \
  bash -c "[ -z \"\$(podman images -q --filter label=org.bookstore.stage=build)\" ]"
finish compose
