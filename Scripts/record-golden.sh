#!/usr/bin/env bash
# Re-records the golden letters and transcripts from their inputs. Read `git diff`
# afterwards: a golden file is only right once a person has read it.
set -euo pipefail
cd "$(dirname "$0")/.."
GOODBYE_RECORD=1 swift test --disable-swift-testing --filter 'GoldenLetterTests|GoldenTranscriptTests' || true
git status --short Tests/GoodbyeTests/Golden
