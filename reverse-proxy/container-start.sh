#!/usr/bin/env bash
# Container entry point of the proxy (docker-compose-dev.yml): a self-signed certificate on first start, the
# configuration rendered from the shared template with the compose service names as upstreams, then nginx.
set -euo pipefail
here=/opt/bookstore/proxy
tls=/etc/nginx/tls
mkdir -p "$tls" /var/cache/nginx/bookstore
if [ ! -f "$tls/cert.pem" ]; then
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 825 \
    -subj "/CN=localhost" -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
    -keyout "$tls/key.pem" -out "$tls/cert.pem" 2>/dev/null
fi
server() { printf '        server %s max_fails=2 fail_timeout=10s;\n' "$1"; }
NGINX_RUN_DIR=/var/cache/nginx/bookstore NGINX_LOG_DIR=/var/log/nginx NGINX_MIME_TYPES=/etc/nginx/mime.types \
  NGINX_BIND=0.0.0.0 NGINX_ERROR_PAGES="$here" HTTP_PORT="${HTTP_PORT:-8080}" HTTPS_PORT="${HTTPS_PORT:-8443}" \
  TLS_CERT="$tls/cert.pem" TLS_KEY="$tls/key.pem" TRUSTED_PROXIES="" \
  AUTH_SERVERS="$(server "$AUTH_UPSTREAM")" CATALOG_SERVERS="$(server "$CATALOG_UPSTREAM")" \
  PURCHASE_SERVERS="$(server "$PURCHASE_UPSTREAM")" \
  "$here/render.sh" > /etc/nginx/nginx.conf
exec nginx -g 'daemon off;'
