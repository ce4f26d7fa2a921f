#!/usr/bin/env bash
# Makes sure what Replyflow needs on this machine is running or installed: MariaDB, Redis and
# (for the browser tests) Debian's Chromium. Used by `npm test`, `npm run demo` and .ci/run.
# Starts nothing when the service already answers; never touches a remote host.
set -euo pipefail

log() { printf '[services] %s\n' "$*"; }

have_root() { [ "$(id -u)" = "0" ]; }

mariadb_up() { mariadb-admin --protocol=tcp -h127.0.0.1 -P3306 -uroot ping >/dev/null 2>&1 || mysqladmin --protocol=tcp -h127.0.0.1 -P3306 -uroot ping >/dev/null 2>&1; }
redis_up() { redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -q PONG; }

# Tests and benchmarks run several processes with connection pools side by side; MariaDB's
# default of 151 connections is too few for that on one machine.
raise_mariadb_connections() {
  mariadb --protocol=tcp -h127.0.0.1 -P3306 -uroot -e "SET GLOBAL max_connections = GREATEST(@@max_connections, 1000)" >/dev/null 2>&1 || true
}

ensure_mariadb() {
  if mariadb_up; then raise_mariadb_connections; return 0; fi
  if ! command -v mariadbd >/dev/null 2>&1 && [ ! -x /usr/sbin/mariadbd ]; then
    have_root || { log "MariaDB is not running and not installed; see README 'What it needs'"; return 1; }
    log "installing MariaDB"; apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mariadb-server >/dev/null
  fi
  log "starting MariaDB"
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd || true
  for _ in $(seq 1 60); do mariadb_up && { raise_mariadb_connections; return 0; }; sleep 0.5; done
  log "MariaDB did not come up on 127.0.0.1:3306"; return 1
}

ensure_redis() {
  if redis_up; then return 0; fi
  if ! command -v redis-server >/dev/null 2>&1; then
    have_root || { log "Redis is not running and not installed; see README 'What it needs'"; return 1; }
    log "installing Redis"; apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
  fi
  log "starting Redis"
  mkdir -p /var/lib/redis /var/log/redis 2>/dev/null || true
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log \
    || redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no
  for _ in $(seq 1 40); do redis_up && return 0; sleep 0.25; done
  log "Redis did not come up on 127.0.0.1:6379"; return 1
}

ensure_chromium() {
  if [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then return 0; fi
  have_root || { log "Chromium missing: install Debian's chromium package (browser tests need it)"; return 1; }
  log "installing Chromium (Debian package)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
}

for what in "${@:-mariadb redis}"; do
  for w in $what; do "ensure_$w"; done
done
