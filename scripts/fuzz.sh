#!/usr/bin/env bash
# Runs the bad-input fuzz test (tests/LiveCommerce.Tests/Fuzz) with more cases than CI's 10,000.
#   bash scripts/fuzz.sh                 # 10,000 cases, CI's seed
#   bash scripts/fuzz.sh 200000          # 200,000 cases, CI's seed
#   bash scripts/fuzz.sh 200000 42       # 200,000 cases, seed 42 (a failure prints the seed to replay)
# Prints the report (counts by kind of finding, examples, timings) and exits non-zero on any finding.
set -euo pipefail
cd "$(dirname "$0")/.."
export LIVECOMMERCE_FUZZ_CASES="${1:-10000}"
if [ -n "${2:-}" ]; then export LIVECOMMERCE_FUZZ_SEED="$2"; fi
echo "fuzz: $LIVECOMMERCE_FUZZ_CASES cases, seed ${LIVECOMMERCE_FUZZ_SEED:-default}"
dotnet build tests/LiveCommerce.Tests -c Release -nologo -v q
dotnet test tests/LiveCommerce.Tests -c Release --no-build -nologo \
  --filter "FullyQualifiedName~LiveCommerce.Tests.Fuzz" \
  --logger "console;verbosity=detailed"
