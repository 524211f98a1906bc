#!/usr/bin/env bash
# A rehearsal of a deploy's boot on AWS, here: first the one-shot database set-up instance's real user data (it
# runs db-accounts.sh with the master secret, signals, powers off), then the launch template's real user data on two
# application instances at once (setup.sh, signing-key.sh, nginx-config.sh and bookstore@.service with their users,
# permissions and environment), each taken from the synthesized template with its CloudFormation references filled
# in, run as root in systemd containers standing in for AL2023 instances (e2e/rehearsal/instance/). AWS is stood in
# for, minimally: IMDSv2 with each instance's own role, Secrets Manager (the secrets in the JSON shapes the stack
# creates, each role allowed only what the template's IAM policies grant it; the master password holds '#', '\', a
# quote and a space), S3 (the stack's bundle asset) and CloudFormation signals (testkit AwsStandIn); RDS is a MySQL
# primary and replica playing the writer and reader endpoints. Checks what the load balancer and a user would see,
# then removes every container and the network. Prints "N passed, N failed".
# Needs root (podman) and infra/cdk.out from `npx cdk synth` (./bookstore test runs it first).
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=e2e/checks.sh
. "$ROOT/e2e/checks.sh"
WORK="$(mktemp -d /tmp/bookstore-rehearsal.XXXXXX)"
TEMPLATE="$ROOT/infra/cdk.out/Bookstore.template.json"
REGION=eu-central-1 ACCOUNT=123456789012
PORT_BASE="${REHEARSAL_PORT_BASE:-27440}"
MASTER_PASSWORD="Re#hearsal\\pass 'word 1"

[ "$(id -u)" -eq 0 ] || { echo "aws-instance-rehearsal.sh runs podman as root"; echo "0 passed, 1 failed"; exit 1; }
[ -s "$TEMPLATE" ] || { echo "no $TEMPLATE: run npx cdk synth in infra/ first"; echo "0 passed, 1 failed"; exit 1; }
SID_ROOT="$("$ROOT/bookstore" mysql | tail -n 1)" || { echo "0 passed, 1 failed"; exit 1; }
JDK="$("$ROOT/bookstore" jdk)"
# shellcheck source=e2e/podman.sh
. "$ROOT/e2e/podman.sh"
podman_setup "$WORK"

containers=() network=""
cleanup() {
  # -v: the MySQL images' anonymous data volumes go with their containers
  [ ${#containers[@]} -gt 0 ] && podman rm -f -v -t 5 "${containers[@]}" >/dev/null 2>&1
  [ -n "$network" ] && podman network rm -f "$network" >/dev/null 2>&1
  rm -rf "$WORK"
}
trap cleanup EXIT
run() { # podman run arguments...: starts a container, remembers its id for the clean-up
  local id
  id="$(podman run -d "$@")" || return 1
  containers+=("$id")
  echo "$id"
}

# ---------------------------------------------------------------- images
echo "  images: base-image stand-ins, and the instance stand-in (Debian bookworm with systemd 252)"
build_standins "$SID_ROOT" || { echo "  FAIL  building the stand-ins"; failed=1; finish rehearsal; }
bookworm="${SID_ROOT%/*}/bookworm.minbase.tar"
if [ ! -f "$bookworm" ]; then
  debootstrap --variant=minbase bookworm "$WORK/bookworm" > "$WORK/debootstrap.log" 2>&1 \
    && tar -C "$WORK/bookworm" -cf "$bookworm.partial" . && mv "$bookworm.partial" "$bookworm" \
    || { tail -n 20 "$WORK/debootstrap.log"; echo "  FAIL  debootstrap bookworm"; failed=1; finish rehearsal; }
  rm -rf "$WORK/bookworm"
fi
podman image exists localhost/bookstore-rehearsal/bookworm-rootfs:latest \
  || podman import -q "$bookworm" localhost/bookstore-rehearsal/bookworm-rootfs:latest >/dev/null
instance_hash="$(cat "$ROOT"/e2e/rehearsal/instance/* | sha256sum | cut -c1-16)"
instance_image="localhost/bookstore-rehearsal/instance:$instance_hash"
if ! podman image exists "$instance_image"; then
  # an instance stand-in built from an earlier version of its files is of no further use (~550 MB each)
  for old in $(podman images -q --filter reference=localhost/bookstore-rehearsal/instance); do
    podman rmi -f "$old" >/dev/null 2>&1 || true
  done
  podman build -q -t "$instance_image" "$ROOT/e2e/rehearsal/instance" >/dev/null \
    || { echo "  FAIL  building the instance stand-in"; failed=1; finish rehearsal; }
fi

# ---------------------------------------------------------------- the stack's own values, from its template
network="bookstore-rehearsal-$$"
podman network create "$network" >/dev/null || { echo "  FAIL  podman network create"; failed=1; finish rehearsal; }
cidr="$(podman network inspect "$network" --format '{{range .Subnets}}{{.Subnet}}{{end}}')"
# What CloudFormation would put in place of each reference the user data and the secrets make.
cat > "$WORK/resolve.jq" <<JQ
def resolve(\$resources):
  if type == "string" then .
  elif .Ref == "AWS::Partition" then "aws"
  elif .Ref == "AWS::Region" then "$REGION"
  elif .Ref == "AWS::AccountId" then "$ACCOUNT"
  elif has("Ref") then
    (\$resources[.Ref].Type) as \$type
    | if \$type == "AWS::SecretsManager::Secret" then "arn:aws:secretsmanager:$REGION:$ACCOUNT:secret:" + .Ref
      elif \$type == "AWS::Logs::LogGroup" then "/rehearsal/" + .Ref
      elif \$type == "AWS::SES::ConfigurationSet" then .Ref
      elif \$type == "AWS::SES::EmailIdentity" then \$resources[.Ref].Properties.EmailIdentity
      else error("the rehearsal has no value for " + tojson) end
  elif has("Fn::GetAtt") then
    (.["Fn::GetAtt"][1]) as \$attribute
    | if \$attribute == "Endpoint.Address" then "mysql-primary"
      elif \$attribute == "ReadEndpoint.Address" then "mysql-replica"
      elif \$attribute == "MasterUserSecret.SecretArn" then "arn:aws:secretsmanager:$REGION:$ACCOUNT:secret:rds!cluster"
      elif \$attribute == "CidrBlock" then "$cidr"
      else error("the rehearsal has no value for " + tojson) end
  elif has("Fn::Sub") then .["Fn::Sub"] | gsub("\\\\\$\\\\{AWS::AccountId\\\\}"; "$ACCOUNT") | gsub("\\\\\$\\\\{AWS::Region\\\\}"; "$REGION")
  elif has("Fn::Join") then .["Fn::Join"][0] as \$glue | [.["Fn::Join"][1][] | resolve(\$resources)] | join(\$glue)
  else error("the rehearsal cannot resolve " + tojson) end;
JQ
jq -r -L "$WORK" 'include "resolve"; .Resources as $resources | .Resources[] | select(.Type == "AWS::EC2::LaunchTemplate")
  | .Properties.LaunchTemplateData.UserData | select(. != null) | .["Fn::Base64"] | resolve($resources)' \
  "$TEMPLATE" > "$WORK/user-data.sh" || { echo "  FAIL  reading the user data from the template"; failed=1; finish rehearsal; }
jq -r -L "$WORK" 'include "resolve"; .Resources as $resources | .Resources[] | select(.Type == "AWS::EC2::Instance")
  | .Properties.UserData["Fn::Base64"] | resolve($resources)' "$TEMPLATE" > "$WORK/setup-user-data.sh" \
  || { echo "  FAIL  reading the database set-up's user data from the template"; failed=1; finish rehearsal; }
# Each kind of instance's role (through its instance profile), and what each role may read of Secrets Manager:
# the template's own IAM policies, which the AWS stand-in enforces as IAM would.
app_role="$(jq -r '.Resources as $r | $r[] | select(.Type == "AWS::EC2::LaunchTemplate")
  | .Properties.LaunchTemplateData | select(.UserData != null) | .IamInstanceProfile.Arn["Fn::GetAtt"][0]
  | $r[.].Properties.Roles[0].Ref' "$TEMPLATE")"
setup_role="$(jq -r '.Resources as $r | $r[] | select(.Type == "AWS::EC2::Instance")
  | $r[.Properties.IamInstanceProfile.Ref].Properties.Roles[0].Ref' "$TEMPLATE")"
setup_resource="$(jq -r '.Resources | to_entries[] | select(.value.Type == "AWS::EC2::Instance") | .key' "$TEMPLATE")"
jq -L "$WORK" 'include "resolve"; .Resources as $resources
  | [.Resources[] | select(.Type == "AWS::IAM::Policy") | .Properties as $p
     | $p.PolicyDocument.Statement[] | select([.Action] | flatten | index("secretsmanager:GetSecretValue"))
     | [.Resource] | flatten | map(resolve($resources)) as $secrets
     | $p.Roles[].Ref | {role: ., secrets: $secrets}]
  | group_by(.role) | map({key: .[0].role, value: ([.[].secrets[]] | unique)}) | from_entries' \
  "$TEMPLATE" > "$WORK/access.json" || { echo "  FAIL  reading the IAM policies"; failed=1; finish rehearsal; }
# Every secret of the stack, as Secrets Manager would hold it: its template with the generated key filled in.
salt="$(openssl rand -hex 6)"
jq -L "$WORK" --arg salt "$salt" --arg master "$MASTER_PASSWORD" 'include "resolve"; .Resources as $resources |
  [.Resources | to_entries[] | select(.value.Type == "AWS::SecretsManager::Secret")
   | .value.Properties.GenerateSecretString as $g
   | {key: ("arn:aws:secretsmanager:'"$REGION:$ACCOUNT"':secret:" + .key),
      value: (if $g.SecretStringTemplate == null then "seed" + $salt + .key
              else ($g.SecretStringTemplate | resolve($resources) | fromjson) + {($g.GenerateStringKey): ("pw" + $salt + .key)}
                   | tojson end)}]
  + [{key: "arn:aws:secretsmanager:'"$REGION:$ACCOUNT"':secret:rds!cluster",
      value: ({username: "bookstore_admin", password: $master} | tojson)}]
  | from_entries' "$TEMPLATE" > "$WORK/secrets.json" || { echo "  FAIL  reading the secrets"; failed=1; finish rehearsal; }
bundle_key="$(grep -o "s3://[^']*\.zip" "$WORK/user-data.sh" | head -n 1 | sed 's|^s3://||')"
asset="$ROOT/infra/cdk.out/asset.$(basename "$bundle_key" .zip)"
mkdir -p "$WORK/aws/s3/$(dirname "$bundle_key")"
"$JDK/bin/jar" --create --no-manifest --file "$WORK/aws/s3/$bundle_key" -C "$asset" . \
  || { echo "  FAIL  no bundle asset at $asset"; failed=1; finish rehearsal; }
cp "$WORK/secrets.json" "$WORK/aws/secrets.json"
cp "$WORK/access.json" "$WORK/aws/access.json"
check "the user data names its bundle, the secrets and both database endpoints" \
  bash -c "grep -q 'DB_WRITER_HOST=mysql-primary' '$WORK/user-data.sh' && grep -q 'DB_READER_HOST=mysql-replica' '$WORK/user-data.sh' && test -n '$bundle_key'"
master_arn="arn:aws:secretsmanager:$REGION:$ACCOUNT:secret:rds!cluster"
only_setup_reads_master() {
  jq -e --arg master "$master_arn" --arg setup "$setup_role" --arg app "$app_role" \
    '(.[$setup] | index($master)) and ((.[$app] // []) | index($master) | not)
     and ([to_entries[] | select(.value | index($master))] | length) == 1' "$WORK/access.json" >/dev/null
}
check "only the database set-up's role ($setup_role) may read the master secret, not the instances' ($app_role)" \
  only_setup_reads_master
master="$(jq -r --arg arn "arn:aws:secretsmanager:$REGION:$ACCOUNT:secret:rds!cluster" '.[$arn] | fromjson | .password' "$WORK/secrets.json")"
tricky() { [[ "$master" == *"#"* && "$master" == *"\\"* && "$master" == *"'"* && "$master" == *" "* ]]; }
check "the master secret's password holds '#', '\\', a quote and a space" tricky

# ---------------------------------------------------------------- AWS and RDS stand-ins
echo "  RDS stand-in (MySQL primary + replica) and AWS stand-in (IMDSv2, Secrets Manager, S3, signals)"
root_password="rehearsal-root-$salt" replication_password="rehearsal-repl-$salt"
run --name "$network-primary" --network "$network" --network-alias mysql-primary \
  -e MYSQL_ROOT_PASSWORD="$root_password" -e MASTER_PASSWORD="$MASTER_PASSWORD" -e REPLICATION_PASSWORD="$replication_password" \
  -v "$ROOT/e2e/rehearsal/mysql-primary:/docker-entrypoint-initdb.d:ro" \
  docker.io/library/mysql:8.4 --server-id=1 --log-bin=binlog --gtid-mode=ON --enforce-gtid-consistency=ON >/dev/null
run --name "$network-replica" --network "$network" --network-alias mysql-replica \
  -e MYSQL_ROOT_PASSWORD="$root_password" -e REPLICATION_PASSWORD="$replication_password" \
  -v "$ROOT/docker/mysql/replica:/docker-entrypoint-initdb.d:ro" \
  docker.io/library/mysql:8.4 --server-id=2 --log-bin=binlog --gtid-mode=ON --enforce-gtid-consistency=ON >/dev/null
run --name "$network-aws" --network "$network" --network-alias aws -e AWS_REGION="$REGION" \
  -v "$ROOT/testkit/target:/kit:ro" -v "$WORK/aws:/data" \
  docker.io/library/eclipse-temurin:21-jre java -cp '/kit/classes:/kit/lib/*' com.bookstore.testkit.AwsStandIn \
  8080 /data/secrets.json /data/s3 /data/signals.log /data/access.json >/dev/null
for name in primary replica; do
  for _ in $(seq 1 120); do
    podman exec "$network-$name" mysqladmin ping -h 127.0.0.1 -uroot -p"$root_password" --silent >/dev/null 2>&1 && break
    sleep 1
  done
done
check "the MySQL writer and reader endpoints answer over TCP" \
  podman exec "$network-replica" mysqladmin ping -h mysql-primary -uroot -p"$root_password" --silent

# ---------------------------------------------------------------- the deploy's one-shot database set-up
imds() { echo "http://aws:8080/role/$1/"; } # the instance metadata endpoint of an instance with role $1
setup_container="$(run --name "$network-setup" --hostname db-setup --network "$network" --systemd=always \
  --cap-add SYS_ADMIN "$instance_image")"
for _ in $(seq 1 60); do
  state="$(podman exec "$network-setup" systemctl is-system-running 2>/dev/null)"
  [ "$state" = running ] || [ "$state" = degraded ] && break
  sleep 1
done
podman cp "$WORK/setup-user-data.sh" "$network-setup:/var/lib/cloud-user-data.sh"
echo "  the database set-up's user data runs (db-accounts.sh with the master secret), then the instance powers off"
started=$SECONDS
podman exec -e AWS_ENDPOINT_URL=http://aws:8080 -e AWS_EC2_METADATA_SERVICE_ENDPOINT="$(imds "$setup_role")" \
  "$network-setup" bash /var/lib/cloud-user-data.sh > "$WORK/setup.log" 2>&1
stopped=""
for _ in $(seq 1 30); do
  [ "$(podman inspect -f '{{.State.Running}}' "$setup_container" 2>/dev/null)" = false ] && { stopped=1; break; }
  sleep 1
done
echo "  set-up finished in $((SECONDS - started)) s"
if ! grep -q "resource=$setup_resource.*status=SUCCESS" "$WORK/aws/signals.log" 2>/dev/null; then
  echo "---- database set-up user data"; tr '\r' '\n' < "$WORK/setup.log" | grep -v '^Completed ' | tail -n 30 | cut -c1-300
fi
check "the database set-up signalled SUCCESS for its resource ($setup_resource)" \
  grep -q "resource=$setup_resource.*status=SUCCESS" "$WORK/aws/signals.log"
check "the database set-up instance powered off when done (terminates on AWS)" test -n "$stopped"
accounts_made() {
  [ "$(podman exec "$network-primary" mysql -uroot -p"$root_password" -N -e "SELECT COUNT(*) FROM mysql.user
     WHERE user IN ('auth_rw', 'auth_ro', 'catalog_rw', 'catalog_ro', 'purchase_rw', 'purchase_ro')" 2>/dev/null)" = 6 ]
}
check "it made each service's read-write and read-only accounts" accounts_made

# ---------------------------------------------------------------- two instances boot
sed "s|@ROLE@|$app_role|" "$ROOT/e2e/rehearsal/aws-standin.conf" > "$WORK/aws-standin.conf"
for i in 1 2; do
  run --name "$network-instance-$i" --hostname "instance-$i" --network "$network" --systemd=always \
    --cap-add SYS_ADMIN -v "$JDK:/usr/lib/jvm/java-21-amazon-corretto:ro" -p "127.0.0.1:$((PORT_BASE + i)):443" \
    "$instance_image" >/dev/null
done
for i in 1 2; do
  for _ in $(seq 1 60); do
    state="$(podman exec "$network-instance-$i" systemctl is-system-running 2>/dev/null)"
    [ "$state" = running ] || [ "$state" = degraded ] && break
    sleep 1
  done
  podman cp "$WORK/user-data.sh" "$network-instance-$i:/var/lib/cloud-user-data.sh"
  podman exec "$network-instance-$i" mkdir -p /etc/systemd/system/bookstore@.service.d
  podman cp "$WORK/aws-standin.conf" "$network-instance-$i:/etc/systemd/system/bookstore@.service.d/aws-standin.conf"
done
echo "  the user data runs on both instances at once (as cloud-init would run it, as root)"
started=$SECONDS
for i in 1 2; do
  podman exec -e AWS_ENDPOINT_URL=http://aws:8080 -e AWS_EC2_METADATA_SERVICE_ENDPOINT="$(imds "$app_role")" \
    "$network-instance-$i" bash /var/lib/cloud-user-data.sh > "$WORK/boot-$i.log" 2>&1 &
  eval "boot_$i=\$!"
done
wait "$boot_1"; status_1=$?
wait "$boot_2"; status_2=$?
echo "  user data finished in $((SECONDS - started)) s (exit $status_1 and $status_2)"
for i in 1 2; do
  status_var="status_$i"
  if [ "${!status_var}" -ne 0 ]; then
    echo "---- instance-$i user data"; tr '\r' '\n' < "$WORK/boot-$i.log" | grep -v '^Completed ' | tail -n 40 | cut -c1-300
    for svc in auth catalog purchase; do
      echo "---- instance-$i bookstore@$svc"
      podman exec "$network-instance-$i" journalctl -u "bookstore@$svc" -n 25 --no-pager 2>&1 | tail -n 25 | cut -c1-400
    done
  fi
done
check "instance 1: the user data (setup.sh, signing-key.sh, nginx-config.sh) succeeds" test "$status_1" -eq 0
check "instance 2: the user data succeeds too, against the same database at the same time" test "$status_2" -eq 0
check "each instance signalled SUCCESS to CloudFormation, once" \
  test "$(grep -v "resource=$setup_resource" "$WORK/aws/signals.log" 2>/dev/null | grep -c 'status=SUCCESS')" -eq 2
master_refused() {
  ! podman exec -e AWS_ENDPOINT_URL=http://aws:8080 -e AWS_EC2_METADATA_SERVICE_ENDPOINT="$(imds "$app_role")" \
    "$network-instance-1" aws secretsmanager get-secret-value --region "$REGION" --secret-id "$master_arn" \
    > "$WORK/master-attempt.log" 2>&1 && grep -q AccessDeniedException "$WORK/master-attempt.log"
}
check "an application instance asking for the master secret is refused (AccessDeniedException)" master_refused

https() { curl -sk -o /dev/null -w '%{http_code}' "https://127.0.0.1:$((PORT_BASE + $1))$2"; }
for i in 1 2; do
  check "instance $i: the load balancer's health check (/instance-health) is green" test "$(https "$i" /instance-health)" = 200
  check "instance $i: the site answers over HTTPS through its nginx" \
    bash -c "curl -skf https://127.0.0.1:$((PORT_BASE + i))/ | grep -q 'Bookstore'"
done
check "/etc/bookstore is root:bookstore 0750 and the signing key the service user's alone" bash -c \
  "[ \"\$(podman exec $network-instance-1 stat -c '%U:%G:%a' /etc/bookstore /etc/bookstore/jwt-signing-key.pem | tr '\n' ' ')\" = 'root:bookstore:750 bookstore:bookstore:400 ' ]"
check "the services run as the bookstore user under systemd" bash -c \
  "[ \"\$(podman exec $network-instance-1 systemctl show -p User --value bookstore@auth)\" = bookstore ] && podman exec $network-instance-1 systemctl is-active bookstore@auth bookstore@catalog bookstore@purchase"

agent_ships_every_service_log() {
  podman exec "$network-instance-1" cat /var/lib/cloudwatch-agent-standin/config.json \
    | jq -e '[.logs.logs_collected.files.collect_list[].file_path]
             | contains(["/var/log/bookstore/auth.log", "/var/log/bookstore/catalog.log", "/var/log/bookstore/purchase.log"])'
}
services_log_json() {
  [ "$(podman exec "$network-instance-1" stat -c %U /var/log/bookstore/catalog.log)" = bookstore ] \
    && podman exec "$network-instance-1" tail -n 5 /var/log/bookstore/catalog.log \
      | jq -e -s 'length > 0 and all(.[]; has("@timestamp") and .log.level != null and .service.name != null)'
}
check "the CloudWatch agent was given a configuration shipping every service's log" agent_ships_every_service_log
check "the services write JSON logs (ECS) there, as the service user" services_log_json

admin="$(jq -r '[to_entries[] | select(.key | test("InitialAdmin"))][0].value | fromjson' "$WORK/secrets.json")"
login="$(curl -sk -H 'Content-Type: application/json' -d "$(jq -c '{email, password}' <<< "$admin")" \
  "https://127.0.0.1:$((PORT_BASE + 1))/api/auth/login")"
token="$(jq -r '.accessToken // empty' <<< "$login")"
check "the first administrator (from its secret) signs in on instance 1" test -n "$token"
created="$(create_book "https://127.0.0.1:$((PORT_BASE + 1))" "$token" "$(new_isbn)" "Rehearsed on AWS" "$WORK/created.headers")"
id="$(jq -r '.id // empty' <<< "$created")"
consistency="$(consistency_token "$WORK/created.headers")"
check "staff create a book on instance 1 (the writer endpoint)" test -n "$id"
check "instance 2 reads it back at once (the reader endpoint, read-your-writes)" bash -c \
  "curl -sk -H 'Authorization: Bearer $token' -H 'Consistency-Token: $consistency' https://127.0.0.1:$((PORT_BASE + 2))/api/books/$id | grep -q 'Rehearsed on AWS'"

# Mail: SES's API with the instance role, from the sending domain, through the stack's configuration set; the
# stand-in keeps what it was given (aws/ses/). A new account is mailed its confirmation link.
domain="$(sed -n 's/^DOMAIN_NAME=//p' "$WORK/user-data.sh" | head -n 1)"
mail_domain="$(sed -n 's/^MAIL_DOMAIN=//p' "$WORK/user-data.sh" | head -n 1)"
mail_set="$(sed -n 's/^MAIL_CONFIGURATION_SET=//p' "$WORK/user-data.sh" | head -n 1)"
stack_region="$(sed -n 's/^AWS_REGION=//p' "$WORK/user-data.sh" | head -n 1)"
newcomer="newcomer-$salt@example.org"
curl -sk -o /dev/null -H 'Content-Type: application/json' \
  -d "{\"email\":\"$newcomer\",\"password\":\"a-rehearsed-passphrase\",\"displayName\":\"Newcomer\"}" \
  "https://127.0.0.1:$((PORT_BASE + 1))/api/auth/register"
mail=""
for _ in $(seq 1 40); do
  mail="$(grep -l "^To: $newcomer" "$WORK"/aws/ses/*.eml 2>/dev/null | head -n 1)"
  [ -n "$mail" ] && break
  sleep 0.5
done
# A mail's text as the reader sees it: quoted-printable soft line breaks joined, "=3D" back to "=".
unfolded() { sed -e ':a' -e '/=\r\?$/{N;s/=\r\?\n//;ba' -e '}' -e 's/=3D/=/g' "$1"; }
link="$( [ -n "$mail" ] && unfolded "$mail" | grep -o "https://$domain/account/confirm?token=[A-Za-z0-9_-]*" | head -n 1)"
check "a new account's confirmation mail goes out through SES from no-reply@$mail_domain, linking to https://$domain" \
  bash -c "[ -n '$mail' ] && grep -q '^From: Bookstore <no-reply@$mail_domain>' '$mail' && [ -n '$link' ]"
check "SES was called with the instance role's credentials and the stack's configuration set" \
  grep -q "^$(basename "${mail:-none}") role=$app_role configuration-set=$mail_set\$" "$WORK/aws/ses/sent.log"
sending_allowed() { # the template lets that role send exactly this: from the domain, the identity and the set
  jq -e -L "$WORK" --arg role "$app_role" --arg from "*@$mail_domain" \
    --arg identity "arn:aws:ses:$stack_region:$ACCOUNT:identity/$mail_domain" \
    --arg set "arn:aws:ses:$stack_region:$ACCOUNT:configuration-set/$mail_set" 'include "resolve"; .Resources as $resources
    | [.Resources[] | select(.Type == "AWS::IAM::Policy") | select([.Properties.Roles[].Ref] | index($role))
       | .Properties.PolicyDocument.Statement[] | select([.Action] | flatten | index("ses:SendRawEmail"))
       | select(.Condition.StringLike["ses:FromAddress"] == $from)
       | [.Resource] | flatten | map(resolve($resources))]
    | length == 1 and (.[0] | sort) == ([$identity, $set] | sort)' "$TEMPLATE" >/dev/null
}
check "the instance role may send only that: ses:SendRawEmail on the domain's identity and the set, from *@$mail_domain" \
  sending_allowed
check "the mailed link confirms the address on instance 2" bash -c "[ -n '$link' ] && curl -sk \
  --resolve '$domain:$((PORT_BASE + 2)):127.0.0.1' '${link/$domain/$domain:$((PORT_BASE + 2))}' \
  | grep -q 'your e-mail address is confirmed'"

# An order on the other instance: purchase reserves the copy through the catalog, and its e-mail leaves through
# SES from the orders address.
site2="https://127.0.0.1:$((PORT_BASE + 2))"
customer_token="$(curl -sk -H 'Content-Type: application/json' \
  -d "{\"email\":\"$newcomer\",\"password\":\"a-rehearsed-passphrase\"}" "$site2/api/auth/login" | jq -r '.accessToken // empty')"
curl -sk -o /dev/null -X PUT -H 'Content-Type: application/json' -H "Authorization: Bearer $customer_token" \
  -d '{"quantity":1}' "$site2/api/cart/items/$id"
order_id="$(curl -sk -H 'Content-Type: application/json' -H "Authorization: Bearer $customer_token" \
  -d '{"shippingAddress":{"fullName":"Ada Reader","line1":"1 Main St","city":"Berlin","postalCode":"10115","country":"DE"},"deliveryOption":"STANDARD"}' \
  "$site2/api/orders" | jq -r '.id // empty')"
check "the new customer orders the book on instance 2 (its copy reserved in the catalog)" test -n "$order_id"
number="$(tr '[:lower:]' '[:upper:]' <<< "${order_id:0:8}")"
order_mail=""
for _ in $(seq 1 40); do
  order_mail="$(grep -l "^Subject: We have your order $number" "$WORK"/aws/ses/*.eml 2>/dev/null | head -n 1)"
  [ -n "$order_mail" ] && break
  sleep 0.5
done
order_mail_sent() {
  [ -n "$order_mail" ] && grep -q "^From: Bookstore <orders@$mail_domain>" "$order_mail" \
    && grep -q "^To: $newcomer" "$order_mail" && unfolded "$order_mail" | grep -q "https://$domain/orders/$order_id" \
    && grep -q "^$(basename "$order_mail") role=$app_role configuration-set=$mail_set\$" "$WORK/aws/ses/sent.log"
}
check "the order's e-mail leaves through SES from orders@$mail_domain, to the customer, with the order's link" \
  order_mail_sent

green_before="$(https 2 /instance-health)"
podman exec "$network-instance-2" systemctl stop bookstore@purchase
red=""
for n in $(seq 1 30); do
  [ "$(https 2 /instance-health)" != 200 ] && { red=$n; break; }
  sleep 1
done
check "a stopped service turns its instance's health check red within 30 s (after ${red:-more than 30} s)" \
  test "$green_before" = 200 -a -n "$red"
check "the other instance stays green" test "$(https 1 /instance-health)" = 200

finish rehearsal
