#!/bin/sh
# The integration tests need a real container engine; they are never skipped for want of one.
# When none answers: as root, install Debian's docker.io if needed and start dockerd in the
# background; otherwise say how to get one and fail.
set -eu
if docker info >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" != 0 ]; then
  echo "No Docker engine answers and this is not root: start Docker (or run as root) and retry." >&2
  exit 1
fi
if ! command -v dockerd >/dev/null 2>&1; then
  echo "Installing Debian's docker.io ..." >&2
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io >/dev/null
fi
echo "Starting dockerd in the background (log: /tmp/dockerd.log) ..." >&2
nohup dockerd >/tmp/dockerd.log 2>&1 &
i=0
until docker info >/dev/null 2>&1; do
  i=$((i + 1))
  if [ "$i" -gt 60 ]; then
    echo "dockerd did not answer within 60 s; see /tmp/dockerd.log" >&2
    tail -n 20 /tmp/dockerd.log >&2 || true
    exit 1
  fi
  sleep 1
done
echo "Docker engine ready." >&2
