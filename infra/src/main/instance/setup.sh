#!/usr/bin/env bash
# Runs once per boot of an application instance (from the launch template's user data), as root, on Amazon
# Linux 2023. The same pieces as ./bookstore up: nginx from reverse-proxy/nginx.conf.template in front of the
# three services; here the database is the RDS cluster's writer and reader endpoints, and every secret comes
# from Secrets Manager (the services read their database accounts themselves, through Spring Cloud AWS).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bundle="$(dirname "$here")"
# shellcheck source=/dev/null
set -a; . /etc/bookstore/stack.env; set +a

secret() { aws secretsmanager get-secret-value --region "$AWS_REGION" --secret-id "$1" --query SecretString --output text; }

id bookstore >/dev/null 2>&1 || useradd --system --home-dir /opt/bookstore --shell /sbin/nologin bookstore

# 1. The schemas and per-service accounts are already there: the deploy's one-shot database set-up made them
#    (DatabaseSetup runs db-accounts.sh; this instance cannot read the master secret). Each service migrates its own
#    tables with Flyway when it starts.

# 2. The JWT signing key: every instance must sign with the same one, so it is derived from a generated secret.
key=/etc/bookstore/jwt-signing-key.pem
secret "$SIGNING_SEED_SECRET_ARN" | bash "$here/signing-key.sh" > "$key"
chown bookstore: "$key" && chmod 400 "$key"

# 3. One environment file per service (root and the service user only).
internal_token="$(secret "$INTERNAL_TOKEN_SECRET_ARN")"
declare -A ports=([auth]=9001 [catalog]=9002 [purchase]=9003)
for svc in auth catalog purchase; do
  upper="${svc^^}"
  writer_arn="${upper}_WRITER_SECRET_ARN"; reader_arn="${upper}_READER_SECRET_ARN"
  imports="aws-secretsmanager:${!writer_arn}?prefix=bookstore.datasource.writer."
  imports="$imports,aws-secretsmanager:${!reader_arn}?prefix=bookstore.datasource.readers[0]."
  if [ "$svc" = auth ]; then
    imports="$imports,aws-secretsmanager:${INITIAL_ADMIN_SECRET_ARN}?prefix=bookstore.auth.initial-admin."
  fi
  {
    echo "SERVER_PORT=${ports[$svc]}"
    echo "SERVER_ADDRESS=127.0.0.1"
    echo "SPRING_CONFIG_IMPORT=$imports"
    echo "SPRING_CLOUD_AWS_SECRETSMANAGER_ENABLED=true"
    echo "SPRING_CLOUD_AWS_REGION_STATIC=$AWS_REGION"
    echo "BOOKSTORE_SECURITY_INTERNAL_TOKEN=$internal_token"
    echo "LOGGING_FILE_NAME=/var/log/bookstore/$svc.log"
    echo "LOGGING_STRUCTURED_FORMAT_FILE=ecs"
    echo "BOOKSTORE_AUTH_URL=http://127.0.0.1:${ports[auth]}"
    echo "BOOKSTORE_CATALOG_URL=http://127.0.0.1:${ports[catalog]}"
    if [ "$svc" = auth ]; then
      echo "BOOKSTORE_AUTH_SIGNING_KEYS_0_KID=aws-1"
      echo "BOOKSTORE_AUTH_SIGNING_KEYS_0_PRIVATE_KEY_LOCATION=file:$key"
    fi
    # Mail (auth: reset and confirmation links; purchase: order e-mails) through SES's API with the instance
    # role, from the verified sending domain, through the stack's configuration set (bounces and complaints).
    if [ "$svc" != catalog ]; then
      echo "SPRING_CLOUD_AWS_SES_ENABLED=true"
      echo "SPRING_CLOUD_AWS_SES_CONFIGURATION_SET_NAME=$MAIL_CONFIGURATION_SET"
      if [ "$svc" = auth ]; then sender=no-reply; else sender=orders; fi
      echo "BOOKSTORE_MAIL_FROM=Bookstore <$sender@$MAIL_DOMAIN>"
      echo "BOOKSTORE_SITE_URL=https://$DOMAIN_NAME"
    fi
  } > "/etc/bookstore/$svc.env"
  chown root:bookstore "/etc/bookstore/$svc.env" && chmod 640 "/etc/bookstore/$svc.env"
done

# 4. The services under systemd.
install -m 644 "$here/bookstore@.service" /etc/systemd/system/bookstore@.service
systemctl daemon-reload
for svc in auth catalog purchase; do systemctl enable --now "bookstore@$svc"; done
for svc in auth catalog purchase; do
  ready=0
  for _ in $(seq 1 150); do
    if curl -sf -o /dev/null "http://127.0.0.1:${ports[$svc]}/actuator/health/readiness"; then ready=1; break; fi
    sleep 2
  done
  if [ "$ready" -ne 1 ]; then
    echo "setup: $svc did not become ready in 5 minutes" >&2
    journalctl -u "bookstore@$svc" -n 50 --no-pager >&2 || true
    exit 1
  fi
done

# 5. nginx from the shared template, on 443 with a certificate of its own: the load balancer holds the public
#    ACM certificate and connects to the instances over TLS (it does not verify the instance certificate).
run_dir=/var/lib/bookstore-nginx
bash "$here/nginx-config.sh" "$run_dir" /etc/nginx/tls "$TRUSTED_PROXY_CIDR" "$DOMAIN_NAME" > /etc/nginx/nginx.conf
nginx -t
# The template keeps its pid file in the run folder; tell the distribution's unit where to look.
mkdir -p /etc/systemd/system/nginx.service.d
printf '[Service]\nPIDFile=%s/nginx.pid\n' "$run_dir" > /etc/systemd/system/nginx.service.d/bookstore.conf
systemctl daemon-reload
systemctl enable nginx
systemctl restart nginx

# 6. The CloudWatch agent ships the services' JSON logs and nginx's logs to the stack's log groups.
agent_config=/opt/aws/amazon-cloudwatch-agent/etc/bookstore.json
mkdir -p "$(dirname "$agent_config")"
sed -e "s|@SERVICES_LOG_GROUP@|$SERVICES_LOG_GROUP|g" -e "s|@NGINX_LOG_GROUP@|$NGINX_LOG_GROUP|g" \
  "$here/cloudwatch-agent.json" > "$agent_config"
/opt/aws/amazon-cloudwatch-agent/bin/amazon-cloudwatch-agent-ctl -a fetch-config -m ec2 -s -c "file:$agent_config"

# 7. Done only when the site is served: the load balancer's health check answers 200 (every service ready behind
#    nginx). The user data signals CloudFormation with this script's outcome.
for _ in $(seq 1 90); do
  curl -skf -o /dev/null https://127.0.0.1/instance-health && { echo "setup: the instance serves the site"; exit 0; }
  sleep 2
done
echo "setup: /instance-health did not answer 200 within 3 minutes" >&2
exit 1
