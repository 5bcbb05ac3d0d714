#!/usr/bin/env bash
# The main job: build the browser bundle and serve the demo (a news article with the widget on it)
# on localhost. Prints the address; stop it with Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/build-web.sh
exec node scripts/serve.mjs dist/web "${PORT:-8080}"
