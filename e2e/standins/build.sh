#!/usr/bin/env bash
# Builds the base-image stand-ins (README.md here) that are missing or older than the files here, under the names
# the project's Dockerfiles and docker-compose-dev.yml use. A real image of that name (one without the
# bookstore.standin label) is left alone. Usage: build.sh SID_MINBASE_TAR   (podman, as root)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
tar="${1:?usage: build.sh SID_MINBASE_TAR}"
# The base's build context: its Containerfile and the certificate authorities this machine added (often none).
context="$(mktemp -d)"
trap 'rm -rf "$context"' EXIT
cp -r "$here/base" "$context/base" && mkdir -p "$context/base/local-ca"
cp /usr/local/share/ca-certificates/*.crt "$context/base/local-ca/" 2>/dev/null || true
hash="$( (cd "$here" && find . -type f -print0 | sort -z | xargs -0 cat; cat "$context"/base/local-ca/* 2>/dev/null) \
  | sha256sum | cut -c1-16)"

standin() { # image-name folder [context]
  local name="$1" dir="$2" context="${3:-$here/$2}" label
  if podman image exists "$name"; then
    label="$(podman image inspect --format '{{ index .Labels "bookstore.standin" }}' "$name" 2>/dev/null || true)"
    if [ -z "$label" ] || [ "$label" = "<no value>" ]; then echo "    $name: the real image is here, used as is"; return; fi
    if [ "$label" = "$hash" ]; then echo "    $name: stand-in up to date"; return; fi
  fi
  echo "    $name: building the stand-in from $dir/"
  podman build -q --label "bookstore.standin=$hash" -t "$name" -f "$context/Containerfile" "$context" >/dev/null
}

if ! podman image exists localhost/bookstore-standin/sid-rootfs:latest; then
  podman import -q "$tar" localhost/bookstore-standin/sid-rootfs:latest >/dev/null
fi
standin localhost/bookstore-standin/sid-minbase:latest base "$context/base"
standin docker.io/library/mysql:8.4 mysql
standin docker.io/library/eclipse-temurin:21-jdk temurin-jdk
standin docker.io/library/eclipse-temurin:21-jre temurin-jre
standin docker.io/library/nginx:1.28-bookworm nginx
standin docker.io/maildev/maildev:2.2.1 maildev
