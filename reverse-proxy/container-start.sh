#!/usr/bin/env bash
# Container entry point of the proxy (docker-compose-dev.yml): a self-signed certificate on first start, the
# configuration rendered from the shared template with the compose service names as upstreams, then nginx.
set -euo pipefail
here=/opt/bookstore/proxy
tls=/etc/nginx/tls
mkdir -p /var/cache/nginx/bookstore
"$here/self-signed.sh" "$tls" localhost 825
NGINX_RUN_DIR=/var/cache/nginx/bookstore NGINX_LOG_DIR=/var/log/nginx NGINX_MIME_TYPES=/etc/nginx/mime.types \
  NGINX_BIND=0.0.0.0 NGINX_ERROR_PAGES="$here" HTTP_PORT="${HTTP_PORT:-8080}" HTTPS_PORT="${HTTPS_PORT:-8443}" \
  TLS_CERT="$tls/cert.pem" TLS_KEY="$tls/key.pem" TRUSTED_PROXIES="" \
  AUTH_UPSTREAMS="$AUTH_UPSTREAM" CATALOG_UPSTREAMS="$CATALOG_UPSTREAM" PURCHASE_UPSTREAMS="$PURCHASE_UPSTREAM" \
  "$here/render.sh" > /etc/nginx/nginx.conf
exec nginx -g 'daemon off;'
