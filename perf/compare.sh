#!/usr/bin/env bash
# Side by side: persession analyze vs DuckDB's best window-function query, on the same generated CSV.
# Usage: perf/compare.sh [EVENTS]   (default 1000000; env RUNS=3, DEFINITION=timeout, MVN_FLAGS="-o" to build offline)
# The file: the demo shop's traffic (1 million events a week) over as many days as EVENTS takes (7 days a million,
# up to 366), so that a larger file is a longer log of the same shop; DAYS=N puts the same events into N days
# instead (DAYS=7: the denser files of the earlier sets in perf/README.md).
# DuckDB mode (AGAINST=duckdb, the default): DEFINITION=timeout or DEFINITION=ua (with OPTIONS, e.g.
# OPTIONS="--option zone=Europe/Berlin"), passed to both sides, bots included on both.
# SKIP_BUILD=1 uses the existing CLI distribution and perf/target/benchmarks.jar as they are (no mvnw, no ./persession);
# PERSESSION_DIST=DIR runs another persession distribution (default cli/target/persession).
# AGAINST=spark compares with the Spark job in local mode (spark/run-local.sh, 2 threads) instead of DuckDB: any
# DEFINITION (with OPTIONS, e.g. OPTIONS="--option zone=Europe/Berlin"), bot classifiers as by default.
# Fails (exit 1) when session counts, accepted/rejected rows or revenue (to the cent) differ.
# Needs GNU time at /usr/bin/time (Debian/Ubuntu: apt-get install time) and python3.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
events=${1:-1000000}
runs=${RUNS:-3}
definition=${DEFINITION:-timeout}
against=${AGAINST:-duckdb}
options=${OPTIONS:-}
days=${DAYS:-$(( (events * 7 + 999999) / 1000000 ))}
[ "$days" -le 366 ] || days=366
seed=42
visitors=$(( events * 10 / 143 ))
[ "$visitors" -ge 1 ] || visitors=1

if [ "$against" = duckdb ] && [ "$definition" != timeout ] && [ "$definition" != ua ]; then
  echo "compare.sh: only DEFINITION=timeout and DEFINITION=ua are implemented on the DuckDB side so far (see perf/README.md)" >&2
  exit 2
fi
if [ "$against" = duckdb ] && [ "$definition" = timeout ] && [ -n "$options" ]; then
  echo "compare.sh: the DuckDB timeout query takes no OPTIONS (it is the fixed 30-minute timeout)" >&2
  exit 2
fi
if [ ! -x /usr/bin/time ]; then
  echo "compare.sh: needs GNU time at /usr/bin/time (apt-get install time)" >&2
  exit 2
fi

cd "$root"
dist="${PERSESSION_DIST:-$root/cli/target/persession}"
bench="$root/perf/target/benchmarks.jar"
if [ -n "${SKIP_BUILD:-}" ]; then
  [ -x "$dist/bin/persession" ] && [ -s "$bench" ] || { echo "compare.sh: SKIP_BUILD needs $dist/bin/persession and $bench" >&2; exit 2; }
else
  echo "building (mvnw package -pl cli,perf -am, tests skipped)..." >&2
  ./mvnw -q -B ${MVN_FLAGS:-} package -DskipTests -pl cli,perf -am >&2
  if [ "$against" = spark ]; then
    ./mvnw -q -B ${MVN_FLAGS:-} install -DskipTests -pl spark -am >&2
  fi
  ./persession --version >/dev/null
fi

work="$root/perf/target/compare"
mkdir -p "$work"
file="$work/demo-$events-${days}d.csv"
if [ ! -s "$file" ]; then
  echo "generating $file (DemoShop: $visitors visitors, $days days, seed $seed)..." >&2
  java -cp "$dist/lib/*" io.persession.cli.demo.DemoShop "$file.tmp" "$visitors" "$days" "$seed" >&2
  mv "$file.tmp" "$file"
fi
bytes=$(stat -c %s "$file")

# One timed run: writes "<wall seconds> <peak RSS KiB>" to $1.time and stdout to $1.out. The file is read
# once first, untimed, so that every run of either tool starts with it in the page cache (a run of DuckDB at
# 50 M events takes 19 GB and pushes the file out of the cache of a smaller machine).
timed() {
  local out=$1; shift
  local t0 t1
  cat "$file" >/dev/null
  t0=$(date +%s%N)
  /usr/bin/time -v -o "$out.rusage" "$@" >"$out.out" 2>"$out.err" || { cat "$out.err" >&2; echo "compare.sh: run failed: $*" >&2; exit 1; }
  t1=$(date +%s%N)
  echo "$(( (t1 - t0) / 1000000 ))e-3 $(awk -F': ' '/Maximum resident set size/ {print $2}' "$out.rusage")" >"$out.time"
}

# Raw read floor (page cache warm after generation).
cat "$file" >/dev/null
t0=$(date +%s%N); cat "$file" >/dev/null; t1=$(date +%s%N)
floor="$(( (t1 - t0) / 1000 ))e-6"

# One untimed persession run on the first rows: the launcher makes its class-data-sharing archive on a first
# analysis (README, "Speed and memory"), so that every timed run starts alike.
head -n 20000 "$file" >"$work/warm-up.csv"
(cd "$work" && "$dist/bin/persession" analyze "$work/warm-up.csv" --format json --quiet >/dev/null 2>&1) || true

for i in $(seq 1 "$runs"); do
  echo "run $i/$runs: persession..." >&2
  if [ "$against" = spark ]; then
    # shellcheck disable=SC2086
    (cd "$work" && timed "$work/persession.$i" "$dist/bin/persession" analyze "$file" --definition "$definition" $options \
        --format json --quiet)
    echo "run $i/$runs: spark (local[2])..." >&2
    # shellcheck disable=SC2086
    (cd "$work" && MVN_FLAGS="${MVN_FLAGS:-}" timed "$work/spark.$i" "$root/spark/run-local.sh" --definition "$definition" $options "$file")
  else
    # shellcheck disable=SC2086
    (cd "$work" && timed "$work/persession.$i" "$dist/bin/persession" analyze "$file" --definition "$definition" $options \
        --format json --quiet --include-bots --bot-classifiers none)
    echo "run $i/$runs: duckdb..." >&2
    # shellcheck disable=SC2086
    timed "$work/duckdb.$i" java -cp "$bench" io.persession.perf.DuckDbSessionize "$file" 2 --definition "$definition" $options
  fi
done

python3 - "$work" "$runs" "$bytes" "$floor" "$file" "$definition $options" "$against" <<'PY'
import json, statistics, sys
from decimal import Decimal, ROUND_HALF_UP
work, runs, size, floor, file, definition, other = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), sys.argv[5], sys.argv[6], sys.argv[7]

def times(tool):
    walls, rss = [], []
    for i in range(1, runs + 1):
        w, r = open(f"{work}/{tool}.{i}.time").read().split()
        walls.append(float(w)); rss.append(int(r))
    return statistics.median(walls), max(rss), walls

results = {}
for i in range(1, runs + 1):
    j = json.load(open(f"{work}/persession.{i}.out"))
    results.setdefault("persession", []).append(dict(rows=j["input"]["rows"], rejected=j["input"]["rejected"],
        events=j["input"]["accepted"], sessions=j["totals"]["sessions"], revenue=Decimal(str(j["totals"]["revenue"]))))
    if other == "spark":
        j = json.load(open(f"{work}/spark.{i}.out"))
        results.setdefault("spark", []).append(dict(rows=j["input"]["rows"], rejected=j["input"]["rejected"],
            events=j["input"]["accepted"], sessions=j["totals"]["sessions"], revenue=Decimal(str(j["totals"]["revenue"]))))
        continue
    d = dict(kv.split("=") for kv in open(f"{work}/duckdb.{i}.out").read().split())
    results.setdefault("duckdb", []).append(dict(rows=int(d["rows"]), rejected=int(d["rejected"]), events=int(d["events"]),
        sessions=int(d["sessions"]), revenue=Decimal(d["revenue"])))

cents = lambda v: v.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
ok = True
for tool, rs in results.items():
    if any(r != rs[0] for r in rs):
        print(f"MISMATCH: {tool} gave different results across runs: {rs}"); ok = False
p, d = results["persession"][0], results[other][0]
for k in ("rows", "rejected", "events", "sessions"):
    if p[k] != d[k]:
        print(f"MISMATCH {k}: persession {p[k]} vs {other} {d[k]}"); ok = False
if cents(p["revenue"]) != cents(d["revenue"]):
    print(f"MISMATCH revenue: persession {p['revenue']} vs {other} {d['revenue']}"); ok = False

mb = size / 1e6
print(f"file: {file} ({mb:.1f} MB, {p['rows']} rows, {p['rejected']} rejected, {p['events']} events after de-duplication)")
print(f"definition: {definition} ({'bots included' if other == 'duckdb' else 'bots excluded'}); runs: {runs}; raw read floor (cat > /dev/null): {floor:.3f} s ({mb/floor:.0f} MB/s)")
print(f"{'tool':<11} {'median s':>9} {'events/s':>12} {'MB/s':>8} {'peak RSS MB':>12} {'sessions':>10} {'revenue':>14}  runs (s, in order)")
walls = {}
for tool in ("persession", other):
    w, rss, each = times(tool); walls[tool] = w
    r = results[tool][0]
    print(f"{tool:<11} {w:>9.2f} {p['rows']/w:>12,.0f} {mb/w:>8.1f} {rss/1024:>12.0f} {r['sessions']:>10} {str(cents(r['revenue'])):>14}"
          f"  {', '.join(f'{x:.2f}' for x in each)}")
print(f"ratio {other} / persession (wall): {walls[other]/walls['persession']:.2f}")
print("RESULT: " + ("same sessions, rows and revenue" if ok else "RESULTS DIFFER"))
sys.exit(0 if ok else 1)
PY
