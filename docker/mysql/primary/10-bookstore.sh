#!/bin/bash
# Runs once, on the primary's first start (docker-entrypoint-initdb.d): the replication account and, per
# service, its schema, a read-write account and a SELECT-only account for the replica — the same accounts
# ./bookstore up provisions on MariaDB and infra/src/main/instance/db-accounts.sh creates on RDS.
# Written to the binary log, so the replica, replicating from GTID 1 on, gets the same accounts.
set -euo pipefail
mysql=(mysql -uroot -p"$MYSQL_ROOT_PASSWORD")
"${mysql[@]}" <<SQL
CREATE USER IF NOT EXISTS 'replicator'@'%' IDENTIFIED BY '$REPLICATION_PASSWORD';
GRANT REPLICATION SLAVE ON *.* TO 'replicator'@'%';
SQL
for svc in auth catalog purchase; do
  "${mysql[@]}" <<SQL
CREATE DATABASE IF NOT EXISTS \`$svc\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS '${svc}_rw'@'%' IDENTIFIED BY '$SERVICE_DB_PASSWORD';
GRANT ALL PRIVILEGES ON \`$svc\`.* TO '${svc}_rw'@'%';
CREATE USER IF NOT EXISTS '${svc}_ro'@'%' IDENTIFIED BY '$SERVICE_DB_PASSWORD';
GRANT SELECT ON \`$svc\`.* TO '${svc}_ro'@'%';
GRANT REPLICATION CLIENT ON *.* TO '${svc}_ro'@'%';
SQL
done
