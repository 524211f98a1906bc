#!/usr/bin/env bash
# Prints the instance's nginx.conf, rendered from the shared reverse-proxy/nginx.conf.template:
#   nginx-config.sh RUN_DIR TLS_DIR TRUSTED_PROXY_CIDR DOMAIN_NAME > nginx.conf
# RUN_DIR gets the pid file, temp folders and a copy of the outage page (readable by the workers); TLS_DIR gets
# a self-signed certificate on first use (the load balancer holds the public one and does not verify this one).
# Listens on 443 (and 80); the services on 127.0.0.1:9001-9003; X-Forwarded-For trusted from the VPC.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bundle="$(dirname "$here")"
run_dir="$1" tls="$2" cidr="$3" domain="$4"
mkdir -p "$run_dir"
cp -r "$bundle/reverse-proxy/errors" "$run_dir/" && chmod -R a+rX "$run_dir/errors"
bash "$bundle/reverse-proxy/self-signed.sh" "$tls" "$domain" 3650
NGINX_RUN_DIR="$run_dir" NGINX_LOG_DIR="${NGINX_LOG_DIR:-/var/log/nginx}" NGINX_MIME_TYPES=/etc/nginx/mime.types \
  NGINX_BIND=0.0.0.0 NGINX_ERROR_PAGES="$run_dir" HTTP_PORT=80 HTTPS_PORT=443 \
  TLS_CERT="$tls/cert.pem" TLS_KEY="$tls/key.pem" TRUSTED_PROXIES="    set_real_ip_from $cidr;" \
  AUTH_UPSTREAMS=127.0.0.1:9001 CATALOG_UPSTREAMS=127.0.0.1:9002 PURCHASE_UPSTREAMS=127.0.0.1:9003 \
  bash "$bundle/reverse-proxy/render.sh"
