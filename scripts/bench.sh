#!/usr/bin/env bash
# The speed-and-memory benchmark: the engine and a raw WebSocket broadcast baseline (Kestrel, no SignalR), driven by
# the same bare-socket client (SignalR JSON over System.Net.WebSockets) in one invocation; prints a markdown table
# with engine ÷ baseline ratios.
#   bash scripts/bench.sh            fan-out at 1,000 and 10,000 viewers (7 runs), memory at 10,000, 7 rush rounds
#   bash scripts/bench.sh --quick    fan-out at 1,000 viewers (3 runs), memory at 1,000, 3 rush rounds
#   bash scripts/bench.sh --cluster  the engine as two processes sharing a private Redis (memory is their sum)
# Builds Release, starts what it needs on free loopback ports and stops only what it started (by pid).
# Figures: fan-out p50 / p99 / last viewer / burst deliveries per second (viewers reached ÷ time from the trigger to
# the last delivery) / events delivered; memory per connected viewer (server RSS growth ÷ viewers, idle before and
# after); rounds of 1,000 viewers × 3 empty hub calls (Ping) fired at once, then as many claims at once on a new
# 500-unit offer; and the servers' CPU time (/proc/PID/stat) per delivery and per call.
# The per-viewer claim limiter must let 3 claims at once through: its default burst (Hub:ClaimBurst) is 4, set here
# explicitly. HttpLimits__RequestsPerSecond is raised as in load.sh, for the creator's HTTP calls.
# Exits 1 when a scenario failed or one of its checks did (an event not delivered, not exactly 500 units reserved).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
quick=0
cluster=0
for arg in "$@"; do
  case "$arg" in
    --quick) quick=1 ;;
    --cluster) cluster=1 ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "unknown argument $arg (use --quick, --cluster)" >&2; exit 2 ;;
  esac
done
. scripts/lib/common.sh
need jq jq >&2 || exit 1

if [ "$quick" = 1 ]; then sizes=(1000); runs=3; idle=3; memory_viewers=1000
else sizes=(1000 10000); runs=7; idle=5; memory_viewers=10000; fi
rush_viewers=1000; claims_per_viewer=3; units=500

# Every viewer is a socket in the client and one in the server: raise the open-file limit of this shell (and so of
# every process it starts).
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt $((memory_viewers + 2000)) ]; then
  echo "the open-file limit ($(ulimit -n)) is too low for $memory_viewers viewers" >&2; exit 1
fi

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
echo "building Release ..." >&2
dotnet build -c Release -nologo -v q silos/LiveCommerce.Silo >/dev/null
dotnet build -c Release -nologo -v q clients/LiveCommerce.Simulator >/dev/null
simulator=(dotnet "$root/clients/LiveCommerce.Simulator/bin/Release/net10.0/LiveCommerce.Simulator.dll")

pids=()
out=$(mktemp -d /tmp/livecommerce-bench-XXXXXX)
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  stop_redis
}
trap cleanup EXIT

key="bench-signing-key-0123456789abcdefghijklmnopqrstuvwxyz"
engine_env=(env ASPNETCORE_ENVIRONMENT=Production Auth__SigningKey="$key" HttpLimits__RequestsPerSecond=100000
            Hub__ClaimBurst=4 Orleans__Endpoints__AdvertisedIPAddress=127.0.0.1 Logging__LogLevel__Default=Warning)
engine_urls=()
engine_pids=()
wait_ready() { # wait_ready <url> <what>
  for _ in $(seq 1 150); do curl -sf "$1" >/dev/null && return 0; sleep 0.2; done
  echo "$2 did not become ready ($1)" >&2; return 1
}
start_engine() { # start_engine <extra env...>
  local http silo gateway
  http=$(free_port); silo=$(free_port); gateway=$(free_port)
  "${engine_env[@]}" "$@" Orleans__Endpoints__SiloPort="$silo" Orleans__Endpoints__GatewayPort="$gateway" \
    dotnet silos/LiveCommerce.Silo/bin/Release/net10.0/LiveCommerce.Silo.dll --urls "http://127.0.0.1:$http" \
    >"$out/engine-$http.log" 2>&1 &
  pids+=("$!"); engine_pids+=(--pid "$!")
  engine_urls+=(--url "http://127.0.0.1:$http")
  wait_ready "http://127.0.0.1:$http/health/ready" "engine on port $http"
}

if [ "$cluster" = 1 ]; then
  need redis-server redis-server >&2 || exit 1
  start_redis livecommerce-bench-redis
  start_engine ConnectionStrings__Redis="127.0.0.1:$redis_port"
  start_engine ConnectionStrings__Redis="127.0.0.1:$redis_port"
  mode="cluster (2 processes + Redis)"
else
  start_engine
  mode="embedded (1 process)"
fi

baseline_port=$(free_port)
"${simulator[@]}" baseline --url "http://127.0.0.1:$baseline_port" >"$out/baseline.log" 2>&1 &
baseline_pid=$!
pids+=("$baseline_pid")
baseline_url=(--url "http://127.0.0.1:$baseline_port")
wait_ready "http://127.0.0.1:$baseline_port/count" "the baseline"

failed=()
run() { # run <name> <simulator arguments...>: the summary goes to $out/<name>.json, progress to $out/<name>.log
  local name=$1; shift
  echo "== $name" >&2
  if ! "${simulator[@]}" "$@" --json >"$out/$name.json" 2>"$out/$name.log"; then
    failed+=("$name")
    echo "   $name failed or missed a check: see $out/$name.log" >&2
  fi
  tr '\r' '\n' <"$out/$name.log" | grep -v '^connecting\|^ *$' | sed 's/^/   /' >&2 || true
}
engine=(--signing-key "$key" "${engine_urls[@]}")

# Memory first, on engines nothing has connected to yet (a few warm-up viewers connect and leave first).
run memory-engine bench-memory --viewers "$memory_viewers" --idle "$idle" "${engine[@]}" "${engine_pids[@]}"
run memory-baseline bench-memory --target baseline --viewers "$memory_viewers" --idle "$idle" "${baseline_url[@]}" --pid "$baseline_pid"
for n in "${sizes[@]}"; do
  run "fanout-$n-engine" bench-fanout --viewers "$n" --runs "$runs" "${engine[@]}" "${engine_pids[@]}"
  run "fanout-$n-baseline" bench-fanout --target baseline --viewers "$n" --runs "$runs" "${baseline_url[@]}" --pid "$baseline_pid"
done
run rush-engine bench-rush --viewers "$rush_viewers" --claims-per-viewer "$claims_per_viewer" --units "$units" --runs "$runs" "${engine[@]}" "${engine_pids[@]}"

# ---- the table --------------------------------------------------------------------------------------------------
get() { jq -r "if has(\"$2\") then .\"$2\" else \"nan\" end" "$out/$1.json" 2>/dev/null || echo nan; }
fmt() { # fmt <number> [decimals]: thousands separated
  awk -v x="$1" -v d="${2:-0}" 'BEGIN {
    if (x !~ /^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$/) { print "n/a"; exit }
    s = sprintf("%.*f", d, x); sign = ""; if (substr(s, 1, 1) == "-") { sign = "-"; s = substr(s, 2) }
    i = index(s, "."); whole = i ? substr(s, 1, i - 1) : s; frac = i ? substr(s, i) : ""
    while (length(whole) > 3) { frac = "," substr(whole, length(whole) - 2) frac; whole = substr(whole, 1, length(whole) - 3) }
    print sign whole frac }'
}
number='^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$'
ratio() { awk -v a="$1" -v b="$2" -v n="$number" 'BEGIN { if (a !~ n || b !~ n || b == 0) print "n/a"; else printf "%.2f×\n", a / b }'; }
met() { awk -v c="$1" 'BEGIN { print (c ? "yes" : "**no**") }'; }
le() { awk -v a="$1" -v b="$2" -v n="$number" 'BEGIN { print (a ~ n && b ~ n && a + 0 <= b + 0) ? 1 : 0 }'; }
ge() { awk -v a="$1" -v b="$2" -v n="$number" 'BEGIN { print (a ~ n && b ~ n && a + 0 >= b + 0) ? 1 : 0 }'; }

cpu=$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')
memory=$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)
os=$(. /etc/os-release 2>/dev/null && echo "${PRETTY_NAME:-Linux}" || echo Linux)
runtime=$(dotnet --list-runtimes | awk '/Microsoft.NETCore.App/ { v = $2 } END { print v }')
command="bash scripts/bench.sh${*:+ $*}"
label=$([ "$quick" = 1 ] && echo quick || echo full)
[ "$cluster" = 1 ] && label="$label, cluster"

echo
echo "**Run \`$label\`**: \`$command\` on $(date -u '+%Y-%m-%d %H:%M UTC'); machine: $(nproc) shared cores ($cpu), $memory, $os, .NET $runtime;"
echo "engine $mode; engine, baseline and client on the same machine over loopback; load average $load_before at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end."
echo
echo "| run | figure | engine | baseline | engine ÷ baseline | target | met |"
echo "| --- | --- | ---: | ---: | ---: | --- | --- |"
for n in "${sizes[@]}"; do
  e="fanout-$n-engine"; b="fanout-$n-baseline"; nn=$(fmt "$n")
  target_p99=""; target_rate=""; target_all=""; met_p99=""; met_rate=""; met_all=""
  if [ "$n" = 10000 ]; then
    target_p99="≤ baseline"; met_p99=$(met "$(le "$(get "$e" p99Ms)" "$(get "$b" p99Ms)")")
    target_rate="≥ baseline"; met_rate=$(met "$(ge "$(get "$e" deliveriesPerSecond)" "$(get "$b" deliveriesPerSecond)")")
    target_all="every event"; met_all=$(met "$( [ "$(get "$e" delivered)" = "$(get "$e" expected)" ] && echo 1 || echo 0)")
  fi
  echo "| $label | fan-out $nn viewers: p50 (median of $runs runs) | $(fmt "$(get "$e" p50Ms)" 1) ms | $(fmt "$(get "$b" p50Ms)" 1) ms | $(ratio "$(get "$e" p50Ms)" "$(get "$b" p50Ms)") | | |"
  echo "| $label | fan-out $nn viewers: p99 | $(fmt "$(get "$e" p99Ms)" 1) ms | $(fmt "$(get "$b" p99Ms)" 1) ms | $(ratio "$(get "$e" p99Ms)" "$(get "$b" p99Ms)") | $target_p99 | $met_p99 |"
  echo "| $label | fan-out $nn viewers: last viewer (min–max over runs) | $(fmt "$(get "$e" lastMs)" 1) ms ($(fmt "$(get "$e" lastMinMs)" 0)–$(fmt "$(get "$e" lastMaxMs)" 0)) | $(fmt "$(get "$b" lastMs)" 1) ms ($(fmt "$(get "$b" lastMinMs)" 0)–$(fmt "$(get "$b" lastMaxMs)" 0)) | $(ratio "$(get "$e" lastMs)" "$(get "$b" lastMs)") | | |"
  echo "| $label | fan-out $nn viewers: burst deliveries/s | $(fmt "$(get "$e" deliveriesPerSecond)") | $(fmt "$(get "$b" deliveriesPerSecond)") | $(ratio "$(get "$e" deliveriesPerSecond)" "$(get "$b" deliveriesPerSecond)") | $target_rate | $met_rate |"
  echo "| $label | fan-out $nn viewers: server CPU per delivery (client CPU per delivery) | $(fmt "$(get "$e" serverCpuUsPerDelivery)" 1) µs ($(fmt "$(get "$e" clientCpuUsPerDelivery)" 1) µs) | $(fmt "$(get "$b" serverCpuUsPerDelivery)" 1) µs ($(fmt "$(get "$b" clientCpuUsPerDelivery)" 1) µs) | $(ratio "$(get "$e" serverCpuUsPerDelivery)" "$(get "$b" serverCpuUsPerDelivery)") | | |"
  echo "| $label | fan-out $nn viewers: delivered (frame bytes) | $(fmt "$(get "$e" delivered)") of $(fmt "$(get "$e" expected)") ($(get "$e" frameBytes) B) | $(fmt "$(get "$b" delivered)") of $(fmt "$(get "$b" expected)") ($(get "$b" frameBytes) B) | | $target_all | $met_all |"
done
em=$(get memory-engine perViewerKiB); bm=$(get memory-baseline perViewerKiB)
memory_target=""; memory_met=""
if [ "$memory_viewers" = 10000 ]; then memory_target="≤ 20 KB"; memory_met=$(met "$(le "$(awk -v k="$em" 'BEGIN { print k * 1.024 }')" 20)"); fi
echo "| $label | memory per connected viewer, $(fmt "$memory_viewers") viewers (RSS idle → connected) | $(fmt "$em" 1) KiB ($(fmt "$(awk -v k="$(get memory-engine rssBeforeKiB)" 'BEGIN { print k / 1024 }')") → $(fmt "$(awk -v k="$(get memory-engine rssAfterKiB)" 'BEGIN { print k / 1024 }')") MiB) | $(fmt "$bm" 1) KiB ($(fmt "$(awk -v k="$(get memory-baseline rssBeforeKiB)" 'BEGIN { print k / 1024 }')") → $(fmt "$(awk -v k="$(get memory-baseline rssAfterKiB)" 'BEGIN { print k / 1024 }')") MiB) | $(ratio "$em" "$bm") | $memory_target | $memory_met |"
r=rush-engine; rush_calls=$(fmt "$((rush_viewers * claims_per_viewer))"); rounds=$(get "$r" rounds)
cps=$(get "$r" claimsPerSecond); eps=$(get "$r" emptyCallsPerSecond)
echo "| $label | rush: $rush_calls claims at once ($(fmt "$rush_viewers") viewers × $claims_per_viewer, $units units) vs $rush_calls Ping at once: calls/s, median of $rounds rounds after a warm-up round (min–max) | $(fmt "$cps") claims/s ($(fmt "$(get "$r" claimsPerSecondMin)")–$(fmt "$(get "$r" claimsPerSecondMax)")) | $(fmt "$eps") Ping/s ($(fmt "$(get "$r" emptyCallsPerSecondMin)")–$(fmt "$(get "$r" emptyCallsPerSecondMax)")) | $(ratio "$cps" "$eps") | ≥ 0.70× | $(met "$(ge "$(awk -v a="$cps" -v b="$eps" 'BEGIN { print (b > 0) ? a / b : "nan" }')" 0.7)") |"
echo "| $label | rush: p50 / p99, median of rounds (claims vs Ping) | $(fmt "$(get "$r" claimP50Ms)" 1) / $(fmt "$(get "$r" claimP99Ms)" 1) ms (worst p99 $(fmt "$(get "$r" claimP99MaxMs)" 0)) | $(fmt "$(get "$r" emptyCallP50Ms)" 1) / $(fmt "$(get "$r" emptyCallP99Ms)" 1) ms | $(ratio "$(get "$r" claimP99Ms)" "$(get "$r" emptyCallP99Ms)") (p99) | claim p99 ≤ 300 ms | $(met "$(le "$(get "$r" claimP99Ms)" 300)") |"
echo "| $label | rush: the warm-up round (the first claims this engine process serves): calls/s, claim p99 | $(fmt "$(get "$r" warmupClaimsPerSecond)") claims/s, p99 $(fmt "$(get "$r" warmupClaimP99Ms)" 0) ms | $(fmt "$(get "$r" warmupEmptyCallsPerSecond)") Ping/s | $(ratio "$(get "$r" warmupClaimsPerSecond)" "$(get "$r" warmupEmptyCallsPerSecond)") | | |"
echo "| $label | rush: server CPU per call (claims vs Ping) | $(fmt "$(get "$r" serverCpuUsPerClaim)" 0) µs | $(fmt "$(get "$r" serverCpuUsPerEmptyCall)" 0) µs | $(ratio "$(get "$r" serverCpuUsPerClaim)" "$(get "$r" serverCpuUsPerEmptyCall)") | | |"
echo "| $label | rush: outcomes, all rounds | $(fmt "$(get "$r" outcome.reserved)") reserved, $(fmt "$(get "$r" outcome.soldOut)") soldOut, $(fmt "$(get "$r" outcome.limitReached)") limitReached, $(fmt "$(get "$r" errors)") errors | | | exactly $units reserved per round | $(met "$( [ "$(jq -r '.checks.exactlyUnitsReservedEveryRound' "$out/$r.json" 2>/dev/null)" = true ] && [ "$(get "$r" errors)" = 0 ] && echo 1 || echo 0)") |"
echo
echo "Raw summaries and logs: $out" >&2
if [ "${#failed[@]}" -gt 0 ]; then
  echo "failed or missed a check: ${failed[*]}" >&2
  exit 1
fi
