#!/usr/bin/env bash
# Runs the seeded online simulation of the product ranker (tests/LiveCommerce.Tests/RankingSimulation) at full
# size, through the real engine in the embedded default and in cluster mode, and prints its report.
#   bash scripts/ranking-sim.sh                 # 60 viewers x 10 rounds, CI's seed
#   bash scripts/ranking-sim.sh 60 10 42        # viewers, rounds, seed
# Cluster mode uses LIVECOMMERCE_TEST_REDIS when set, else starts a private redis-server.
# Exits non-zero when a target is missed (the report lists every target, met or not).
set -euo pipefail
cd "$(dirname "$0")/.."
export LIVECOMMERCE_RANKSIM_VIEWERS="${1:-60}"
export LIVECOMMERCE_RANKSIM_ROUNDS="${2:-10}"
if [ -n "${3:-}" ]; then export LIVECOMMERCE_RANKSIM_SEED="$3"; fi
report="$(mktemp "${TMPDIR:-/tmp}/ranking-sim.XXXXXX")"
log="$(mktemp "${TMPDIR:-/tmp}/ranking-sim-log.XXXXXX")"
trap 'rm -f "$report" "$log"' EXIT
export LIVECOMMERCE_RANKSIM_REPORT="$report"
echo "ranking simulation: $LIVECOMMERCE_RANKSIM_VIEWERS viewers x $LIVECOMMERCE_RANKSIM_ROUNDS rounds, seed ${LIVECOMMERCE_RANKSIM_SEED:-default}"
dotnet build tests/LiveCommerce.Tests -c Release -nologo -v q
status=0
dotnet test tests/LiveCommerce.Tests -c Release --no-build -nologo \
  --filter "FullyQualifiedName~LiveCommerce.Tests.RankingSimulation" \
  --logger "console;verbosity=minimal" >"$log" 2>&1 || status=$?
if [ -s "$report" ]; then
  cat "$report"
else
  cat "$log"
  echo "ranking simulation: no report was written (the run failed before measuring; the test output is above)"
fi
exit "$status"
