#!/usr/bin/env bash
# A real live stream on this machine: the engine (Development, with its demo shop and the live stream "demo"), the
# media server (scripts/media.sh) and an encoder pushing a moving test pattern with a tone (media/test-pattern.sh)
# with the demo creator's stream key. Open the printed viewer page to watch it; Ctrl-C stops what this started.
#   bash scripts/video-demo.sh              until Ctrl-C
#   DEMO_SECONDS=60 bash scripts/video-demo.sh
# Settings: ENGINE_URL (http://127.0.0.1:5080; an engine already answering there is used as it is), and the
# MEDIA_* settings of scripts/media.sh. Installs nginx, its RTMP module, ffmpeg and curl when they are missing.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
. scripts/lib/common.sh

engine_url=${ENGINE_URL:-http://127.0.0.1:5080}
engine_url=${engine_url%/}
export MEDIA_ENGINE_URL=$engine_url
export MEDIA_RTMP_PORT=${MEDIA_RTMP_PORT:-1935}
export MEDIA_HTTP_PORT=${MEDIA_HTTP_PORT:-8088}
seconds=${DEMO_SECONDS:-}

engine_pid=""
media_started=0
push_pid=""
cleanup() {
  trap - EXIT INT TERM
  [ -z "$push_pid" ] || kill "$push_pid" 2>/dev/null
  [ "$media_started" = 0 ] || bash scripts/media.sh stop >/dev/null
  if [ -n "$engine_pid" ]; then
    kill "$engine_pid" 2>/dev/null
    wait "$engine_pid" 2>/dev/null
    echo "engine stopped"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

need curl curl || exit 1
mkdir -p artifacts

ready() { curl -fs "$engine_url/health/ready" >/dev/null 2>&1; }
if ready; then
  echo "using the engine already running at $engine_url"
else
  echo "building and starting the engine at $engine_url ..."
  dotnet build silos/LiveCommerce.Silo -c Release -nologo -v q || exit 1
  (cd silos/LiveCommerce.Silo && ASPNETCORE_ENVIRONMENT=Development Media__RtmpUrl="rtmp://127.0.0.1:$MEDIA_RTMP_PORT/live" \
    exec dotnet bin/Release/net10.0/LiveCommerce.Silo.dll --urls "$engine_url" >"$root/artifacts/video-demo-engine.log" 2>&1) &
  engine_pid=$!
  for _ in $(seq 1 600); do
    ready && break
    kill -0 "$engine_pid" 2>/dev/null || { echo "the engine stopped; see artifacts/video-demo-engine.log" >&2; exit 1; }
    sleep 0.2
  done
  ready || { echo "the engine did not become ready" >&2; exit 1; }
fi

if bash scripts/media.sh status >/dev/null 2>&1; then
  echo "using the media server already running for port $MEDIA_RTMP_PORT"
else
  bash scripts/media.sh start || exit 1
  media_started=1
fi

json_field() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p"; }
for _ in $(seq 1 100); do
  curl -fs "$engine_url/api/streams/demo" >/dev/null 2>&1 && break
  sleep 0.2
done
token=$(curl -fs "$engine_url/dev/token?sub=demo-creator&role=creator,seller" | json_field token)
[ -n "$token" ] || { echo "no demo token: the engine must run in Development (GET /dev/token)" >&2; exit 1; }
ingest=$(curl -fs -H "Authorization: Bearer $token" "$engine_url/api/streams/demo/ingest")
rtmp_url=$(echo "$ingest" | json_field rtmpUrl)
stream_key=$(echo "$ingest" | json_field streamKey)
[ -n "$stream_key" ] || { echo "could not read the demo stream's key: $ingest" >&2; exit 1; }

sh media/test-pattern.sh "$rtmp_url/$stream_key" $seconds 2>"$root/artifacts/video-demo-ffmpeg.log" &
push_pid=$!
viewer=$engine_url
cat <<TEXT

The demo stream is live with moving video.
  Watch it:       $viewer/watch/demo
  Creator studio: $viewer/studio   (sign in as demo-creator: the video panel shows the key and a preview)
  Pushing to:     $rtmp_url/<the demo stream key>
  Stop:           Ctrl-C

TEXT
wait "$push_pid"
status=$?
push_pid=""
[ -z "$seconds" ] && [ "$status" != 0 ] && { echo "the encoder stopped ($status); see artifacts/video-demo-ffmpeg.log" >&2; exit 1; }
exit 0
