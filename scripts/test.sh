#!/usr/bin/env bash
# All tests — README's test command, and exactly what CI runs (.ci/run calls this and nothing else):
# set-up (scripts/setup.sh), the project checks (`npm run check`: tsc, eslint, prettier), then `npm test`
# (unit, build, end-to-end in Chromium, the clock matrix). The last line is "N passed, N failed[, N skipped]",
# with a failed check counted as one more failure.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || { echo "0 passed, 1 failed"; exit 1; }

check_failed=0
npm run check || check_failed=1

out=$(mktemp)
npm test 2>&1 | tee "$out"
status=${PIPESTATUS[0]}
summary=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$out" | tail -n 1)
rm -f "$out"
[ -n "$summary" ] || { summary="0 passed, 1 failed"; status=1; }
if [ "$check_failed" -eq 1 ]; then
  p=$(echo "$summary" | sed -E 's/^([0-9]+) passed.*/\1/')
  f=$(echo "$summary" | sed -E 's/^[0-9]+ passed, ([0-9]+) failed.*/\1/')
  rest=$(echo "$summary" | sed -E 's/^[0-9]+ passed, [0-9]+ failed//')
  summary="$p passed, $((f + 1)) failed$rest"
  status=1
fi
echo "$summary"
exit "$status"
