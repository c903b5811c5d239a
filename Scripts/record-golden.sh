#!/usr/bin/env bash
# Re-records the golden letters from their answer files. Read `git diff` afterwards:
# a golden file is only right once a person has read it.
set -euo pipefail
cd "$(dirname "$0")/.."
GOODBYE_RECORD=1 swift test --disable-swift-testing --filter GoldenLetterTests || true
git status --short Tests/GoodbyeTests/Golden
