#!/usr/bin/env bash
# Checkout + payment with 50 concurrent customers through nginx: orders per second, latency percentiles of a
# cart→order→payment round, and errors (expected: none). Starts the local stack on spare ports; bounded to
# 1500 orders or 60 s.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib/stack.sh"
# Every simulated customer registers from this one address: lift the per-address registration limit (20 in 15 min).
export BOOKSTORE_AUTH_THROTTLE_REGISTRATIONSPERADDRESS=1000000
bench_jar # the JDK ./bookstore uses, for the build and the load generator alike
"$ROOT/bookstore" up --no-build >/dev/null
"$JAVA_HOME/bin/java" -cp "$ROOT/benchmarks/target/benchmarks.jar" com.bookstore.bench.CheckoutLoad \
  "https://localhost:$BOOKSTORE_HTTPS_PORT" "$BOOKSTORE_HOME/nginx/tls/cert.pem" "http://127.0.0.1:11001" 50 1500 60
resident_memory
