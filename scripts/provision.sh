#!/bin/sh
# Makes sure what the integration tests need is here: a Docker engine that answers, Podman (the
# sandbox tests run on both runtimes), Debian's static busybox and debootstrap (test images are
# built offline from them). The tests are never skipped for want of these. As root, missing pieces
# are installed from Debian and dockerd is started in the background; otherwise this says what is
# missing and fails.
set -eu
need=""
command -v dockerd >/dev/null 2>&1 || docker info >/dev/null 2>&1 || need="$need docker.io"
[ -x /bin/busybox ] && file_is_static=$(LC_ALL=C ldd /bin/busybox 2>&1 | grep -c "not a dynamic" || true) || file_is_static=0
[ "$file_is_static" = 1 ] || need="$need busybox-static"
command -v debootstrap >/dev/null 2>&1 || need="$need debootstrap"
command -v podman >/dev/null 2>&1 || need="$need podman"
# loophole starts containers with --init; Podman's init binary comes in its own package.
[ -x /usr/libexec/podman/catatonit ] || [ -x /usr/bin/catatonit ] || need="$need catatonit"
if [ -n "$need" ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "Missing for the tests:$need. Install them (Debian/Ubuntu: apt-get install$need) or run as root." >&2
    exit 1
  fi
  echo "Installing Debian packages:$need ..." >&2
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need >/dev/null
fi
# Rootful Podman raises each container's open-files and process limits to its own defaults, which a
# confined machine (like a CI sandbox) may refuse ("error setting rlimit ... operation not
# permitted"). Within this shell's hard limits is always allowed. A machine-wide setting of the
# tests' machine, not of loophole: on a normal host Podman's defaults work.
conf=/etc/containers/containers.conf.d/50-loophole-tests.conf
if [ "$(id -u)" = 0 ] && [ ! -e "$conf" ]; then
  mkdir -p "$(dirname "$conf")"
  files=$(ulimit -Hn)
  [ "$files" = unlimited ] && files=1048576
  printf '[containers]\ndefault_ulimits = ["nofile=%s:%s", "nproc=4096:4096"]\n' "$files" "$files" >"$conf"
fi
if docker info >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" != 0 ]; then
  echo "No Docker engine answers and this is not root: start Docker and retry." >&2
  exit 1
fi
echo "Starting dockerd in the background (log: /tmp/dockerd.log) ..." >&2
nohup dockerd >/tmp/dockerd.log 2>&1 &
i=0
until docker info >/dev/null 2>&1; do
  i=$((i + 1))
  if [ "$i" -gt 60 ]; then
    echo "dockerd did not answer within 60 s; see /tmp/dockerd.log:" >&2
    tail -n 20 /tmp/dockerd.log >&2 || true
    exit 1
  fi
  sleep 1
done
echo "Docker engine ready." >&2
