#!/usr/bin/env bash
# The edge cache, measured side by side in one run (wrk, 2 threads, 16 connections, 15 s each after a warm-up):
#   static   - nginx serving a book's JSON as a file, with the same TLS settings and certificate as the site
#   cached   - the same book through the site, anonymous: nginx's edge cache (1 s fresh)
#   uncached - the same book through the site, signed in (Authorization): past the cache to the catalog
# and then the services' resident memory. Starts the local stack on spare ports; stops what it started by PID.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib/stack.sh"
STATIC_PORT=12444
STATIC="$BOOKSTORE_HOME/static"
on_exit() { [ -f "$STATIC/nginx.pid" ] && kill "$(cat "$STATIC/nginx.pid")" 2>/dev/null; }
needs wrk jq

"$ROOT/bookstore" up --no-build >/dev/null
id="$(curl -sk "$BASE/api/books?size=1&sort=title" | jq -r '.items[0].id')"
token="$(curl -s -H 'Content-Type: application/json' \
  -d '{"email":"customer@bookstore.test","password":"reading-is-fun-2026"}' \
  "http://127.0.0.1:11001/api/auth/login" | jq -r .accessToken)"

# nginx serving the book's JSON as a static file, with the site's own TLS settings and certificate.
mkdir -p "$STATIC/root/api/books" "$STATIC/logs"
chmod -R a+rX "$STATIC"
curl -sk "$BASE/api/books/$id" > "$STATIC/root/api/books/$id"
tls="$BOOKSTORE_HOME/nginx/tls"
cat > "$STATIC/nginx.conf" <<CONF
worker_processes auto;
pid $STATIC/nginx.pid;
error_log $STATIC/logs/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    sendfile on;
    keepalive_timeout 65s;
    default_type application/json;
    client_body_temp_path $STATIC/client_body;
    proxy_temp_path $STATIC/proxy;
    fastcgi_temp_path $STATIC/fastcgi;
    uwsgi_temp_path $STATIC/uwsgi;
    scgi_temp_path $STATIC/scgi;
    server {
        listen 127.0.0.1:$STATIC_PORT ssl http2;
        ssl_certificate $tls/cert.pem;
        ssl_certificate_key $tls/key.pem;
        ssl_protocols TLSv1.2 TLSv1.3;
        ssl_ciphers ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305;
        ssl_prefer_server_ciphers off;
        ssl_session_cache shared:MozSSLStatic:10m;
        ssl_session_tickets off;
        root $STATIC/root;
    }
}
CONF
nginx -p "$STATIC" -c "$STATIC/nginx.conf"
until curl -skf -o /dev/null "https://localhost:$STATIC_PORT/api/books/$id"; do sleep 0.2; done
# The cached JSON must be the one the site serves (same bytes), or the comparison is not fair.
cmp -s "$STATIC/root/api/books/$id" <(curl -sk "$BASE/api/books/$id") || { echo "static and site JSON differ"; exit 1; }

measure() { # label url [header]
  local args=(-t2 -c16 -d15s --latency)
  [ -n "${3:-}" ] && args+=(-H "$3")
  wrk -t2 -c16 -d3s ${3:+-H "$3"} "$2" >/dev/null # warm-up
  wrk "${args[@]}" "$2" > "$BOOKSTORE_HOME/$1.wrk"
  local rps p50 p99 errors
  rps="$(awk '/Requests\/sec/ {print $2}' "$BOOKSTORE_HOME/$1.wrk")"
  p50="$(awk '$1 == "50%" {print $2}' "$BOOKSTORE_HOME/$1.wrk")"
  p99="$(awk '$1 == "99%" {print $2}' "$BOOKSTORE_HOME/$1.wrk")"
  errors="$(grep -E 'Non-2xx|Socket errors' "$BOOKSTORE_HOME/$1.wrk" | tr -s ' ' | paste -sd';' - || true)"
  printf '%-9s %10s req/s   p50 %8s   p99 %8s   %s\n' "$1" "$rps" "$p50" "$p99" "${errors:-no errors}"
  echo "$rps $p50 $p99" > "$BOOKSTORE_HOME/$1.figures"
}
echo "== GET /api/books/$id, TLS, 2 threads, 16 connections, 15 s"
measure static "https://localhost:$STATIC_PORT/api/books/$id"
measure cached "$BASE/api/books/$id"
measure uncached "$BASE/api/books/$id" "Authorization: Bearer $token"
ms() { # wrk's latency (123.45us, 1.23ms, 1.02s) in milliseconds
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}
read -r s_rps _ _ < "$BOOKSTORE_HOME/static.figures"
read -r c_rps _ c_p99 < "$BOOKSTORE_HOME/cached.figures"
read -r _ u_p50 u_p99 < "$BOOKSTORE_HOME/uncached.figures"
echo "== cached is $(awk -v c="$c_rps" -v s="$s_rps" 'BEGIN {printf "%.0f", 100 * c / s}')% of static (target >= 50%)," \
  "its p99 $(ms "$c_p99") ms (target <= 10 ms); uncached p99 is" \
  "$(awk -v a="$(ms "$u_p99")" -v b="$(ms "$u_p50")" 'BEGIN {printf "%.1f", a / b}')x its p50 (target <= 4x)"
resident_memory
