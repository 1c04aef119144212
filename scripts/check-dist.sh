#!/usr/bin/env bash
# Fails when dist/ differs from what `npm run package` just built: dist/ is what GitHub runs and
# what the package installs, so it must be the bundle of the committed source. `git status`, not
# `git diff`: a new, never committed file in dist/ must count too.
set -euo pipefail
cd "$(dirname "$0")/.."
changed="$(git status --porcelain -- dist/)"
if [ -n "$changed" ]; then
  echo "dist/ does not match the source: run 'npm run package' and commit dist/." >&2
  echo "$changed" >&2
  exit 1
fi
echo "dist/ matches the source."
