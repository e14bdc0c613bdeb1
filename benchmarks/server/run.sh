#!/usr/bin/env bash
# The server's load figures (benchmarks/RESULTS.md, "The server"): loyalty serve in its own JVM,
# tills from wrk (Debian's package: a C client, so the two cores go to the server) and, for the
# open loop at a fixed rate, the Java LoadGenerator. Loopback only; every run is bounded.
#   benchmarks/server/run.sh sqlite
#   benchmarks/server/run.sh postgresql JDBC-URL      # e.g. from .ci/postgres start
# Needs: ./mvnw -q -B -DskipTests package (bin/loyalty and benchmarks/target/benchmarks.jar), wrk.
# SERVE_ARGS adds options to serve (e.g. "--warm-up 0"); SERVER_OPTS replaces its JVM options.
# The load generator first warms its own JVM for 15 s on a path the server answers 404 (nothing
# evaluated), so a fresh server's figures are the server's, not the generator's JIT.
# Order: the open loop on the fresh server (measured from its first request), 60 s of closed-loop
# warm-up, the closed-loop runs, the open loop again on the warmed server. The CPU a request costs
# is the server's (and, with PostgreSQL, the database's: its postmaster and every child).
set -euo pipefail
cd "$(dirname "$0")/../.."
store=${1:?sqlite or postgresql}
url=${2:-}
port=${PORT:-18080}
work=$(mktemp -d /tmp/loyalty-load.XXXXXX)
opts=${SERVER_OPTS:--Xmx1g -XX:MaxGCPauseMillis=10}
command -v wrk >/dev/null || { apt-get update -q && apt-get install -y -q wrk; }
till=$(bin/loyalty keys add till --keys "$work/keys.txt" --role till --store S01)
admin=$(bin/loyalty keys add office --keys "$work/keys.txt" --role admin)
args=(serve --port "$port" --data "$work/data" --keys "$work/keys.txt")
pg=
if [ "$store" = postgresql ]; then
  schema="load_$(date +%s)"
  psql "${url#jdbc:}" -q -c "CREATE SCHEMA $schema"
  args+=(--store "$url&currentSchema=$schema")
  # the postmaster: the process listening on the URL's port (its children are the database)
  pgport=$(echo "$url" | sed -E 's#^jdbc:postgresql://[^:/]+:?([0-9]*)/.*#\1#')
  pg=$(ss -ltnpH "sport = :${pgport:-5432}" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
fi
# shellcheck disable=SC2086
JAVA_OPTS="$opts -Dorg.slf4j.simpleLogger.log.io.github.loyaltyrules.server=info" \
  bin/loyalty "${args[@]}" ${SERVE_ARGS:-} 2>"$work/serve.log" &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 120); do grep -q listening "$work/serve.log" && break; sleep 1; done
grep -h 'warm' "$work/serve.log" || true
base=http://127.0.0.1:$port
ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
cpu() { ticks "$server"; }
pgcpu() {
  [ -n "$pg" ] || { echo 0; return; }
  local t=0 p
  for p in $pg $(ps -o pid= --ppid "$pg"); do t=$((t + $(ticks "$p"))); done
  echo "$t"
}
per() { awk -v c="$1" -v n="$2" 'BEGIN {printf "%.2f", c * 10 / n}'; }
w() { wrk -t"$1" -c"$2" -d"$3" -s benchmarks/server/sales.lua "$base" -- "$till" 100000 "$4" | tail -1; }
open_loop() {
  local c0 c1
  c0=$(cpu)
  java -cp benchmarks/target/benchmarks.jar io.github.loyaltyrules.benchmarks.server.LoadGenerator \
    --url "$base" --key "$till" --admin-key "$admin" --members 100000 --quotes 0.2 --clients 16 \
    --rate 200 --client-warmup 15 --warmup "$1" --duration 30 \
    | sed -n -e '/^this JVM warmed up/p' -e '/^measured/,$p'
  c1=$(cpu)
  echo "  server CPU $(awk -v c=$((c1 - c0)) 'BEGIN {printf "%.1f", c / 100}') s over the run" \
    "load $(cut -d' ' -f1 /proc/loadavg)"
}
echo "== $store, server options: $opts ${SERVE_ARGS:-}; $(uptime)"
echo "open loop on the fresh server, 200 commits/s + 50 quotes/s, 16 tills, from its first request:"
open_loop 0
echo "warm-up (60 s, 16 tills, 20 % quotes, enrols members):"; w 2 16 60s 0.2
for run in "2 16 30s 0 16 tills, sales only" "1 1 20s 0 1 till, sales only" \
    "2 16 30s 0.2 16 tills, 20 % quotes"; do
  set -- $run
  c0=$(cpu); p0=$(pgcpu); line=$(w "$1" "$2" "$3" "$4"); c1=$(cpu); p1=$(pgcpu)
  n=$(echo "$line" | awk '{print $2}')
  shift 4
  echo "$*: $line; server CPU $(per $((c1 - c0)) "$n") ms a request$( [ -z "$pg" ] || echo ", PostgreSQL CPU $(per $((p1 - p0)) "$n") ms a request"); load $(cut -d' ' -f1 /proc/loadavg)"
done
echo "open loop on the warmed server, 200 commits/s + 50 quotes/s, 16 tills (10 s warm-up):"
open_loop 10
echo "$(uptime)"
