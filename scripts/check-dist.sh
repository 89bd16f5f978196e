#!/bin/sh
# Fails when the committed dist/ is not what the sources build to. GitHub runs dist/ as committed,
# so a stale bundle would ship behaviour no review saw.
set -eu
cd "$(dirname "$0")/.."
npm run -s build >/dev/null
if ! git diff --quiet --ignore-space-at-eol --text -- dist/ || [ -n "$(git status --porcelain -- dist/)" ]; then
  echo "dist/ is out of date: run \`npm run build\` and commit dist/." >&2
  git status --short -- dist/ >&2
  git diff --stat --ignore-space-at-eol --text -- dist/ >&2 || true
  exit 1
fi
echo "dist/ is up to date."
