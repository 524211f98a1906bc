#!/bin/bash
# The official mysql image's entry point, as far as docker-compose-dev.yml relies on it: on the first start
# (empty /var/lib/mysql) initialize the data folder, start a temporary server without TCP, set the root password
# from MYSQL_ROOT_PASSWORD for 'root'@'localhost' and 'root'@'%' (not binary-logged), run
# /docker-entrypoint-initdb.d/*.sh and *.sql in order, stop it; then run mysqld with the given arguments.
set -euo pipefail
if [ "${1:0:1}" = '-' ]; then set -- mysqld "$@"; fi
if [ "$1" != mysqld ]; then exec "$@"; fi
shift
datadir=/var/lib/mysql
if [ ! -d "$datadir/mysql" ]; then
  : "${MYSQL_ROOT_PASSWORD:?the mysql image needs MYSQL_ROOT_PASSWORD}"
  echo "entrypoint: initializing $datadir"
  mysqld --initialize-insecure "$@"
  mysqld "$@" --skip-networking --socket=/var/run/mysqld/mysqld.sock &
  temporary=$!
  for _ in $(seq 1 60); do
    mysqladmin ping --silent -uroot 2>/dev/null && break
    kill -0 "$temporary" 2>/dev/null || { echo "entrypoint: the temporary server exited" >&2; exit 1; }
    sleep 1
  done
  password="${MYSQL_ROOT_PASSWORD//\\/\\\\}"; password="${password//\'/\\\'}"
  mysql -uroot <<SQL
SET @@SESSION.SQL_LOG_BIN = 0;
ALTER USER 'root'@'localhost' IDENTIFIED BY '$password';
CREATE USER 'root'@'%' IDENTIFIED BY '$password';
GRANT ALL ON *.* TO 'root'@'%' WITH GRANT OPTION;
SQL
  for file in /docker-entrypoint-initdb.d/*; do
    case "$file" in
      *.sh) echo "entrypoint: running $file"; bash "$file" ;;
      *.sql) echo "entrypoint: running $file"; mysql -uroot -p"$MYSQL_ROOT_PASSWORD" < "$file" ;;
      *) ;;
    esac
  done
  mysqladmin -uroot -p"$MYSQL_ROOT_PASSWORD" shutdown
  wait "$temporary" || true
  echo "entrypoint: initialized; starting mysqld"
fi
exec mysqld "$@"
