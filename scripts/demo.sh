#!/usr/bin/env bash
# npm run demo: on a fresh machine with MariaDB and Redis reachable (or installable), installs
# what is missing, then hands over to scripts/demo.ts, which migrates, seeds, builds and runs
# every process of the product until Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/services.sh mariadb redis
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
exec node --import tsx scripts/demo.ts "$@"
