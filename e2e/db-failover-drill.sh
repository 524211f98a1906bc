#!/usr/bin/env bash
# The database failover drill, as an operator would run it on the local stack: customers put a book in their cart,
# check out and pay without pause (through nginx, paying again with the same Idempotency-Key after a 503, as a
# client should), a reader reads the book; the writer is killed with kill -9 and `./bookstore failover`
# promotes the most advanced replica and moves the writer endpoint; later the replica still serving reads is killed
# too. Afterwards, on the new writer: every order and payment the shop acknowledged (201 / 200) is there exactly
# once, the book is not oversold, writes were back within 30 s of the kill, and no read failed (a signed-in reader,
# past nginx's edge cache, to the database). Prints the measured times and "N passed, N failed".
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=e2e/checks.sh
. "$ROOT/e2e/checks.sh"
export BOOKSTORE_HOME="$(mktemp -d /tmp/bookstore-drill.XXXXXX)"
export BOOKSTORE_HTTPS_PORT=29443 BOOKSTORE_HTTP_PORT=29080
export BOOKSTORE_DB_PORTS="29306 29307 29308" BOOKSTORE_SERVICE_PORT_BASE=29000
BASE="https://localhost:$BOOKSTORE_HTTPS_PORT"
AUTH="http://127.0.0.1:29001" # sign-ups and sign-ins of the drill's customers, past nginx's sign-in rate limit
ENGINE="${BOOKSTORE_DB:-mariadb}"
DB_DIR="$BOOKSTORE_HOME/db"; [ "$ENGINE" = mysql ] && DB_DIR="$BOOKSTORE_HOME/db-mysql"
WORK="$BOOKSTORE_HOME/drill"
CUSTOMERS=4 STOCK=50 BEFORE_KILL=6 AFTER_BACK=10
stack_up db-failover-drill
mkdir -p "$WORK"
JAVA="$("$ROOT/bookstore" jdk)/bin/java"
writer_cli() { "$JAVA" -Dslf4j.internal.verbosity=ERROR -cp "$ROOT/testkit/target/classes:$ROOT/testkit/target/lib/*" \
  com.bookstore.testkit.ReplicaSetCli "$1" "$DB_DIR" "${@:2}"; }
writer_sql() { writer_cli query "$1"; }
now() { date +%s.%N; }

token_of() { # email password: an access token from the auth service
  curl -s -H 'Content-Type: application/json' -d "{\"email\":\"$1\",\"password\":\"$2\"}" "$AUTH/api/auth/login" \
    | jq -r '.accessToken // empty'
}
staff="$(token_of admin@bookstore.test staff-only-bookstore-2026)"
book="$(curl -sk -H 'Content-Type: application/json' -H "Authorization: Bearer $staff" \
  -d "{\"isbn\":\"$(new_isbn)\",\"title\":\"The Failover Drill\",\"author\":\"Test Author\",\"description\":\"Bought while the database fails over.\",\"genre\":\"Fiction\",\"publishedYear\":2026,\"price\":\"10.00\",\"currency\":\"EUR\",\"stock\":$STOCK}" \
  "$BASE/api/books" | jq -r '.id // empty')"
check "staff put a book of $STOCK copies on sale" test -n "$book"
tokens=()
for i in $(seq 0 "$CUSTOMERS"); do # customer 0 is the probe that times the writes coming back
  email="drill-$i-$$@bookstore.test"
  curl -s -o /dev/null -H 'Content-Type: application/json' \
    -d "{\"email\":\"$email\",\"password\":\"a-long-and-unusual-passphrase\",\"displayName\":\"Drill $i\"}" "$AUTH/api/auth/register"
  tokens+=("$(token_of "$email" a-long-and-unusual-passphrase)")
done
check "$CUSTOMERS customers and a probe have signed up" bash -c "[ $(printf '%s\n' "${tokens[@]}" | grep -c .) -eq $((CUSTOMERS + 1)) ]"

ADDRESS='{"fullName":"Ada Lovelace","line1":"12 Analytical Row","city":"London","postalCode":"N1 9GU","country":"GB"}'
CARD='{"cardNumber":"4242424242424242","expiryMonth":12,"expiryYear":2099,"cvc":"123","cardholderName":"Ada Lovelace"}'
call() { # method path token [body] [extra header]: prints "<status> <body>"
  local out
  out="$(curl -sk --max-time 10 -X "$1" -H 'Content-Type: application/json' -H "Authorization: Bearer $3" \
    ${5:+-H "$5"} ${4:+-d "$4"} -w '\n%{http_code}' "$BASE$2")"
  echo "${out##*$'\n'} ${out%$'\n'*}"
}
customer() { # token log
  local answer code id key attempt
  while [ ! -f "$WORK/stop" ]; do
    answer="$(call PUT "/api/cart/items/$book" "$1" '{"quantity":1}')"
    if [ "${answer%% *}" != 200 ]; then echo "cart ${answer%% *}" >> "$2"; sleep 0.3; continue; fi
    answer="$(call POST /api/orders "$1" "{\"shippingAddress\":$ADDRESS,\"deliveryOption\":\"STANDARD\"}")"
    code="${answer%% *}"
    if [ "$code" != 201 ]; then echo "order $code" >> "$2"; sleep 0.3; continue; fi
    id="$(jq -r .id <<< "${answer#* }")"
    echo "ordered $id" >> "$2"
    key="drill-$(openssl rand -hex 12)"
    for attempt in $(seq 1 60); do
      answer="$(call POST "/api/orders/$id/payment" "$1" "$CARD" "Idempotency-Key: $key")"
      code="${answer%% *}"
      if [ "$code" = 200 ]; then echo "paid $id" >> "$2"; break; fi
      echo "pay $code" >> "$2"
      case "$code" in 503 | 502 | 504 | 000 | 409) sleep 0.5 ;; *) break ;; esac
    done
  done
}
reader() { # reads of the book's JSON, signed in (past nginx's edge cache, to the database), one status a line
  while [ ! -f "$WORK/stop" ]; do
    curl -sk -o /dev/null --max-time 10 -w '%{http_code}\n' -H "Authorization: Bearer $1" \
      "$BASE/api/books/$book" >> "$WORK/reads"
    sleep 0.05
  done
}

echo "  load: $CUSTOMERS customers buying and paying, anonymous reads; the writer dies after ${BEFORE_KILL} s"
pids=()
for i in $(seq 1 "$CUSTOMERS"); do customer "${tokens[$i]}" "$WORK/customer-$i" & pids+=($!); done
reader "${tokens[0]}" & pids+=($!)
sleep "$BEFORE_KILL"
paid_before="$(cat "$WORK"/customer-* 2>/dev/null | grep -c '^paid ')"
writer_pid="$(cat "$DB_DIR/primary/server.pid")"
kill -9 "$writer_pid"; killed="$(now)"
echo "  killed the writer (pid $writer_pid) after $paid_before paid orders"
"$ROOT/bookstore" failover | sed 's/^/  /'; failed_over="$(now)"
back=""
for _ in $(seq 1 300); do
  code="$(call PUT "/api/cart/items/$book" "${tokens[0]}" '{"quantity":1}')"
  [ "${code%% *}" = 200 ] && { back="$(now)"; break; }
  sleep 0.1
done
sleep $((AFTER_BACK / 2))
# Then the replica that still serves reads dies too, under the same load: reads go on (a read running on it is
# run again elsewhere), from the writer.
writer_name="$(writer_cli writer | cut -d= -f1)"
for name in replica1 replica2; do [ "$name" != "$writer_name" ] && reader_name="$name"; done
kill -9 "$(cat "$DB_DIR/$reader_name/server.pid")"
echo "  killed the last replica ($reader_name) under the read load"
sleep $((AFTER_BACK / 2))
touch "$WORK/stop"
wait "${pids[@]}" 2>/dev/null

failover_s="$(echo "$failed_over - $killed" | bc)"
back_s="$(echo "${back:-$killed + 999} - $killed" | bc)"
printf '  ./bookstore failover took %.1f s; writes were back %.1f s after the kill\n' "$failover_s" "$back_s"
ordered="$(cat "$WORK"/customer-* | sed -n 's/^ordered //p' | sort -u)"
paid="$(cat "$WORK"/customer-* | sed -n 's/^paid //p' | sort -u)"
n_ordered="$(grep -c . <<< "$ordered")"; n_paid="$(grep -c . <<< "$paid")"
reads="$(wc -l < "$WORK/reads")"; failed_reads="$(grep -vc '^200$' "$WORK/reads")"
echo "  acknowledged: $n_ordered orders (201), $n_paid payments (200); $(grep -hc '^order 409' "$WORK"/customer-* | paste -sd+ | bc) checkouts found the book sold out"
echo "  other answers: $(cat "$WORK"/customer-* | grep -v '^ordered \|^paid ' | sort | uniq -c | tr -s ' ' | paste -sd, -)"
echo "  signed-in reads: $reads, not 200: $failed_reads ($(grep -v '^200$' "$WORK/reads" | sort | uniq -c | tr '\n' ' '))"
in_list() { sed "s/.*/'&'/" <<< "$1" | paste -sd, -; }

check "the writer died under load, with orders paid before it" test "$paid_before" -gt 0
check "writes were back within 30 s of the kill" bash -c "[ -n '$back' ] && (( \$(echo '$back_s < 30' | bc) ))"
check "payments were acknowledged after the failover too" \
  bash -c "[ $(cat "$WORK"/customer-* | grep -c '^paid ') -gt $paid_before ]"
check "every acknowledged order is on the new writer, once ($n_ordered)" \
  test "$(writer_sql "SELECT COUNT(*) FROM purchase.orders WHERE id IN ($(in_list "$ordered"))")" = "$n_ordered"
check "every acknowledged payment is there exactly once, captured, its order paid ($n_paid)" bash -c "
  [ \"\$1\" = '$n_paid' ] && [ \"\$2\" = '$n_paid' ]" _ \
  "$(writer_sql "SELECT COUNT(*) FROM purchase.payments WHERE status = 'CAPTURED' AND order_id IN ($(in_list "$paid"))")" \
  "$(writer_sql "SELECT COUNT(*) FROM purchase.orders WHERE status IN ('PAID', 'SHIPPED', 'DELIVERED') AND id IN ($(in_list "$paid"))")"
sold="$(writer_sql "SELECT COALESCE(SUM(l.quantity), 0) FROM purchase.order_lines l JOIN purchase.orders o ON o.id = l.order_id
  WHERE l.book_id = $book AND o.status IN ('PENDING_PAYMENT', 'PAID', 'SHIPPED', 'DELIVERED')")"
stock="$(writer_sql "SELECT stock FROM catalog.books WHERE id = $book")"
held="$(writer_sql "SELECT COALESCE(SUM(l.quantity), 0) FROM catalog.stock_reservation_lines l JOIN catalog.stock_reservations r
  ON r.order_id = l.order_id WHERE l.book_id = $book AND r.status = 'RESERVED'")"
echo "  the book: $STOCK copies; in live orders $sold; held by reservations $held; in stock $stock"
check "nothing is oversold: stock never below 0, live orders within the $STOCK copies, every copy accounted for" \
  bash -c "[ $stock -ge 0 ] && [ $sold -le $STOCK ] && [ $((stock + held)) -eq $STOCK ]"
check "no read failed, through the writer's death and then a replica's ($reads reads)" test "$failed_reads" -eq 0
check "no customer got a 500 (an outage is a 503 with Retry-After)" bash -c "! cat $WORK/customer-* | grep -q ' 500$'"
if cat "$WORK"/customer-* | grep -q ' 500$'; then
  for svc in purchase catalog; do
    echo "---- $svc: errors"; grep -B2 -A25 ' ERROR ' "$BOOKSTORE_HOME/logs/$svc-1.log" | cut -c1-300 | head -80
  done
fi
finish db-failover-drill
