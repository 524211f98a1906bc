#!/usr/bin/env bash
# Logins per second with Argon2id on this machine, and the latency of other requests (JWKS, /api/auth/me)
# while logins run flat out. Starts the local stack on spare ports, measures with wrk straight at the auth
# service (nginx's login rate limit would cap it otherwise), and stops the stack. Bounded: 20 s per run.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib/stack.sh"
needs wrk
"$ROOT/bookstore" up --no-build >/dev/null
AUTH=http://127.0.0.1:11001
TOKEN=$(curl -s "$AUTH/api/auth/login" -H 'Content-Type: application/json' \
  -d '{"email":"customer@bookstore.test","password":"reading-is-fun-2026"}' | sed 's/.*"accessToken":"\([^"]*\)".*/\1/')
for _ in 1 2; do wrk -t2 -c8 -d5s -s "$ROOT/benchmarks/wrk/login.lua" "$AUTH/api/auth/login" >/dev/null; done  # warm-up
echo "== /api/auth/me alone (bearer token; 4 connections)"
wrk -t1 -c4 -d20s --latency -H "Authorization: Bearer $TOKEN" "$AUTH/api/auth/me" | grep -E "Requests/sec|50%|99%"
echo "== logins flat out (16 connections) ..."
wrk -t2 -c16 -d20s --latency -s "$ROOT/benchmarks/wrk/login.lua" "$AUTH/api/auth/login" > "$BOOKSTORE_HOME/logins.txt" &
sleep 2
echo "== ... and /api/auth/me at the same time (4 connections)"
wrk -t1 -c4 -d15s --latency -H "Authorization: Bearer $TOKEN" "$AUTH/api/auth/me" | grep -E "Requests/sec|50%|99%"
wait
echo "== logins"
grep -E "Requests/sec|50%|99%|Non-2xx" "$BOOKSTORE_HOME/logins.txt"
resident_memory
