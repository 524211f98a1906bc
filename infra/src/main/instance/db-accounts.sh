#!/usr/bin/env bash
# The database set-up of a deploy on AWS, run once by the one-shot set-up instance (DatabaseSetup), before the
# application instances of the new bundle start: one schema per service, a read-write account on it and a
# SELECT-only account for the readers, with the passwords Secrets Manager generated. Idempotent (re-running
# re-applies the passwords, so a changed secret takes effect at the next deploy); the tables themselves are
# Flyway's, run by each service against its own schema. The only user of the RDS-managed master secret.
set -euo pipefail
secret() { aws secretsmanager get-secret-value --region "$AWS_REGION" --secret-id "$1" --query SecretString --output text; }
field() { jq -r ".$1"; }

master="$(secret "$DB_MASTER_SECRET_ARN")"
# The password goes to the client in its environment, never into an option file, where '#', '\', quotes and
# spaces (all allowed in RDS passwords) would need their own escaping. Only root can read a process's environment.
export MYSQL_PWD; MYSQL_PWD="$(field password <<<"$master")"
client=(mariadb --user="$(field username <<<"$master")" --host="$DB_WRITER_HOST" --port="$DB_PORT" --ssl --batch)

# A string literal for SQL: backslash and quote escaped (MySQL treats a backslash in a literal as an escape).
sql_string() { local value="${1//\\/\\\\}"; printf "'%s'" "${value//\'/\'\'}"; }

for svc in auth catalog purchase; do
  upper="${svc^^}"
  writer_arn="${upper}_WRITER_SECRET_ARN"; reader_arn="${upper}_READER_SECRET_ARN"
  writer="$(secret "${!writer_arn}")"; reader="$(secret "${!reader_arn}")"
  rw_user="$(field username <<<"$writer")"; rw_pass="$(field password <<<"$writer")"
  ro_user="$(field username <<<"$reader")"; ro_pass="$(field password <<<"$reader")"
  "${client[@]}" <<SQL
CREATE DATABASE IF NOT EXISTS \`$svc\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS '$rw_user'@'%' IDENTIFIED BY $(sql_string "$rw_pass") REQUIRE SSL;
ALTER USER '$rw_user'@'%' IDENTIFIED BY $(sql_string "$rw_pass") REQUIRE SSL;
GRANT ALL PRIVILEGES ON \`$svc\`.* TO '$rw_user'@'%';
CREATE USER IF NOT EXISTS '$ro_user'@'%' IDENTIFIED BY $(sql_string "$ro_pass") REQUIRE SSL;
ALTER USER '$ro_user'@'%' IDENTIFIED BY $(sql_string "$ro_pass") REQUIRE SSL;
GRANT SELECT ON \`$svc\`.* TO '$ro_user'@'%';
GRANT REPLICATION CLIENT ON *.* TO '$ro_user'@'%';
SQL
  echo "db-accounts: $svc ($rw_user, $ro_user) ready"
done
