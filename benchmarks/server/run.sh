#!/usr/bin/env bash
# The server's load figures (benchmarks/RESULTS.md, "The server"): loyalty serve in its own JVM,
# tills from wrk (Debian's package: a C client, so the two cores go to the server) and, for the
# open loop at a fixed rate, the Java LoadGenerator. Loopback only; every run is bounded.
#   benchmarks/server/run.sh sqlite
#   benchmarks/server/run.sh postgresql JDBC-URL      # e.g. from .ci/postgres start
# Needs: ./mvnw -q -B -DskipTests package (bin/loyalty and benchmarks/target/benchmarks.jar), wrk.
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
if [ "$store" = postgresql ]; then
  schema="load_$(date +%s)"
  psql "${url#jdbc:}" -q -c "CREATE SCHEMA $schema" 2>/dev/null \
    || psql "$(echo "${url#jdbc:}" | sed 's/?user=/?user=/')" -q -c "CREATE SCHEMA $schema"
  args+=(--store "$url&currentSchema=$schema")
fi
JAVA_OPTS="$opts" bin/loyalty "${args[@]}" 2>"$work/serve.log" &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 60); do grep -q listening "$work/serve.log" && break; sleep 1; done
base=http://127.0.0.1:$port
cpu() { awk '{print $14 + $15}' "/proc/$server/stat"; }
w() { wrk -t"$1" -c"$2" -d"$3" -s benchmarks/server/sales.lua "$base" -- "$till" 100000 "$4" | tail -1; }
echo "== $store, server options: $opts"
echo "warm-up (60 s, 16 tills, 20 % quotes, enrols members):"; w 2 16 60s 0.2
for run in "2 16 30s 0 16 tills, sales only" "1 1 20s 0 1 till, sales only" \
    "2 16 30s 0.2 16 tills, 20 % quotes"; do
  set -- $run
  c0=$(cpu); line=$(w "$1" "$2" "$3" "$4"); c1=$(cpu)
  n=$(echo "$line" | awk '{print $2}')
  shift 4
  echo "$*: $line; server CPU $(awk -v c=$((c1 - c0)) -v n="$n" 'BEGIN {printf "%.2f", c * 10 / n}') ms a request"
done
echo "open loop, 200 commits/s + 50 quotes/s, 16 tills (LoadGenerator):"
java -cp benchmarks/target/benchmarks.jar io.github.loyaltyrules.benchmarks.server.LoadGenerator \
  --url "$base" --key "$till" --admin-key "$admin" --members 100000 --quotes 0.2 --clients 16 \
  --rate 200 --warmup 10 --duration 30 | sed -n '/^measured/,$p'
