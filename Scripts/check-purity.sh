#!/usr/bin/env bash
# The pure cores import no I/O: DialogueCore, LetterTemplating, LetterComposition (the letter
# library), Vocabulary (texts, messages, formats) and LineEditing (keys to a line, menus, drawing)
# may not import Foundation, the C library or Dispatch, nor name files, processes, the terminal,
# the environment or the clock. Run by .ci/run.
# Prints "N passed, N failed" (one check per module) and exits 1 on any finding.
set -uo pipefail
case ${1:-} in -h|--help) sed -n '2,/^[^#]/s/^# \{0,1\}//p' "$0"; exit 0 ;; esac
cd "$(dirname "$0")/.."
imports='^[[:space:]]*(@[a-zA-Z]+[[:space:]]+)*import[[:space:]]+(Foundation|FoundationEssentials|Glibc|Darwin|Musl|Dispatch|WinSDK)\b'
calls='\b(FileManager|FileHandle|Process|ProcessInfo|CommandLine|URLSession|readLine|print|fopen|fwrite|getenv|setenv|time|localtime_r|Date)\('
passed=0 failed=0
for module in DialogueCore LetterTemplating LetterComposition LineEditing Vocabulary; do
  found=$( { grep -rnE "$imports" "Sources/$module"; grep -rnE "$calls" "Sources/$module" | grep -vE '^[^:]+:[0-9]+:[[:space:]]*///'; } )
  if [ -n "$found" ]; then
    failed=$((failed + 1))
    echo "check-purity: $module is not pure:" >&2
    echo "$found" >&2
  else
    passed=$((passed + 1))
  fi
done
echo "check-purity: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
