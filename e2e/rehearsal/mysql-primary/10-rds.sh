#!/bin/bash
# What RDS makes itself on a new cluster, on the stand-in primary: the master user (with the master secret's
# password, whatever characters it holds) and the account the readable standby replicates with.
set -euo pipefail
sql_string() { local value="${1//\\/\\\\}"; printf "'%s'" "${value//\'/\'\'}"; }
mysql -uroot -p"$MYSQL_ROOT_PASSWORD" <<SQL
CREATE USER 'bookstore_admin'@'%' IDENTIFIED BY $(sql_string "$MASTER_PASSWORD");
GRANT ALL PRIVILEGES ON *.* TO 'bookstore_admin'@'%' WITH GRANT OPTION;
CREATE USER 'replicator'@'%' IDENTIFIED BY '$REPLICATION_PASSWORD';
GRANT REPLICATION SLAVE ON *.* TO 'replicator'@'%';
SQL
