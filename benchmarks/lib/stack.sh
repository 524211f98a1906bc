# Sourced by the benchmark scripts: the local stack's state in a folder of its own and on spare ports (services
# from 11001, HTTPS 12443, databases 12306-12308), so a benchmark never touches a running ./bookstore up; at exit
# the stack is stopped (by its PIDs, ./bookstore down) and the folder removed, after the script's own clean-up
# (on_exit). Sets ROOT and BASE; needs TOOL… says which tools are missing; resident_memory prints each service's
# RSS; bench_jdk and bench_jar give the JDK ./bookstore uses (21 or newer: the machine's default java may be older)
# and the load generators' jar.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export BOOKSTORE_HOME="$(mktemp -d /tmp/bookstore-bench.XXXXXX)"
chmod 755 "$BOOKSTORE_HOME" # a static nginx of a benchmark reads from it as an unprivileged worker
export BOOKSTORE_HTTPS_PORT=12443 BOOKSTORE_HTTP_PORT=12080 BOOKSTORE_DB_PORTS="12306 12307 12308"
export BOOKSTORE_SERVICE_PORT_BASE=11000
BASE="https://localhost:$BOOKSTORE_HTTPS_PORT"

on_exit() { :; } # a script that starts more than the stack redefines it
bench_cleanup() {
  on_exit || true
  "$ROOT/bookstore" down >/dev/null 2>&1 || true
  rm -rf "$BOOKSTORE_HOME"
}
trap bench_cleanup EXIT

needs() {
  for tool in "$@"; do
    command -v "$tool" >/dev/null || { echo "$tool is missing: apt-get install -y $tool"; exit 1; }
  done
}

# The resident memory of each service (instance 1), what #17's "<= 300 MB after the benchmarks" is about: at the
# end of the load, and settled 15 s later, once the services have fallen quiet (a full collection after load,
# IdleHeapRelease, ~5 s; the compilers' arenas freed and the native heap trimmed, every 10 s).
resident_memory() {
  local svc
  declare -A at_end
  for svc in auth catalog purchase; do at_end[$svc]="$(rss_mb "$svc")"; done
  sleep 15
  echo "== resident memory after the runs: at the end of the load / settled 15 s later"
  for svc in auth catalog purchase; do
    printf '   %-9s %6d MB / %6d MB RSS\n' "$svc" "${at_end[$svc]}" "$(rss_mb "$svc")"
  done
}

rss_mb() { # service: its instance 1's resident memory now, in MB
  echo $(( $(awk '/VmRSS/ {print $2}' "/proc/$(cat "$BOOKSTORE_HOME/run/$1-1.pid")/status") / 1024 ))
}

bench_jdk() {
  JAVA_HOME="$("$ROOT/bookstore" jdk)"
  export JAVA_HOME
}

bench_jar() {
  bench_jdk
  [ -f "$ROOT/benchmarks/target/benchmarks.jar" ] \
    || (cd "$ROOT" && ./mvnw -B -q -Pbench -pl benchmarks -am package -DskipTests)
}
