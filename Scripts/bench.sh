#!/usr/bin/env bash
# Speed and memory of goodbye, each measured in the same run as its reference:
#   1. start-up (`goodbye --version`) and time to the first question, against a Swift
#      hello-world importing Foundation, built the same way (ratio);
#   2. a whole scripted session (answers in, decision and letter out) against it;
#   3. letters per second from the template engine alone (the letter's parts rendered from
#      their prepared data), and from the whole drafting, against plain interpolation;
#      the engine on a second letter of another shape too (Scripts/bench/second/: lists
#      nested two deep, inverted sections, partials, long free text);
#   4. peak memory of a session against the hello-world;
#   5. the size of the executable against the hello-world's;
#   6. batch letters per second (`letter --batch`, 10 000 rows of a CSV to 10 000 files);
#   7. the peak memory of a batch of 100 000 rows against 10 000, and of an answer file
#      of 15 MiB against a letter's (BENCH_BIG_ROWS changes the larger batch)
#      against a plain Swift loop writing the same letters by interpolation.
# Medians over repeated runs; hyperfine and /usr/bin/time from Debian; with valgrind,
# instruction counts too (steady where times are noisy).
#   Scripts/bench.sh            (BENCH_DYNAMIC=1 also measures a dynamically linked build)
set -euo pipefail
case ${1:-} in -h|--help) sed -n '2,/^[^#]/s/^# \{0,1\}//p' "$0"; exit 0 ;; esac
cd "$(dirname "$0")/.."
for tool in hyperfine /usr/bin/time python3; do
  command -v "$tool" >/dev/null || { echo "bench.sh: $tool manque (apt-get install -y hyperfine time)" >&2; exit 69; }
done
out=.build-bench
mkdir -p "$out"
echo "== build (release, as Scripts/install.sh builds it: a fully static executable)"
# The two products only: the tests' shared target (Tests/Support) imports XCTest, which
# has no static build.
: > "$out/build.log"
for product in goodbye goodbye-bench; do
  swift build -c release --static-swift-stdlib -Xswiftc -static-executable --product "$product" >> "$out/build.log" 2>&1 \
    || { cat "$out/build.log" >&2; exit 1; }
done
bin=$(swift build -c release --static-swift-stdlib -Xswiftc -static-executable --show-bin-path)
# Two references: the hello-world with the Swift runtime linked statically (issue 15's),
# and the same fully static, linked like goodbye.
swiftc -O -static-stdlib Scripts/bench/hello.swift -o "$out/hello"
swiftc -O -static-executable Scripts/bench/hello.swift -o "$out/hello-static" 2>/dev/null
answers=Scripts/bench/session.answers

median_ms() {  # hyperfine JSON -> median in ms
  python3 -c 'import json,sys; print("%.2f" % (json.load(open(sys.argv[1]))["results"][0]["median"]*1000))' "$1"
}
time_pair() {  # name, reference command, goodbye command (and the fully static reference)
  hyperfine -N -i --warmup 5 --runs 60 --export-json "$out/ref.json" "$2" >/dev/null 2>&1
  hyperfine -N -i --warmup 5 --runs 60 --export-json "$out/gb.json" "$3" >/dev/null 2>&1
  hyperfine -N -i --warmup 5 --runs 60 --export-json "$out/ref2.json" "$out/hello-static" >/dev/null 2>&1
  local ref gb ref2
  ref=$(median_ms "$out/ref.json"); gb=$(median_ms "$out/gb.json"); ref2=$(median_ms "$out/ref2.json")
  python3 -c 'import sys; r,g,s=map(float,sys.argv[2:5]); print(f"{sys.argv[1]:<28} goodbye {g:7.2f} ms   hello-world {r:7.2f} ms   ratio {g/r:5.2f}  (target 1.5)   fully static hello-world {s:5.2f} ms, ratio {g/s:5.2f}")' "$1" "$ref" "$gb" "$ref2"
}
peak_kb() {  # median of 5 peak RSS, in KiB
  for _ in 1 2 3 4 5; do /usr/bin/time -f %M "$@" >/dev/null 2>>"$out/rss" </dev/null || true; tail -1 "$out/rss"; done | sort -n | sed -n 3p
}
measure() {  # the four figures for one build folder
  local goodbye=$1
  echo "== $2"
  time_pair "start-up (--version)" "$out/hello" "$goodbye --version"
  # hyperfine gives commands an empty input: the session prints its first question and
  # stops there (exit 1, ignored with -i). That is the time to the first question.
  time_pair "first question" "$out/hello" "$goodbye --date 2026-11-29"
  time_pair "scripted session + letter" "$out/hello" "$goodbye run --answers $answers --no-input --date 2026-11-29"
  local ref gb
  : > "$out/rss"
  ref=$(peak_kb "$out/hello"); gb=$(peak_kb "$goodbye" run --answers "$answers" --no-input --date 2026-11-29)
  local ref2; ref2=$(peak_kb "$out/hello-static")
  python3 -c 'import sys; r,g,s=map(int,sys.argv[2:5]); print(f"{sys.argv[1]:<28} goodbye {g/1024:6.1f} MiB  hello-world {r/1024:6.1f} MiB  ratio {g/r:5.2f}  (target 1.5)   fully static hello-world {s/1024:4.1f} MiB, ratio {g/s:5.2f}")' "peak memory (session)" "$ref" "$gb" "$ref2"
}
measure "$bin/goodbye" "fully static executable (what Scripts/install.sh builds)"
python3 -c 'import os,sys; g,h=os.path.getsize(sys.argv[1]),os.path.getsize(sys.argv[2]); print(f"{sys.argv[3]:<28} goodbye {g/2**20:6.1f} MiB  hello-world {h/2**20:6.1f} MiB  ratio {g/h:5.2f}")' "$bin/goodbye" "$out/hello" "binary size"
"$bin/goodbye-bench" . 20000
if command -v valgrind >/dev/null; then
  # Instructions counted by valgrind (hashing made deterministic): steadier than time on
  # a busy machine. Per letter: the difference between 501 letters and 1.
  count() { SWIFT_DETERMINISTIC_HASHING=1 valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null </dev/null | awk '/Collected/ {print $4}'; }
  per_letter() { local one many; one=$(count "$bin/goodbye-bench" . 1 "$1"); many=$(count "$bin/goodbye-bench" . 501 "$1"); echo $(( (many - one) / 500 )); }
  plain=$(per_letter plain); engine=$(per_letter engine); draft=$(per_letter draft)
  python3 -c 'import sys; p,e,d=map(int,sys.argv[1:4]); print(f"instructions per letter       engine {e}   drafting {d}   interpolation {p}   ratios {e/p:.2f} and {d/p:.2f}")' "$plain" "$engine" "$draft"
  # The second bench letter (Scripts/bench/second/): another shape, the engine alone.
  python3 -c 'import sys; p,e=map(int,sys.argv[1:3]); print(f"instructions, second letter   engine {e}   interpolation {p}   ratio {e/p:.2f}")' \
    "$(per_letter second-plain)" "$(per_letter second-engine)"
  python3 -c 'import sys; h,g=map(int,sys.argv[1:3]); print(f"instructions, session        goodbye {g}   hello-world {h}   ratio {g/h:.2f}")' \
    "$(count "$out/hello")" "$(count "$bin/goodbye" run --answers "$answers" --no-input --date 2026-11-29)"
fi
rows=${BENCH_ROWS:-10000}
spreadsheet() {  # ROWS: a CSV of the bench letter, one client a row
  python3 - "$1" Scripts/bench/letter.answers <<'PY'
import csv, sys
rows, answers = int(sys.argv[1]), [l.split(" = ", 1) for l in open(sys.argv[2], encoding="utf-8").read().splitlines() if " = " in l]
out = csv.writer(sys.stdout, delimiter=";", lineterminator="\r\n")
out.writerow([key for key, _ in answers])
for index in range(rows):
    out.writerow([value + (f" {index}" if key == "client.company" else "") for key, value in answers])
PY
}
spreadsheet "$rows" > "$out/batch.csv"
batch_pair() {  # folder for the files, label: both programs write the same letters there
  local dir=$1
  hyperfine -N --warmup 1 --runs 5 --prepare "rm -rf $dir/plain-files" --export-json "$out/ref.json" \
    "sh -c 'mkdir $dir/plain-files && $bin/goodbye-bench . plain-files $rows $dir/plain-files'" >/dev/null 2>&1
  hyperfine -N --warmup 1 --runs 5 --prepare "rm -rf $dir/batch" --export-json "$out/gb.json" \
    "$bin/goodbye letter --batch $out/batch.csv --out-dir $dir/batch --date 2026-11-29" >/dev/null 2>&1
  test "$(ls "$dir/batch" | wc -l)" = "$rows" || { echo "bench.sh: the batch did not write $rows letters" >&2; exit 1; }
  cmp -s "$dir/batch/societe-dupont-7.txt" "$dir/plain-files/societe-dupont-7.txt" \
    || { echo "bench.sh: the batch letter differs from the plain one" >&2; diff "$dir/batch/societe-dupont-7.txt" "$dir/plain-files/societe-dupont-7.txt" >&2; exit 1; }
  python3 -c 'import sys; n,r,g=int(sys.argv[1]),float(sys.argv[2]),float(sys.argv[3]); print(f"batch letters/s {sys.argv[4]:<12} goodbye {n/g*1000:7.0f}   interpolation {n/r*1000:7.0f}   ratio {r/g:5.2f}  (target 0.5)")' \
    "$rows" "$(median_ms "$out/ref.json")" "$(median_ms "$out/gb.json")" "$2"
  rm -rf "$dir/batch" "$dir/plain-files"
}
# On disk, as a person runs it; in memory (tmpfs), where the file system costs little
# and the program's own work shows.
batch_pair "$out" "(disk)"
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
  shm=$(mktemp -d /dev/shm/goodbye-bench.XXXXXX)
  batch_pair "$shm" "(memory)"
  rmdir "$shm"
fi
# Memory of a batch does not grow with its rows: the peak at 100 000 rows against the
# peak at 10 000 (issue 22: at most 1.3), letters written to tmpfs when there is one.
big=${BENCH_BIG_ROWS:-100000}
spreadsheet "$big" > "$out/big.csv"
place=$out
if [ -d /dev/shm ] && [ -w /dev/shm ]; then place=$(mktemp -d /dev/shm/goodbye-bench.XXXXXX); fi
peak() {  # CSV: the batch's peak resident memory in KiB
  rm -rf "$place/letters"
  /usr/bin/time -f %M -o "$out/peak" "$bin/goodbye" letter --batch "$1" --out-dir "$place/letters" --date 2026-11-29 2>/dev/null >/dev/null
  cat "$out/peak"
}
small_peak=$(peak "$out/batch.csv")
big_peak=$(peak "$out/big.csv")
rm -rf "$place/letters"
[ "$place" = "$out" ] || rmdir "$place"
python3 -c 'import sys; r,b,s,p=map(int,sys.argv[1:5]); print(f"batch memory                 {r} rows {s/1024:.1f} MiB   {b} rows {p/1024:.1f} MiB   ratio {p/s:.2f}  (target 1.3)")' \
  "$rows" "$big" "$small_peak" "$big_peak"
# Memory of an answer file does not grow with its size: a letter's answers against the
# same with 15 MiB of comments (under the 16 MiB limit).
python3 - "$answers" > "$out/long.answers" <<'PY'
import sys
sys.stdout.write(open(sys.argv[1], encoding="utf-8").read())
sys.stdout.write(("# " + "x" * 77 + "\n") * (15 * 1024 * 1024 // 80))
PY
answers_peak() { /usr/bin/time -f %M -o "$out/peak" "$bin/goodbye" run --answers "$1" --no-input --date 2026-11-29 >/dev/null 2>&1; cat "$out/peak"; }
short_peak=$(answers_peak "$answers")
long_peak=$(answers_peak "$out/long.answers")
python3 -c 'import sys; s,l=map(int,sys.argv[1:3]); print(f"answer file memory           a letter {s/1024:.1f} MiB   with 15 MiB of comments {l/1024:.1f} MiB   ratio {l/s:.2f}")' \
  "$short_peak" "$long_peak"
if [ "${BENCH_DYNAMIC:-0}" = 1 ]; then
  swift build -c release --scratch-path "$out/dynamic" --product goodbye >/dev/null
  swiftc -O Scripts/bench/hello.swift -o "$out/hello"
  measure "$out/dynamic/release/goodbye" "dynamic Swift runtime, against a dynamic hello-world"
fi
