#!/usr/bin/env bash
# Fails when dist/ is not the bundle of the sources: rebuilds into a temporary directory and
# compares, so the check never writes to the work tree. Fix with `npm run bundle` and commit.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
npx ncc build src/index.ts -o "$out/action" --license licenses.txt --quiet
npx ncc build src/bin.ts -o "$out/cli" --license licenses.txt --quiet
if ! diff -r -q dist "$out" >/dev/null; then
  echo "dist/ is stale: it differs from a fresh bundle of src/:" >&2
  diff -r -q dist "$out" >&2 || true
  echo "run 'npm run bundle' and commit dist/" >&2
  exit 1
fi
# ncc's asset relocator copies files it believes the code reads (vercel/ncc#477); the bundles
# must hold code only, and the one file the code reads on purpose: the smoke script.
stray=$(find dist -type f ! -name index.js ! -name package.json ! -name licenses.txt ! -name smoke.py)
if [[ -n $stray ]]; then
  echo "dist/ holds files that are not bundles (an expression ncc mistook for an asset path):" >&2
  echo "$stray" >&2
  exit 1
fi
echo "dist/ is fresh"
