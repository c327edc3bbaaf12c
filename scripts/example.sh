#!/usr/bin/env bash
# The README's first command: bring the sandbox up (Docker engines, buildx, QEMU and base images;
# cached after the first run), then check the bundled example on linux/amd64 and linux/arm64 with
# the shipped CLI bundle, on the sandbox's classic-store engine (TFMC_ENGINE=containerd for the
# other one). Extra arguments go to the CLI.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/sandbox.sh up >&2
engine=${TFMC_ENGINE:-classic}
DOCKER_HOST=$(bash scripts/sandbox.sh host "$engine")
export DOCKER_HOST
PATH=$(bash scripts/sandbox.sh bin):$PATH
echo "example: the sandbox's $engine engine, $(docker version --format 'Docker Engine {{.Server.Version}}') ($DOCKER_HOST)" >&2
node=node
[[ -x node_modules/.bin/node ]] && node=node_modules/.bin/node
exec "$node" dist/cli/index.js examples/tf-app --platforms linux/amd64,linux/arm64 "$@"
