#!/usr/bin/env bash
# Runs the model-based tests (tests/LiveCommerce.Tests/Model) for longer than CI does:
#   bash scripts/model.sh [sequences] [steps]      e.g. bash scripts/model.sh 2000
# sequences (default 500) sets LIVECOMMERCE_MODEL_RUNS: sequences of the grain-level test, and 40 times as many
# iterations of each ledger property; steps (default 40) sets LIVECOMMERCE_MODEL_STEPS. To replay a failure, set
# LIVECOMMERCE_MODEL_SEED to the seed CsCheck printed (with the same steps).
set -euo pipefail
cd "$(dirname "$0")/.."
export LIVECOMMERCE_MODEL_RUNS="${1:-500}"
export LIVECOMMERCE_MODEL_STEPS="${2:-${LIVECOMMERCE_MODEL_STEPS:-40}}"
results="artifacts/model-results"
mkdir -p "$results"
echo "model tests: $LIVECOMMERCE_MODEL_RUNS sequences of $LIVECOMMERCE_MODEL_STEPS steps${LIVECOMMERCE_MODEL_SEED:+, seed $LIVECOMMERCE_MODEL_SEED}"
dotnet build tests/LiveCommerce.Tests -c Release -nologo -v q
dotnet test tests/LiveCommerce.Tests -c Release --no-build -nologo \
  --filter "FullyQualifiedName~LiveCommerce.Tests.Model." \
  --logger "console;verbosity=detailed" --logger "trx;LogFileName=model.trx" --results-directory "$results"
