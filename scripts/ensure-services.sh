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
      ;;
  esac
done
