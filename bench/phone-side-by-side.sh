#!/usr/bin/env bash
# Issue 5's side-by-side benchmark: backing up the shared storage of one virtual phone, in one run, on one machine,
# through one adb server, four ways:
#   (1) adb pull -a                       a raw copy with no encryption: the floor
#   (2) adb pull -a, then restic backup   what a careful user does today (timed together)
#   (3) lifeboat backup --device          first backup into a fresh repository
#   (4) lifeboat backup --device          the same again, nothing changed on the phone
# Prints wall times, the issue's ratios against its targets, peak RSS and repository sizes.
#
# Usage: bench/phone-side-by-side.sh [SCALE] [VIDEOS]   (default 67 and 2: the demo profile's ~20,000 photos plus
#        two 1 GiB videos, about 3.4 GiB in all; needs adb, restic and GNU time: apt-get install adb restic time)
# Environment: BENCH_DIR (work folder, default /tmp/lifeboat-phone-bench; the phone's state is kept between runs),
#   BENCH_VIDEO_MIB (size of each added video, default 1024), BENCH_TYPES (what lifeboat backs up, default "files",
#   the same folders adb pulls; "all" backs up every type), LIFEBOAT_JAVA_OPTS (extra JVM flags for the measured
#   ./lifeboat runs, e.g. -XX:StartFlightRecording=filename=backup.jfr), BENCH_PHONE_JAVA_OPTS (JVM flags of the
#   virtual phone, default -Xmx2g).
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
scale="${1:-67}"
videos="${2:-2}"
video_mib="${BENCH_VIDEO_MIB:-1024}"
types="${BENCH_TYPES:-files}"
work="${BENCH_DIR:-/tmp/lifeboat-phone-bench}"
state="$work/phone-x$scale-v$videos-$video_mib"
sdcard=/storage/emulated/0

for tool in adb restic /usr/bin/time openssl python3; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing" >&2; exit 1; }
done
mkdir -p "$work"

"$root/lifeboat" --version >/dev/null   # builds the CLI (and its class cache) first, so that is not timed
lifeboat=("$root/lifeboat")

# bytes DIR: the total size of the regular files under DIR (du would add the folders' own sizes).
bytes() { find "$1" -type f -printf '%s\n' | python3 -c 'import sys; print(sum(map(int, sys.stdin)))'; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# Our own adb server on its own port, so other adb users on this machine neither see nor disturb the phone.
ANDROID_ADB_SERVER_PORT=$(free_port)
export ANDROID_ADB_SERVER_PORT
phone_pid=""
stop_phone() {
  if [ -n "$phone_pid" ]; then kill "$phone_pid" 2>/dev/null || true; wait "$phone_pid" 2>/dev/null || true; fi
  phone_pid=""
}
cleanup() { stop_phone; adb kill-server >/dev/null 2>&1 || true; }
trap cleanup EXIT

# start_phone: runs the virtual phone in the background and sets $serial once it listens (first start generates
# and installs the profile, which takes a while at large scales).
start_phone() {
  # The phone is not what is measured: it gets its own heap (opening a large profile needs more than the launcher's
  # default cap), and LIFEBOAT_JAVA_OPTS stays for the measured lifeboat runs.
  LIFEBOAT_JAVA_OPTS="${BENCH_PHONE_JAVA_OPTS:--Xmx2g}" "${lifeboat[@]}" virtual-phone --profile demo --scale "$scale" --state "$state" --port "$(free_port)" \
    >"$work/phone.log" 2>&1 &
  phone_pid=$!
  serial=""
  while [ -z "$serial" ]; do
    kill -0 "$phone_pid" 2>/dev/null || { echo "bench: the virtual phone stopped:" >&2; cat "$work/phone.log" >&2; exit 1; }
    sleep 1
    serial=$(sed -n 's/^ *adb connect //p' "$work/phone.log")
  done
}

if [ ! -f "$state/.bench-ready" ]; then
  echo "bench: creating the phone (demo profile x$scale, plus $videos videos of $video_mib MiB) in $state"
  rm -rf "$state"
  start_phone
  stop_phone
  # Big camera videos, as random (incompressible, like H.264) deterministic bytes with fixed whole-second mtimes.
  camera="$state/fs$sdcard/DCIM/Camera"
  for i in $(seq 1 "$videos"); do
    video="$camera/PXL_20240520_1${i}0000000.mp4"
    head -c "$((video_mib * 1048576))" /dev/zero \
      | openssl enc -aes-256-ctr -nosalt -K "$(printf '%064x' "$i")" -iv "$(printf '%032x' 0)" > "$video"
    touch -d "2024-05-20 1$i:00:00 UTC" "$video"
  done
  touch "$state/.bench-ready"
fi

start_phone
adb start-server >/dev/null 2>&1
adb connect "$serial" >/dev/null
adb -s "$serial" wait-for-device
phone_bytes=$(bytes "$state/fs$sdcard")
phone_files=$(find "$state/fs$sdcard" -type f | wc -l)

rm -rf "$work/pull" "$work/pull-restic" "$work/repo-restic" "$work/repo-lifeboat"
printf 'bench-password\n' > "$work/password"
export RESTIC_PASSWORD_FILE="$work/password"
restic -r "$work/repo-restic" init -q >/dev/null
"${lifeboat[@]}" init -r "$work/repo-lifeboat" --password-file "$work/password" >/dev/null
if [ "$types" = all ]; then only=(); else only=(--only "$types"); fi
results="$work/results.tsv"
: > "$results"

# measure NAME CMD...: runs CMD once with caches dropped where possible, records wall seconds and peak RSS (KiB).
measure() {
  local name=$1; shift
  sync; [ -w /proc/sys/vm/drop_caches ] && echo 3 > /proc/sys/vm/drop_caches || true
  /usr/bin/time -f '%e %M' -o "$work/time.out" "$@" >"$work/$name.log" 2>&1 || {
    echo "bench: $name failed; see $work/$name.log" >&2; tail -5 "$work/$name.log" >&2; exit 1; }
  # Others may edit the sources while this runs; a launcher rebuild inside a timed step would void it.
  if grep -q '^lifeboat: building from source' "$work/$name.log"; then
    echo "bench: the launcher rebuilt the CLI during $name; run again when the sources are quiet" >&2; exit 1
  fi
  read -r secs rss < "$work/time.out"
  printf '%s\t%s\t%s\n' "$name" "$secs" "$rss" >> "$results"
  printf '  %-18s %8.2f s  %7d MiB peak RSS\n' "$name" "$secs" "$((rss / 1024))"
}

echo "bench: phone $serial: $phone_files files, $((phone_bytes / 1048576)) MiB in $sdcard; lifeboat backs up:" \
  "$types; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg); $(restic version | cut -d' ' -f1-2)"
measure pull adb -s "$serial" pull -a "$sdcard" "$work/pull"
# Both steps in one timed process; each also timed on its own, to show the split.
measure pull+restic bash -c '/usr/bin/time -f "%e %M" -o "$1/time-pull.out" adb -s "$2" pull -a "$3" "$1/pull-restic" &&
  /usr/bin/time -f "%e %M" -o "$1/time-restic.out" restic -r "$1/repo-restic" backup --host phone "$1/pull-restic"' \
  _ "$work" "$serial" "$sdcard"
lifeboat_backup=("${lifeboat[@]}" backup --device "$serial" -r "$work/repo-lifeboat" --password-file "$work/password"
  ${only[@]+"${only[@]}"})
measure lifeboat-first "${lifeboat_backup[@]}"
measure lifeboat-nochange "${lifeboat_backup[@]}"
stop_phone

# Sanity: the pull and Lifeboat's snapshot hold the same files and bytes.
pulled_files=$(find "$work/pull" -type f | wc -l)
pulled_bytes=$(bytes "$work/pull")
saved=$(restic -r "$work/repo-lifeboat" ls --json latest | python3 -c 'import json, sys
files = [n for n in map(json.loads, sys.stdin) if n.get("type") == "file" and n["path"].startswith("/files/")]
print(len(files), "files,", sum(n["size"] for n in files), "bytes")')
echo "  phone: $phone_files files, $phone_bytes bytes; adb pull: $pulled_files files, $pulled_bytes bytes;" \
  "lifeboat snapshot /files: $saved"

echo
read -r pull_s _ < "$work/time-pull.out"; read -r restic_s restic_rss < "$work/time-restic.out"
awk -F'\t' -v pull2="$pull_s" -v restic="$restic_s" -v restic_rss="$restic_rss" \
  -v rr="$(du -sb "$work/repo-restic" | cut -f1)" -v lr="$(du -sb "$work/repo-lifeboat" | cut -f1)" \
  -v data="$phone_bytes" '
  { t[$1]=$2; m[$1]=$3 }
  function verdict(ok) { return ok ? "met" : "MISSED" }
  END {
    r31=t["lifeboat-first"]/t["pull"]; r32=t["lifeboat-first"]/t["pull+restic"]; r43=t["lifeboat-nochange"]/t["lifeboat-first"]
    rss=(m["lifeboat-first"] > m["lifeboat-nochange"] ? m["lifeboat-first"] : m["lifeboat-nochange"])/1024
    printf "  (1) adb pull -a              %8.2f s  %7.1f MB/s\n", t["pull"], data/1e6/t["pull"]
    printf "  (2) adb pull -a + restic     %8.2f s  (pull %.2f s + restic %.2f s, restic peak RSS %d MiB)\n",
      t["pull+restic"], pull2, restic, restic_rss/1024
    printf "  (3) lifeboat, first backup   %8.2f s  %7.1f MB/s\n", t["lifeboat-first"], data/1e6/t["lifeboat-first"]
    printf "  (4) lifeboat, no change      %8.2f s\n", t["lifeboat-nochange"]
    printf "  (3)/(1) = %.2f   target <= 1.1   %s\n", r31, verdict(r31 <= 1.1)
    printf "  (3)/(2) = %.2f   target <= 0.6   %s\n", r32, verdict(r32 <= 0.6)
    printf "  (4)     = %.2f s target <= 5 s   %s\n", t["lifeboat-nochange"], verdict(t["lifeboat-nochange"] <= 5)
    printf "  (4)/(3) = %.3f  target <= 0.05  %s\n", r43, verdict(r43 <= 0.05)
    printf "  lifeboat peak RSS %d MiB (first %d, no change %d)   target <= 512 MiB   %s\n", rss,
      m["lifeboat-first"]/1024, m["lifeboat-nochange"]/1024, verdict(rss <= 512)
    printf "  repository size: restic %.1f MiB, lifeboat %.1f MiB (data %.1f MiB)\n", rr/1048576, lr/1048576, data/1048576
  }' "$results"
