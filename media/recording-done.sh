#!/bin/sh
# Called by the media server when a push's recording is closed (nginx-rtmp exec_record_done):
#   recording-done.sh <recording.flv> <streamId> <replay folder>
# Turns the recording into HLS segments (copied, not re-encoded) in <replay folder>/<streamId>/, then rewrites the
# stream's replay playlist <replay folder>/<streamId>.m3u8: every recorded push of the stream, oldest first, one after
# the other (a discontinuity between two pushes), as a finished VOD playlist ending with #EXT-X-ENDLIST. The playlist
# is replaced in one step, so a player never reads half of it.
set -eu
recording=$1
stream=$2
replay=$3
part=$(basename "$recording" .flv)
folder="$replay/$stream"
mkdir -p "$folder"

if [ -s "$recording" ]; then
  if ffmpeg -nostdin -hide_banner -loglevel error -y -i "$recording" -c copy -f hls -hls_time 2 \
      -hls_playlist_type vod -hls_segment_filename "$folder/$part-%05d.ts" "$folder/$part.m3u8"; then
    rm -f "$recording"
  else
    echo "recording-done: could not turn $recording into HLS" >&2
    rm -f "$folder/$part.m3u8"
  fi
fi

# One rebuild at a time per stream, so two pushes ending together both make it into the playlist.
exec 9>"$replay/.$stream.lock"
flock 9
parts=$(ls "$folder"/*.m3u8 2>/dev/null | sort || true)
[ -n "$parts" ] || exit 0
target=$(awk -F: '/^#EXT-X-TARGETDURATION:/ { if ($2 + 0 > max) max = $2 + 0 } END { print (max > 0 ? max : 2) }' $parts)
next="$replay/.$stream.m3u8.next"
{
  echo "#EXTM3U"
  echo "#EXT-X-VERSION:3"
  echo "#EXT-X-PLAYLIST-TYPE:VOD"
  echo "#EXT-X-TARGETDURATION:$target"
  echo "#EXT-X-MEDIA-SEQUENCE:0"
  first=1
  for playlist in $parts; do
    [ "$first" = 1 ] || echo "#EXT-X-DISCONTINUITY"
    first=0
    awk -v prefix="$stream/" '/^#EXTINF:/ { print; next } /^[^#]/ && NF { print prefix $0 }' "$playlist"
  done
  echo "#EXT-X-ENDLIST"
} > "$next"
mv -f "$next" "$replay/$stream.m3u8"
