#!/usr/bin/env bash
# Starts Redis and/or PostgreSQL on this machine when they are not answering.
set -u
for service in "$@"; do
  case "$service" in
    redis)
      if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
        echo "starting redis"
        mkdir -p /var/lib/redis /var/log/redis
        redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" \
          --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log
        for _ in $(seq 1 50); do redis-cli ping >/dev/null 2>&1 && break; sleep 0.1; done
      fi
      redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 || { echo "redis is down" >&2; exit 1; }
      ;;
    postgresql)
      if ! pg_isready -h 127.0.0.1 -p 5432 >/dev/null 2>&1; then
        echo "starting postgresql"
        pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start
        for _ in $(seq 1 100); do pg_isready -h 127.0.0.1 -p 5432 >/dev/null 2>&1 && break; sleep 0.2; done
      fi
      pg_isready -h 127.0.0.1 -p 5432 >/dev/null 2>&1 || { echo "postgresql is down" >&2; exit 1; }
      # The suite connects as role `root` to database `test` (MATCHMAKER_TEST_POSTGRES_URL):
      # create them when missing, as the postgres superuser (local trust or peer auth).
      if ! psql -h 127.0.0.1 -U root -d test -c "select 1" >/dev/null 2>&1; then
        as_postgres() { if [ "$(id -u)" = 0 ]; then su postgres -c "$1"; else sh -c "$1"; fi; }
        as_postgres "psql -q -c \"CREATE ROLE root LOGIN SUPERUSER\"" >/dev/null 2>&1 || true
        as_postgres "psql -q -c \"CREATE DATABASE test OWNER root\"" >/dev/null 2>&1 || true
        psql -h 127.0.0.1 -U root -d test -c "select 1" >/dev/null 2>&1 || {
          echo "no PostgreSQL role root / database test; create them: sudo -u postgres psql -c 'CREATE ROLE root LOGIN SUPERUSER' -c 'CREATE DATABASE test OWNER root'" >&2
          exit 1
        }
      fi
      ;;
  esac
done
