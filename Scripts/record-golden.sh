#!/usr/bin/env bash
# Re-records the golden letters and transcripts from their inputs. Read `git diff`
# afterwards: a golden file is only right once a person has read it.
set -euo pipefail
case ${1:-} in -h|--help) sed -n '2,/^[^#]/s/^# \{0,1\}//p' "$0"; exit 0 ;; esac
cd "$(dirname "$0")/.."
GOODBYE_RECORD=1 swift test --disable-swift-testing --filter 'GoldenLetterTests|GoldenTranscriptTests' || true
git status --short Tests/GoodbyeTests/Golden
