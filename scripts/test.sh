#!/usr/bin/env bash
# npm test: installs what is missing, then runs every test — static checks, unit, integration
# against the real MariaDB and Redis, and end-to-end in Debian's Chromium — and ends with one
# summary line. Exit code is non-zero if anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."

export NEXT_TELEMETRY_DISABLED=1
mkdir -p test-results
rm -f test-results/*.json

step() { printf '\n\033[1m== %s ==\033[0m\n' "$*"; }

step "dependencies"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then npm ci --no-audit --no-fund || exit 1; fi
bash scripts/services.sh mariadb redis chromium || exit 1
npm run --silent db:generate >/dev/null || exit 1

failed=0
step "typecheck"
npx tsc --noEmit -p tsconfig.json || failed=1
step "lint"
npx eslint --max-warnings=0 . || failed=1

step "unit + integration (vitest)"
npx vitest run --reporter=default --reporter=json --outputFile=test-results/vitest.json || failed=1

step "build (next build)"
if npx next build > test-results/next-build.log 2>&1; then
  step "end-to-end (playwright, chromium)"
  PLAYWRIGHT_JSON_OUTPUT_NAME=test-results/playwright.json npx playwright test --reporter=list,json || failed=1
else
  cat test-results/next-build.log; failed=1
fi

node scripts/test-summary.mjs || failed=1
exit $failed
