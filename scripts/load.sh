#!/usr/bin/env bash
# Runs a simulator scenario against a Release build of the engine started here, and stops what it started.
#   bash scripts/load.sh embedded fanout --viewers 1000 --runs 7
#   bash scripts/load.sh cluster  rush   --viewers 1000 --units 500 --claims-per-viewer 5
# "cluster" starts a private Redis and two engine processes sharing it; viewers are spread over both.
# Extra engine settings can be passed as environment variables (e.g. Hub__ClaimBurst=5).
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:?embedded or cluster}; shift
scenario=${1:?fanout, rush or engagement}; shift
. scripts/lib/common.sh

dotnet build -c Release -nologo -v q silos/LiveCommerce.Silo >/dev/null
dotnet build -c Release -nologo -v q clients/LiveCommerce.Simulator >/dev/null
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; stop_redis; }
trap cleanup EXIT

key="load-test-signing-key-0123456789abcdefghijklmnopqrstuvwxyz"
common=(env ASPNETCORE_ENVIRONMENT=Production Auth__SigningKey="$key" HttpLimits__RequestsPerSecond=100000
        Orleans__Endpoints__AdvertisedIPAddress=127.0.0.1 Logging__LogLevel__Default=Warning)
urls=()
start_engine() { # start_engine <extra env...>
  local http silo gateway
  http=$(free_port); silo=$(free_port); gateway=$(free_port)
  "${common[@]}" "$@" Orleans__Endpoints__SiloPort="$silo" Orleans__Endpoints__GatewayPort="$gateway" \
    dotnet silos/LiveCommerce.Silo/bin/Release/net10.0/LiveCommerce.Silo.dll --urls "http://127.0.0.1:$http" >/dev/null 2>&1 &
  pids+=("$!")
  urls+=(--url "http://127.0.0.1:$http")
  for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$http/health/ready" >/dev/null && return 0; sleep 0.2; done
  echo "engine on port $http did not become ready" >&2; return 1
}

if [ "$mode" = cluster ]; then
  start_redis livecommerce-load-redis
  start_engine ConnectionStrings__Redis="127.0.0.1:$redis_port"
  start_engine ConnectionStrings__Redis="127.0.0.1:$redis_port"
else
  start_engine
fi

dotnet clients/LiveCommerce.Simulator/bin/Release/net10.0/LiveCommerce.Simulator.dll "$scenario" "${urls[@]}" --signing-key "$key" "$@"
