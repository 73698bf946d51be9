#!/bin/sh
# Pushes a moving test pattern with a tone to an RTMP address, as an encoder would:
#   media/test-pattern.sh <rtmp url> [seconds]      (no seconds: until stopped)
# The picture carries the wall clock twice: as text (drawtext, for people) and as a strip of 24 black and white
# boxes along the bottom edge, the time in hundredths of a second modulo 2^24 in Gray code (bit 0 on the left),
# which a page can read back from the video frame to measure glass-to-glass latency. One keyframe a second (the
# media server cuts 1-second HLS fragments at keyframes), x264 tuned for low latency.
set -eu
url=$1
seconds=${2:-}
font=$(fc-match -f '%{file}' 'DejaVu Sans Mono' 2>/dev/null || true)
text="drawtext=text='%{localtime\\:%H\\\\\\:%M\\\\\\:%S}.%{eif\\:mod(floor(time(0)*100),100)\\:d\\:2}':fontsize=40:fontcolor=white:box=1:boxcolor=black@0.6:boxborderw=8:x=20:y=20"
[ -z "$font" ] || text="$text:fontfile=$font"
strip="drawbox=x=0:y=ih-28:w=iw:h=28:color=black:t=fill"
bit=0
while [ "$bit" -lt 24 ]; do
  # Gray code bit k of v: bit k of v xor bit k+1 of v, with v = the time in hundredths of a second.
  gray="mod(floor(floor(time(0)*100)/pow(2,$bit))+floor(floor(time(0)*100)/pow(2,$((bit + 1)))),2)"
  strip="$strip,drawbox=x=$((16 + bit * 25)):y=ih-24:w=20:h=20:color=white:t=fill:enable='$gray'"
  bit=$((bit + 1))
done
set -- -nostdin -hide_banner -loglevel error -y -re \
  -f lavfi -i "testsrc2=size=640x360:rate=25" -f lavfi -i "sine=frequency=440:sample_rate=44100"
[ -z "$seconds" ] || set -- "$@" -t "$seconds"
exec ffmpeg "$@" -vf "$text,$strip" \
  -c:v libx264 -preset ultrafast -tune zerolatency -g 25 -keyint_min 25 -sc_threshold 0 -pix_fmt yuv420p -b:v 1200k \
  -c:a aac -b:a 96k -ar 44100 -f flv "$url"
