#!/usr/bin/env bash
# Builds the libFuzzer targets (swiftc -sanitize=fuzzer,address) over the library
# sources and runs each for SECONDS (default 60) on its seed corpus in Tests/Fuzz/.
# A crash leaves crash-* in .build-fuzz/: turn it into a regression test. Leak
# detection is off: Swift keeps enum case bits in pointers, so LeakSanitizer reports
# the content loaded once per run (reachable from a global) as leaked.
#   Scripts/fuzz.sh [seconds] [answers|template|content ...]
set -euo pipefail
case ${1:-} in -h|--help) sed -n '2,/^[^#]/s/^# \{0,1\}//p' "$0"; exit 0 ;; esac
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("${@:-answers template content}")
[ $# -gt 0 ] || targets=(answers template content)
out=.build-fuzz
mkdir -p "$out"
sources() { find "Sources/$1" -name '*.swift' | sort; }
build() {
  local name=$1 main=$2; shift 2
  local modules=("$@") args=()
  # Each library becomes a module of its own, compiled with the fuzzer's instrumentation.
  for module in "${modules[@]}"; do
    swiftc -O -sanitize=fuzzer,address -parse-as-library -emit-module -emit-object -wmo \
      -module-name "$module" -I "$out" -emit-module-path "$out/$module.swiftmodule" \
      -o "$out/$module.o" $(sources "$module")
    args+=("$out/$module.o")
  done
  swiftc -O -sanitize=fuzzer,address -parse-as-library -I "$out" "$main" "${args[@]}" -o "$out/fuzz-$name" 2>&1 | grep -v "Cannot export local symbol" || true
}
for target in "${targets[@]}"; do
  case $target in
    answers) build answers Tests/Fuzz/AnswersTarget.swift DialogueCore LetterTemplating LetterComposition ContentLoading ;;
    template) build template Tests/Fuzz/TemplateTarget.swift LetterTemplating ;;
    content) build content Tests/Fuzz/ContentTarget.swift DialogueCore LetterTemplating LetterComposition ContentLoading ;;
    *) echo "fuzz.sh: unknown target $target (answers, template, content)" >&2; exit 64 ;;
  esac
  corpus="$out/corpus-$target"
  mkdir -p "$corpus"
  cp -n Tests/Fuzz/$target/* "$corpus/" 2>/dev/null || true
  echo "== $target: $seconds s"
  (cd "$out" && GOODBYE_CONTENT=../Localization "./fuzz-$target" -max_total_time="$seconds" -max_len=4096 \
    -print_final_stats=1 -detect_leaks=0 "corpus-$target") 2>&1 | grep -E "stat::number_of_executed_units|stat::peak_rss|ERROR|SUMMARY|Done" || true
done
