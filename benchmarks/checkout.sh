#!/usr/bin/env bash
# Checkout + payment with 50 concurrent customers through nginx: orders per second, latency percentiles of a
# cart→order→payment round, and errors (expected: none). Starts the local stack on spare ports; bounded to
# 1500 orders or 60 s.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export BOOKSTORE_HOME="$(mktemp -d /tmp/bookstore-bench.XXXXXX)"
export BOOKSTORE_HTTPS_PORT=28443 BOOKSTORE_HTTP_PORT=28080 BOOKSTORE_DB_PORTS="33306 33307 33308" BOOKSTORE_SERVICE_PORT_BASE=29000
trap '"$ROOT/bookstore" down >/dev/null 2>&1 || true; rm -rf "$BOOKSTORE_HOME"' EXIT
[ -f "$ROOT/benchmarks/target/benchmarks.jar" ] || (cd "$ROOT" && ./mvnw -B -q -Pbench -pl benchmarks -am package -DskipTests)
"$ROOT/bookstore" up --no-build >/dev/null
"$("$ROOT/bookstore" jdk)/bin/java" -cp "$ROOT/benchmarks/target/benchmarks.jar" com.bookstore.bench.CheckoutLoad \
  "https://localhost:28443" "$BOOKSTORE_HOME/nginx/tls/cert.pem" "http://127.0.0.1:29001" 50 1500 60
