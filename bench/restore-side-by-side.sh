#!/usr/bin/env bash
# Issue 6's side-by-side benchmark: restoring onto blank virtual phones, in one run, on one machine, through one adb
# server:
#   (a) files: raw `adb push` of a folder tree onto one blank phone, against `lifeboat restore --only files` of the
#       same files (a Lifeboat backup of a demo phone at --scale SCALE) onto another blank phone. Both run ROUNDS
#       times, alternating which goes first, each time onto fresh phones. Each round's push/Lifeboat time ratio is a
#       side-by-side comparison; their median is the result (one round's fast or slow phone moves it little), and the
#       best time of each is printed too. Target: Lifeboat's throughput >= 0.9x adb push's.
#   (b) messages and contacts: the demo phone at scale 1 (2,000 SMS, 150 contacts and the 21 MMS its backup holds)
#       restored onto a blank phone with `lifeboat restore --only messages,contacts`. Target: under 60 s. Also prints
#       the phone processes and shell round trips per restored row (a real phone pays ~100 ms per `content` process).
#
# Usage: bench/restore-side-by-side.sh [SCALE] [ROUNDS]   (default 10 and 5, about 4 min once the backups exist;
#        needs adb and GNU time:
#        apt-get install adb time)
# Environment: BENCH_DIR (work folder, default /tmp/lifeboat-restore-bench; the source phones and their backups are
#   kept between runs), LIFEBOAT (the launcher to time, default ./lifeboat; point it at a copy when others edit the
#   sources, since ./lifeboat rebuilds on every change), LIFEBOAT_JAVA_OPTS (extra JVM flags for ./lifeboat).
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
scale="${1:-10}"
rounds="${2:-5}"
work="${BENCH_DIR:-/tmp/lifeboat-restore-bench}"
sdcard=/storage/emulated/0

for tool in adb /usr/bin/time python3; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing" >&2; exit 1; }
done
mkdir -p "$work"

lifeboat=("${LIFEBOAT:-$root/lifeboat}")
"${lifeboat[@]}" --version >/dev/null   # builds the CLI (and its class cache) first, so that is not timed
printf 'bench-password\n' > "$work/password"
export LIFEBOAT_PASSWORD_FILE="$work/password"

# bytes DIR: the total size of the regular files under DIR (du would add the folders' own sizes).
bytes() { find "$1" -type f -printf '%s\n' | python3 -c 'import sys; print(sum(map(int, sys.stdin)))'; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# Our own adb server on its own port, so other adb users on this machine neither see nor disturb the phones.
ANDROID_ADB_SERVER_PORT=$(free_port)
export ANDROID_ADB_SERVER_PORT
phone_pids=()
cleanup() {
  for pid in ${phone_pids[@]+"${phone_pids[@]}"}; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  adb kill-server >/dev/null 2>&1 || true
}
trap cleanup EXIT

# start_phone NAME PROFILE SCALE STATE: runs a virtual phone in the background, connects adb to it and sets $serial
# and $pid (the first start of a demo state generates the profile, which takes a while at large scales).
start_phone() {
  local name=$1 profile=$2 phone_scale=$3 state=$4 port log="$work/$1.phone.log"
  port=$(free_port)
  serial="127.0.0.1:$port"
  rm -f "$log"   # so that a previous round's phone cannot be taken for this one
  "${lifeboat[@]}" virtual-phone --profile "$profile" --scale "$phone_scale" --state "$state" --port "$port" \
    >"$log" 2>&1 &
  pid=$!
  phone_pids+=("$pid")
  until grep -q "adb connect $serial" "$log" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || { echo "bench: phone $name stopped:" >&2; cat "$log" >&2; exit 1; }
    sleep 0.5
  done
  adb connect "$serial" >/dev/null
  timeout 60 adb -s "$serial" wait-for-device || { echo "bench: adb never saw phone $name ($serial)" >&2; exit 1; }
}

stop_phone() { kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }

# backed_up NAME SCALE TYPES: a repository holding one backup of TYPES from a demo phone at SCALE, made once.
backed_up() {
  local name=$1 phone_scale=$2 types=$3
  repo="$work/repo-$name"
  if [ ! -f "$repo/.bench-ready" ]; then
    echo "bench: backing up $types of a demo phone x$phone_scale into $repo (once)"
    rm -rf "$repo" "$work/demo-$name"
    "${lifeboat[@]}" init -r "$repo" >/dev/null
    start_phone "demo-$name" demo "$phone_scale" "$work/demo-$name"
    "${lifeboat[@]}" backup -r "$repo" --device "$serial" --only "$types" >"$work/backup-$name.log" 2>&1 || {
      echo "bench: the backup failed; see $work/backup-$name.log" >&2; exit 1; }
    stop_phone "$pid"
    touch "$repo/.bench-ready"
  fi
}

# measure NAME CMD...: runs CMD once, records wall seconds and peak RSS (KiB) in $results.
measure() {
  local name=$1; shift
  sync
  /usr/bin/time -f '%e %M' -o "$work/time.out" "$@" >"$work/$name.log" 2>&1 || {
    echo "bench: $name failed; see $work/$name.log" >&2; tail -5 "$work/$name.log" >&2; exit 1; }
  # Others may edit the sources while this runs; a launcher rebuild inside a timed step would void it.
  if grep -q '^lifeboat: building from source' "$work/$name.log"; then
    echo "bench: the launcher rebuilt the CLI during $name; run again when the sources are quiet" >&2; exit 1
  fi
  read -r secs rss < "$work/time.out"
  printf '%s\t%s\t%s\n' "$name" "$secs" "$rss" >> "$results"
  printf '  %-22s %8.2f s  %7d MiB peak RSS\n' "$name" "$secs" "$((rss / 1024))"
}

# same_files A B: whether two shared-storage folders hold the same files with the same sizes and whole-second mtimes.
listing() { (cd "$1" && find . -type f -printf '%P\t%s\t%TY-%Tm-%Td %TH:%TM:%.2TS\n' | sort); }
same_files() { cmp -s <(listing "$1") <(listing "$2"); }

adb start-server >/dev/null 2>&1
results="$work/results.tsv"
: > "$results"

# (a) files
backed_up "files-x$scale" "$scale" files
files_repo=$repo
tree="$work/tree-x$scale"
if [ ! -f "$tree/.bench-ready" ]; then
  rm -rf "$tree"
  "${lifeboat[@]}" restore latest -r "$files_repo" --target "$tree" >/dev/null
  touch "$tree/.bench-ready"
fi
files=$(find "$tree/files" -type f | wc -l)
data=$(bytes "$tree/files")
echo "bench: (a) $files files, $((data / 1048576)) MiB from a demo phone x$scale; $rounds rounds;" \
  "$(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg); $(adb version | head -1)"
for round in $(seq 1 "$rounds"); do
  rm -rf "$work/blank-push" "$work/blank-lifeboat"
  start_phone blank-push blank 1 "$work/blank-push"; push_serial=$serial; push_pid=$pid
  start_phone blank-lifeboat blank 1 "$work/blank-lifeboat"; lifeboat_serial=$serial; lifeboat_pid=$pid
  push() { measure "push-$round" adb -s "$push_serial" push "$tree/files/." "$sdcard/"; }
  restore() {
    measure "lifeboat-files-$round" "${lifeboat[@]}" restore latest -r "$files_repo" --device "$lifeboat_serial" \
      --only files
  }
  if [ $((round % 2)) = 1 ]; then push; restore; else restore; push; fi
  # The restore's own report of its files step: listings, pushes, checks and media scan, without the JVM's start,
  # the repository key's KDF and the index load that every command pays once.
  sed -n 's/^ *files: .*(\([0-9.]*\) s)$/phase-'"$round"'\t\1\t0/p' "$work/lifeboat-files-$round.log" >> "$results"
  stop_phone "$push_pid"; stop_phone "$lifeboat_pid"
  for phone in push lifeboat; do
    same_files "$tree/files" "$work/blank-$phone/fs$sdcard" \
      || { echo "bench: the $phone phone does not hold the backup's files (sizes or mtimes differ)" >&2; exit 1; }
  done
done

# (b) messages and contacts
backed_up messages 1 messages,contacts
messages_repo=$repo
rm -rf "$work/blank-messages"
start_phone blank-messages blank 1 "$work/blank-messages"
echo "bench: (b) 2,000 SMS, 21 MMS and 150 contacts from a demo phone x1"
measure lifeboat-messages "${lifeboat[@]}" restore latest -r "$messages_repo" --device "$serial" \
  --only messages,contacts --json
stop_phone "$pid"
python3 - "$work/lifeboat-messages.log" > "$work/messages-cost.tsv" <<'EOF'
import json, sys
lines = [line for line in open(sys.argv[1]) if line.startswith("{")]
summary = next(m for m in map(json.loads, lines) if m.get("message_type") == "summary")
for t in summary["types"]:
    if t["failed"]:
        sys.exit("bench: %s failed: %s" % (t["type"], t["failed"][:3]))
    print("%s\t%d\t%d\t%d" % (t["type"], len(t["restored"]), t["phone_processes"], t["shell_round_trips"]))
EOF

echo
awk -F'\t' -v data="$data" -v files="$files" -v rounds="$rounds" '
  FNR == NR { t[$1] = $2; next }
  { rows[$1] = $2; procs[$1] = $3; trips[$1] = $4 }
  function verdict(ok) { return ok ? "met" : "MISSED" }
  function median_of(v, n,   i, j, x, s) {   # insertion sort of a copy (mawk has no asort)
    for (i = 1; i <= n; i++) {
      x = v[i]
      for (j = i - 1; j >= 1 && s[j] > x; j--) s[j + 1] = s[j]
      s[j + 1] = x
    }
    return n % 2 ? s[(n + 1) / 2] : (s[n / 2] + s[n / 2 + 1]) / 2
  }
  function best(prefix,   i, b) {
    for (i = 1; i <= rounds; i++) if (b == "" || t[prefix i] < b) b = t[prefix i]
    return b
  }
  END {
    p = best("push-"); l = best("lifeboat-files-")
    printf "  (a) adb push                 %8.2f s  %7.1f MB/s  %6.0f files/s   (rounds:", p, data/1e6/p, files/p
    for (i = 1; i <= rounds; i++) printf " %.2f", t["push-" i]; print ")"
    printf "  (a) lifeboat restore files   %8.2f s  %7.1f MB/s  %6.0f files/s   (rounds:", l, data/1e6/l, files/l
    for (i = 1; i <= rounds; i++) printf " %.2f", t["lifeboat-files-" i]; print ")"
    for (i = 1; i <= rounds; i++) ratio[i] = t["push-" i]/t["lifeboat-files-" i]
    median = median_of(ratio, rounds)
    printf "  (a) throughput lifeboat/push, median of the rounds = %.2f   target >= 0.9   %s   (each round:",
      median, verdict(median >= 0.9)
    for (i = 1; i <= rounds; i++) printf " %.2f", ratio[i]; print ")"
    printf "  (a) best against best = %.2f\n", p/l
    f = best("phase-")
    printf "  (a) lifeboat files step alone %7.2f s  %7.1f MB/s (without start-up); push/step = %.2f   (rounds:",
      f, data/1e6/f, p/f
    for (i = 1; i <= rounds; i++) printf " %.1f", t["phase-" i]; print ")"
    m = t["lifeboat-messages"]
    printf "  (b) lifeboat restore messages,contacts %8.2f s   target < 60 s   %s\n", m, verdict(m < 60)
    for (type in rows) {
      printf "      %-9s %5d rows  %6d phone processes (%.2f per row)  %4d shell round trips (%.3f per row)\n",
        type, rows[type], procs[type], procs[type]/rows[type], trips[type], trips[type]/rows[type]
    }
  }' "$results" "$work/messages-cost.tsv"
