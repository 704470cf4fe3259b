#!/usr/bin/env bash
# Issue 3's side-by-side benchmark: Lifeboat and restic on the same deterministic corpus, in one run, on one machine.
# Prints wall times, ratios (Lifeboat / restic), repository sizes and peak RSS for: first backup, no-change re-backup,
# restore, and check --read-data.
#
# Usage: bench/restic-side-by-side.sh [CORPUS_MIB]   (default 1024; needs restic and GNU time: apt-get install restic time)
# Work files go to $BENCH_DIR (default /tmp/lifeboat-bench); the corpus is kept between runs.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
size_mib="${1:-1024}"
work="${BENCH_DIR:-/tmp/lifeboat-bench}"
corpus="$work/corpus-$size_mib"

for tool in restic /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing (apt-get install restic time)" >&2; exit 1; }
done

"$root/lifeboat" --version >/dev/null   # builds the CLI first, so its build is not timed
. "$root/.mvn/scripts/find-jdk.sh"

if [ ! -d "$corpus" ]; then
  echo "bench: generating a ${size_mib} MiB corpus in $corpus"
  (cd "$root" && ./mvnw -q -B -o -pl bench -am install -DskipTests -Dspotless.check.skip=true)
  "$JAVA_HOME/bin/java" -cp "$root/bench/target/classes" org.lifeboat.bench.CorpusGenerator "$corpus" "$size_mib" 1
fi

rm -rf "$work/repo-restic" "$work/repo-lifeboat" "$work/restore-restic" "$work/restore-lifeboat"
printf 'bench-password\n' > "$work/password"
export RESTIC_PASSWORD_FILE="$work/password" LIFEBOAT_PASSWORD_FILE="$work/password"
results="$work/results.tsv"
: > "$results"

# measure NAME TOOL CMD...: runs CMD once with caches dropped where possible, records wall seconds and peak RSS (KiB).
measure() {
  local name=$1 tool=$2; shift 2
  sync; [ -w /proc/sys/vm/drop_caches ] && echo 3 > /proc/sys/vm/drop_caches || true
  /usr/bin/time -f '%e %M' -o "$work/time.out" "$@" >"$work/$tool-$name.log" 2>&1 || {
    echo "bench: $tool $name failed; see $work/$tool-$name.log" >&2; tail -5 "$work/$tool-$name.log" >&2; exit 1; }
  read -r secs rss < "$work/time.out"
  printf '%s\t%s\t%s\t%s\n' "$name" "$tool" "$secs" "$rss" >> "$results"
  printf '  %-9s %-16s %8.2f s  %7d MiB peak RSS\n' "$tool" "$name" "$secs" "$((rss / 1024))"
}

echo "bench: corpus $(du -sh "$corpus" | cut -f1), $(find "$corpus" -type f | wc -l) files; $(nproc) cores; $(restic version)"
export RESTIC_REPOSITORY="$work/repo-restic" LIFEBOAT_REPOSITORY="$work/repo-lifeboat"
restic init -q >/dev/null
"$root/lifeboat" init >/dev/null

for tool in restic lifeboat; do
  if [ "$tool" = restic ]; then run=(restic); else run=("$root/lifeboat"); fi
  measure backup "$tool" "${run[@]}" backup "$corpus"
  measure rebackup "$tool" "${run[@]}" backup "$corpus"
  measure restore "$tool" "${run[@]}" restore latest --target "$work/restore-$tool"
  measure check "$tool" "${run[@]}" check --read-data
done

repo_size() { du -sb "$1" | cut -f1; }
rs=$(repo_size "$work/repo-restic"); ls=$(repo_size "$work/repo-lifeboat")
echo
echo "ratio = Lifeboat / restic (lower is better)"
awk -F'\t' '{t[$1 FS $2]=$3; m[$1 FS $2]=$4; if(!($1 in seen)){seen[$1]=1; order[++n]=$1}}
  END { for (i=1;i<=n;i++) { k=order[i];
    printf "  %-9s restic %7.2f s   lifeboat %7.2f s   ratio %.2f   peak RSS %d / %d MiB\n", k,
      t[k FS "restic"], t[k FS "lifeboat"], t[k FS "lifeboat"]/t[k FS "restic"], m[k FS "restic"]/1024, m[k FS "lifeboat"]/1024 } }' "$results"
awk -v r="$rs" -v l="$ls" 'BEGIN { printf "  repository size: restic %.1f MiB, lifeboat %.1f MiB, ratio %.4f\n", r/1048576, l/1048576, l/r }'
diff -r "$corpus" "$work/restore-lifeboat${corpus}" >/dev/null && echo "  lifeboat restore: identical to the corpus" \
  || echo "  lifeboat restore: DIFFERS from the corpus"
