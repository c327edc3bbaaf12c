#!/bin/sh
# What many images do before their command runs: activate the environment the app was
# installed in, export its settings, drop root, then run the command they were given.
set -e
. /app/.venv/bin/activate
export APP_ENV=production
exec setpriv --reuid=65534 --regid=65534 --clear-groups "$@"
