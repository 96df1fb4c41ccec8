#!/usr/bin/env bash
# CI: generates a resource in a scratch copy of the tree, checks that it typechecks, lints and
# passes its tests (and the tests that derive from the resource declarations), then throws it away.
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:-projects}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
# Tracked and new files, as a clean clone would have them (no .next, no .data, no node_modules).
git ls-files -z --cached --others --exclude-standard | while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done | tar -cf - --null -T - | tar -xf - -C "$scratch"
ln -s "$PWD/node_modules" "$scratch/node_modules"
cd "$scratch"
npm run --silent new:resource -- "$name"
npm run --silent typecheck
npm run --silent lint
env -u DATABASE_URL npx vitest run "lib/$name" "app/api/v1/$name" lib/permissions lib/api lib/activity lib/plans lib/exports app/api/v1/contract.test.ts app/api/v1/contract-workspace.test.ts
