#!/bin/sh
# Runs otterwiki-api's own tests/test_api.py (path given, from a checkout of schuyler/otterwiki-api) over HTTP
# against fresh wikibot wikis. Needs python3-pytest and python3-requests. Usage: tests/peer/run.sh <test_api.py>
set -eu
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
cp "$1" "$work/test_api.py"
shift
cp "$here/conftest.py" "$work/conftest.py"
cd "$here/../.."
node --import tsx tests/peer/serve-fresh-wikis.ts > "$work/server.log" 2>&1 &
server=$!
while ! grep -q listening "$work/server.log" 2>/dev/null; do
  kill -0 "$server" 2>/dev/null || { cat "$work/server.log"; exit 1; }
  sleep 0.2
done
WIKIBOT_PEER_CONTROL=$(sed -n 's/^listening //p' "$work/server.log") python3 -m pytest -q -p no:cacheprovider "$work/test_api.py" -rfs "$@" || true
