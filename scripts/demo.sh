#!/usr/bin/env bash
# The main job, one command on a fresh machine: set-up (scripts/setup.sh), build, open Chromium with the
# extension on the bundled demo consoles (headless without a display) and print where screenshots and
# exports went. Arguments go to the demo: --docs, --keep-open, --headless.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
npm run demo -- "$@"
