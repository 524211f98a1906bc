#!/usr/bin/env bash
# Checkout + payment with 50 concurrent customers through nginx: orders per second, latency percentiles of a
# cart→order→payment round, and errors (expected: none). Starts the local stack on spare ports; bounded to
# 1500 orders or 60 s.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export BOOKSTORE_HOME="$(mktemp -d /tmp/bookstore-bench.XXXXXX)"
export BOOKSTORE_HTTPS_PORT=12443 BOOKSTORE_HTTP_PORT=12080 BOOKSTORE_DB_PORTS="12306 12307 12308" BOOKSTORE_SERVICE_PORT_BASE=11000
# Every simulated customer registers from this one address: lift the per-address registration limit (20 in 15 min).
export BOOKSTORE_AUTH_THROTTLE_REGISTRATIONSPERADDRESS=1000000
trap '"$ROOT/bookstore" down >/dev/null 2>&1 || true; rm -rf "$BOOKSTORE_HOME"' EXIT
# The JDK ./bookstore uses (21 or newer), for the build and the load generator alike: the machine's default java
# may be older.
export JAVA_HOME="$("$ROOT/bookstore" jdk)"
[ -f "$ROOT/benchmarks/target/benchmarks.jar" ] || (cd "$ROOT" && ./mvnw -B -q -Pbench -pl benchmarks -am package -DskipTests)
"$ROOT/bookstore" up --no-build >/dev/null
"$JAVA_HOME/bin/java" -cp "$ROOT/benchmarks/target/benchmarks.jar" com.bookstore.bench.CheckoutLoad \
  "https://localhost:$BOOKSTORE_HTTPS_PORT" "$BOOKSTORE_HOME/nginx/tls/cert.pem" "http://127.0.0.1:11001" 50 1500 60
