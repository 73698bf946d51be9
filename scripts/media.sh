#!/usr/bin/env bash
# The media server of LiveCommerce (nginx with the RTMP module), on loopback by default:
#   scripts/media.sh start    installs what is missing, starts it in the background, waits until it answers
#   scripts/media.sh stop     stops the one this script started with the same settings (and nothing else)
#   scripts/media.sh status   says whether it runs
#   scripts/media.sh run      runs it in the foreground (containers)
# Settings from the environment:
#   MEDIA_RTMP_PORT        1935                    RTMP port creators push to: rtmp://127.0.0.1:1935/live
#   MEDIA_HTTP_PORT        8088                    HTTP port of the HLS: http://127.0.0.1:8088/hls/{streamId}.m3u8
#   MEDIA_ENGINE_URL       http://127.0.0.1:5080   the engine its callbacks go to (plain http)
#   MEDIA_CALLBACK_SECRET  unset                   sent with every callback; the engine's Media:CallbackSecret
#   MEDIA_PUBLIC_URL       http://127.0.0.1:$MEDIA_HTTP_PORT/hls   where it tells the engine viewers find its HLS
#   MEDIA_PUBLIC_RTMP_URL  rtmp://127.0.0.1:$MEDIA_RTMP_PORT/live  where it tells the engine encoders push
#   MEDIA_BIND             127.0.0.1               address it listens on (0.0.0.0 in a container)
#   MEDIA_DIR              /tmp/livecommerce-media-$MEDIA_RTMP_PORT   its configuration, HLS, recordings and logs
#   MEDIA_UPDATE_SECONDS   5                       how often it reports a running push to the engine
set -uo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
. "$here/scripts/lib/common.sh"

rtmp_port=${MEDIA_RTMP_PORT:-1935}
http_port=${MEDIA_HTTP_PORT:-8088}
engine_url=${MEDIA_ENGINE_URL:-http://127.0.0.1:5080}
engine_url=${engine_url%/}
secret=${MEDIA_CALLBACK_SECRET:-}
bind=${MEDIA_BIND:-127.0.0.1}
public_url=${MEDIA_PUBLIC_URL:-http://127.0.0.1:$http_port/hls}
public_rtmp_url=${MEDIA_PUBLIC_RTMP_URL:-rtmp://127.0.0.1:$rtmp_port/live}
dir=${MEDIA_DIR:-${TMPDIR:-/tmp}/livecommerce-media-$rtmp_port}
update_seconds=${MEDIA_UPDATE_SECONDS:-5}
module=/usr/lib/nginx/modules/ngx_rtmp_module.so
pid_file="$dir/media.pid"

urlencode() { # urlencode <text>: percent-encodes everything but unreserved characters
  local text=$1 out="" c i
  for ((i = 0; i < ${#text}; i++)); do
    c=${text:i:1}
    case "$c" in
      [a-zA-Z0-9.~_-]) out+="$c" ;;
      *) out+=$(printf '%%%02X' "'$c") ;;
    esac
  done
  printf '%s' "$out"
}

install_missing() {
  need nginx nginx-light || return 1
  need_file "$module" libnginx-mod-rtmp || return 1
  need ffmpeg ffmpeg || return 1
  need flock util-linux || return 1
}

write_config() {
  case "$engine_url" in
    http://*) ;;
    *) echo "MEDIA_ENGINE_URL must be a plain http:// address (the RTMP module calls back over plain HTTP): $engine_url" >&2; return 1 ;;
  esac
  mkdir -p "$dir"/{hls,replay,recordings,logs,temp} || return 1
  local query="playback=$(urlencode "$public_url")"
  [ -z "$secret" ] || query="secret=$(urlencode "$secret")\&$query"   # \& : a literal & in sed's replacement
  sed -e "s|@RTMP_MODULE@|$module|g" -e "s|@DIR@|$dir|g" -e "s|@BIND@|$bind|g" \
      -e "s|@RTMP_PORT@|$rtmp_port|g" -e "s|@HTTP_PORT@|$http_port|g" -e "s|@ENGINE_URL@|$engine_url|g" \
      -e "s|@CALLBACK_QUERY@|$query|g" -e "s|@UPDATE_SECONDS@|$update_seconds|g" -e "s|@LOG_LEVEL@|${MEDIA_LOG_LEVEL:-warn}|g" \
      -e "s|@RECORDING_DONE@|$here/media/recording-done.sh|g" \
      "$here/media/nginx.conf" > "$dir/nginx.conf" || return 1
  nginx -t -q -c "$dir/nginx.conf" -p "$dir" 2>"$dir/logs/config-test.log" \
    || { echo "the media server's configuration does not load:" >&2; cat "$dir/logs/config-test.log" >&2; return 1; }
}

running_pid() { # prints the pid of the media server this script started with these settings, if it still runs
  [ -f "$pid_file" ] || return 1
  local pid
  pid=$(cat "$pid_file")
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && grep -q nginx "/proc/$pid/cmdline" 2>/dev/null && echo "$pid"
}

answers() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

announce() { # tells the engine the media server's public addresses (its Media:* settings still win); best effort
  local rest=${engine_url#http://} host port path body query=""
  host=${rest%%/*}
  path=/${rest#*/}
  [ "$path" = "/$rest" ] && path=/
  path=${path%/}
  port=80
  case "$host" in *:*) port=${host##*:}; host=${host%:*} ;; esac
  [ -z "$secret" ] || query="?secret=$(urlencode "$secret")"
  body="rtmp=$(urlencode "$public_rtmp_url")&playback=$(urlencode "$public_url")"
  local answer
  answer=$(timeout 5 bash -c '
    exec 3<>"/dev/tcp/$1/$2" || exit 1
    printf "POST %s HTTP/1.1\r\nHost: %s\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: %s\r\nConnection: close\r\n\r\n%s" "$3" "$1:$2" "${#4}" "$4" >&3
    head -n 1 <&3' _ "$host" "$port" "$path/api/media/announce$query" "$body" 2>/dev/null)
  case "$answer" in
    *" 204"*) echo "told the engine at $engine_url where to push and play" ;;
    *) echo "the engine at $engine_url did not take the media server's addresses (${answer:-no answer}); it learns them from the first push, or from its Media:* settings" ;;
  esac
}

start() {
  if pid=$(running_pid); then
    echo "the media server already runs (pid $pid): rtmp://127.0.0.1:$rtmp_port/live, $public_url"
    return 0
  fi
  install_missing || return 1
  write_config || return 1
  nginx -c "$dir/nginx.conf" -p "$dir" >>"$dir/logs/stdout.log" 2>&1 </dev/null &
  local pid=$!
  echo "$pid" > "$pid_file"
  for _ in $(seq 1 100); do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "the media server stopped at once:" >&2
      tail -n 20 "$dir/logs/error.log" "$dir/logs/stdout.log" >&2 2>/dev/null
      rm -f "$pid_file"
      return 1
    fi
    if answers "$rtmp_port" && answers "$http_port"; then
      echo "media server running (pid $pid): push to rtmp://127.0.0.1:$rtmp_port/live/{stream key}, HLS at $public_url, callbacks to $engine_url, files in $dir"
      announce
      return 0
    fi
    sleep 0.1
  done
  echo "the media server did not answer on ports $rtmp_port and $http_port" >&2
  kill "$pid" 2>/dev/null
  rm -f "$pid_file"
  return 1
}

stop() {
  local pid
  if ! pid=$(running_pid); then
    rm -f "$pid_file"
    echo "no media server of this script runs for port $rtmp_port"
    return 0
  fi
  kill "$pid" 2>/dev/null
  for _ in $(seq 1 50); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null
  rm -f "$pid_file"
  echo "media server stopped (pid $pid)"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status)
    if pid=$(running_pid); then echo "running (pid $pid)"; else echo "not running"; exit 1; fi ;;
  run)
    install_missing || exit 1
    write_config || exit 1
    echo "media server: push to rtmp://$bind:$rtmp_port/live/{stream key}, HLS at $public_url, callbacks to $engine_url"
    (sleep 2; announce) &
    exec nginx -c "$dir/nginx.conf" -p "$dir" ;;
  *)
    echo "usage: scripts/media.sh start|stop|status|run (see the top of the script for its settings)" >&2
    exit 2 ;;
esac
