#!/bin/bash
# Runs once, on the replica's first start: replicate from the primary by GTID auto-positioning, then make the
# replica read-only for good (SET PERSIST survives restarts; a command-line flag would block the entrypoint's
# own first-start setup).
set -euo pipefail
until mysqladmin ping -h mysql-primary -uroot -p"$MYSQL_ROOT_PASSWORD" --silent; do sleep 2; done
mysql -uroot -p"$MYSQL_ROOT_PASSWORD" <<SQL
CHANGE REPLICATION SOURCE TO SOURCE_HOST='mysql-primary', SOURCE_PORT=3306, SOURCE_USER='replicator',
  SOURCE_PASSWORD='$REPLICATION_PASSWORD', SOURCE_AUTO_POSITION=1, GET_SOURCE_PUBLIC_KEY=1;
START REPLICA;
SET PERSIST super_read_only = ON;
SQL
