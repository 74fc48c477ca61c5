#!/usr/bin/env bash
# All tests, one command on a fresh machine: set-up (scripts/setup.sh), then `npm test` (unit, build,
# end-to-end in Chromium, the clock matrix). The last line is "N passed, N failed". CI runs this (.ci/run).
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || { echo "0 passed, 1 failed"; exit 1; }
npm test
