#!/usr/bin/env bash
# mix-scale.sh: how `census mix` scales with the number of records.
#
#   mvn -B -DskipTests package          # once, from the repository root (builds census.jar and benchmarks.jar)
#   bench/mix-scale.sh                  # from the repository root (or anywhere)
#
# 1. Aggregation of pre-tagged records: synthesises SIZES records (default 1 and 10 million) in the
#    shape `census tag` writes (org.promptcensus.bench.TaggedLines: 12 models, 16 categories, 50,000
#    users, one line in five multi-label; no prompt text), then runs
#    `census mix FILE --threads 1` at -Xmx256m under /usr/bin/time -v: CPU time (user + sys), wall
#    time, peak RSS. Flat memory means the peak RSS does not grow with the records.
# 2. Tag + mix end to end (E2E, default 1,000,000; 0 skips it): `census simulate` writes a log with
#    prompts, and `census mix LOG` tags it on the fly (all cores) and rolls it up.
# Generated files go to a temporary folder (WORK, default under /tmp), removed at the end unless
# KEEP=1; the 10-million file is about 2.6 GB.
#
# Environment: SIZES (default "1000000 10000000"; empty: none), E2E (default 1000000), XMX (default 256m),
# WORK, KEEP=1.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/engine/cli/target/census.jar"
bench="$root/engine/bench/target/benchmarks.jar"
sizes="${SIZES-1000000 10000000}"
e2e="${E2E-1000000}"
xmx="${XMX:-256m}"
for f in "$jar" "$bench"; do
  [ -f "$f" ] || { echo "mix-scale: $f not found; build first: mvn -B -DskipTests package" >&2; exit 1; }
done
[ -x /usr/bin/time ] || { echo "mix-scale: /usr/bin/time (GNU time) is needed for peak RSS" >&2; exit 1; }

work="${WORK:-$(mktemp -d "${TMPDIR:-/tmp}/census-mix-scale.XXXXXX")}"
mkdir -p "$work"
if [ -z "${KEEP:-}" ]; then
  trap 'rm -rf "$work"' EXIT
fi
# Run copies of the jars, so that a rebuild during the run does no harm.
cp "$jar" "$work/census.jar"
cp "$bench" "$work/benchmarks.jar"

# timed LABEL RECORDS CMD...: runs CMD under /usr/bin/time -v and prints one result line.
timed() {
  local label="$1" records="$2"
  shift 2
  local log="$work/$label.time"
  /usr/bin/time -v "$@" > "$work/$label.out" 2> "$log"
  local user sys wall rss
  user=$(awk -F': ' '/User time/ {print $2}' "$log")
  sys=$(awk -F': ' '/System time/ {print $2}' "$log")
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
  awk -v l="$label" -v n="$records" -v u="$user" -v s="$sys" -v w="$wall" -v r="$rss" 'BEGIN {
    k = split(w, p, ":"); secs = 0; for (i = 1; i <= k; i++) secs = secs * 60 + p[i];
    cpu = u + s;
    printf "%-22s %12d %9.1f %9.1f %14.0f %12.0f %9.0f\n", l, n, cpu, secs, n / cpu, n / secs, r / 1024 }'
  { grep '^census: .*records read' "$log" || true; } | tail -1 | sed 's/^/    /'
}

echo "mix-scale: $(date -u +%FT%TZ), $(nproc) cores, load average$(uptime | sed 's/.*load average//')"
echo "mix-scale: java $(java -version 2>&1 | head -1)"
printf "%-22s %12s %9s %9s %14s %12s %9s\n" "run" "records" "CPU s" "wall s" "records/CPU-s" "records/s" "RSS MB"

for n in $sizes; do
  f="$work/tagged-$n.jsonl"
  [ -f "$f" ] || java -cp "$work/benchmarks.jar" org.promptcensus.bench.TaggedLines "$n" "$f" 1 2> "$work/gen-$n.log"
  timed "mix-tagged-$n" "$n" java -Xmx"$xmx" -jar "$work/census.jar" mix "$f" --threads 1 -o "$work/mix-$n.txt"
  rm -f "$f"
done

if [ "$e2e" -gt 0 ]; then
  log="$work/simulated-$e2e.jsonl"
  timed "simulate-$e2e" "$e2e" java -jar "$work/census.jar" simulate --requests "$e2e" --seed 1 -o "$log" -q
  timed "tag+mix-$e2e" "$e2e" java -jar "$work/census.jar" mix "$log" -o "$work/mix-e2e.txt"
  rm -f "$log"
fi
echo "mix-scale: done, load average$(uptime | sed 's/.*load average//')"
