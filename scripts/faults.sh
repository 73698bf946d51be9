#!/usr/bin/env bash
# Runs the fault tests (tests/LiveCommerce.Tests/Faults) longer than CI does: storage faults on the embedded
# engine, a silo killed with SIGKILL mid-rush, Redis cut and stalled through a proxy, and the refused-checkout
# retry of the issue. Starts a private Redis on a free loopback port (installs redis-server when missing),
# builds the test project, runs the Faults tests and stops what it started.
#
#   bash scripts/faults.sh [rounds] [seed]
#
# rounds (default 5) sets LIVECOMMERCE_FAULT_ROUNDS: each test runs that many rounds, seeds seed, seed+1, ...
# seed (optional) sets LIVECOMMERCE_FAULT_SEED, replacing every test's fixed base seed.
# Each round prints its seed and its violations ("[faults] ..." lines); the silo logs are in /tmp.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
rounds="${1:-5}"
seed="${2:-}"
results="$root/artifacts/fault-results"
rm -rf "$results"
mkdir -p "$results"

if ! command -v redis-server >/dev/null 2>&1; then
  apt-get update -qq >/dev/null 2>&1 || true
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null 2>&1 || { echo "could not install redis-server" >&2; exit 1; }
fi

free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$(( (RANDOM % 20000) + 20000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  return 1
}

redis_port=$(free_port)
redis_pid_file=$(mktemp -u /tmp/livecommerce-faults-redis-XXXXXX.pid)
redis-server --port "$redis_port" --bind 127.0.0.1 --daemonize yes --save '' --appendonly no \
  --pidfile "$redis_pid_file" --logfile /dev/null || { echo "redis-server did not start" >&2; exit 1; }
stop_redis() { [ -f "$redis_pid_file" ] && kill "$(cat "$redis_pid_file")" 2>/dev/null; rm -f "$redis_pid_file"; }
trap stop_redis EXIT
for _ in $(seq 1 50); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.1; done
export LIVECOMMERCE_TEST_REDIS="127.0.0.1:$redis_port"
export LIVECOMMERCE_FAULT_ROUNDS="$rounds"
if [ -n "$seed" ]; then export LIVECOMMERCE_FAULT_SEED="$seed"; fi
echo "private Redis on $LIVECOMMERCE_TEST_REDIS; $rounds rounds per fault test${seed:+, base seed $seed}"

dotnet build tests/LiveCommerce.Tests -c Release -nologo -v q || exit 1
dotnet test tests/LiveCommerce.Tests -c Release --no-build -nologo --filter "FullyQualifiedName~LiveCommerce.Tests.Faults" \
  --logger "trx" --logger "console;verbosity=normal" --results-directory "$results" | tee "$results/console.log" | grep -E "^\[faults\]|^\s+(Passed|Failed) "
status=${PIPESTATUS[0]}

passed=0
failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(echo "$counters" | grep -o 'passed="[0-9]*"' | grep -o '[0-9]*')
  f=$(echo "$counters" | grep -o 'failed="[0-9]*"' | grep -o '[0-9]*')
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done
echo "$passed passed, $failed failed"
exit "$status"
