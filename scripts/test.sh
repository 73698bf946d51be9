#!/usr/bin/env bash
# Runs every test of LiveCommerce: installs what is missing (redis-server, Chromium, Node.js, the media server's
# nginx-light, libnginx-mod-rtmp and ffmpeg, docker-compose for the compose check), starts a private Redis on a free
# loopback port for the cluster-mode tests, runs the whole suite (embedded default and Redis cluster mode; the video
# tests start their own media servers through scripts/media.sh), validates docker-compose.yml, stops what it
# started, and ends with a line "N passed, N failed" counted from the test results.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
results="$root/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

. scripts/lib/common.sh

need redis-server redis-server || exit 1
need chromium chromium || exit 1   # the browser tests drive Debian's Chromium
need node nodejs || exit 1         # the web pages are bundled from npm packages at build time
need nginx nginx-light || exit 1   # the media server of the video tests (scripts/media.sh) ...
need_file /usr/lib/nginx/modules/ngx_rtmp_module.so libnginx-mod-rtmp || exit 1   # ... with its RTMP module
need ffmpeg ffmpeg || exit 1       # the video tests' encoder (media/test-pattern.sh)
need docker-compose docker-compose || echo "docker-compose unavailable: the compose file check will fail" >&2

trap stop_redis EXIT
start_redis livecommerce-redis || exit 1
export LIVECOMMERCE_TEST_REDIS="127.0.0.1:$redis_port"
echo "private Redis on $LIVECOMMERCE_TEST_REDIS"

dotnet build LiveCommerce.sln -c Release -nologo -v q
build=$?
test_exit=1
if [ "$build" = 0 ]; then
  # One test assembly at a time: the load-heavy end-to-end tests and the browser tests share two cores.
  dotnet test LiveCommerce.sln -c Release --no-build -nologo -m:1 \
    --logger "trx" --logger "console;verbosity=normal" --results-directory "$results"
  test_exit=$?
fi

compose_exit=0
if command -v docker-compose >/dev/null 2>&1; then
  AUTH_SIGNING_KEY="${AUTH_SIGNING_KEY:-compose-check-placeholder-key-0123456789abcdef}" \
  MEDIA_CALLBACK_SECRET="${MEDIA_CALLBACK_SECRET:-compose-check-placeholder-secret}" \
    docker-compose -f docker-compose.yml config -q && echo "docker-compose.yml is valid" || compose_exit=$?
else
  compose_exit=1
fi

passed=0; failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(echo "$counters" | sed -n 's/.* passed="\([0-9]*\)".*/\1/p'); f=$(echo "$counters" | sed -n 's/.* failed="\([0-9]*\)".*/\1/p')
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
if [ "$failed" != 0 ] && command -v python3 >/dev/null 2>&1; then
  # The failed tests by name, each with the first lines of its message, so the end of the log says what failed.
  python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
for trx in sorted(glob.glob(sys.argv[1] + "/*.trx")):
    for result in ET.parse(trx).getroot().iterfind(".//t:UnitTestResult", ns):
        if result.get("outcome") != "Failed":
            continue
        message = result.findtext(".//t:ErrorInfo/t:Message", default="", namespaces=ns).strip().splitlines()
        print("FAILED " + result.get("testName", "?"))
        for line in message[:12]:
            print("    " + line[:300])
PY
fi
[ "$build" != 0 ] && failed=$((failed + 1)) && echo "the build failed"
[ "$compose_exit" != 0 ] && failed=$((failed + 1)) && echo "docker-compose.yml check failed (counted as a failure)"
[ "$compose_exit" = 0 ] && passed=$((passed + 1))

echo "$passed passed, $failed failed"
[ "$failed" = 0 ] && [ "$test_exit" = 0 ]
