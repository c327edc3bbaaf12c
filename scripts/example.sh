#!/usr/bin/env bash
# The README's first command: bring the sandbox up (a Docker engine, buildx, QEMU and base
# images; cached after the first run), then check the bundled example on linux/amd64 and
# linux/arm64 with the shipped CLI bundle. Extra arguments go to the CLI.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/sandbox.sh up >&2
node=node
[[ -x node_modules/.bin/node ]] && node=node_modules/.bin/node
exec "$node" dist/cli/index.js examples/tf-app --platforms linux/amd64,linux/arm64 "$@"
