# Sourced by the container tests (compose-smoke.sh, aws-instance-rehearsal.sh): podman as this sandbox needs it —
# no rlimits set on containers (refused here) and runc (crun refuses the hybrid cgroup layout) — from a
# configuration file of our own in the test's work folder, not the system's.
podman_setup() { # work-folder
  export CONTAINERS_CONF="$1/containers.conf"
  printf '[containers]\ndefault_ulimits = []\n\n[engine]\nruntime = "runc"\n' > "$CONTAINERS_CONF"
}

# The base-image stand-ins (e2e/standins/) built from Debian sid, where the real images are absent.
build_standins() { # sid-root
  "$(dirname "${BASH_SOURCE[0]}")/standins/build.sh" "$1.minbase.tar"
}
