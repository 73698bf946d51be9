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

. scripts/lib/common.sh
need redis-server redis-server || exit 1
trap stop_redis EXIT
start_redis livecommerce-faults-redis || exit 1
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
