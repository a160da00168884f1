#!/usr/bin/env bash
# Installs a real n8n (and the Node 24 it needs) into a cache folder outside the repository, once per
# version. n8n 2.x needs Node >= 22.16; the registry's `node` package ships such a binary with its headers.
# One n8n dependency's install script downloads from outside the registry, so scripts are skipped and only
# the sqlite3 native module is rebuilt.
set -euo pipefail

N8N_VERSION="${N8N_VERSION:-2.40.7}"
NODE_MAJOR="${E2E_NODE_MAJOR:-24}"
CACHE_ROOT="${N8N_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-okta-sessions}"
DIR="$CACHE_ROOT/n8n-$N8N_VERSION"

if [ -f "$DIR/.complete" ]; then
	echo "$DIR"
	exit 0
fi

rm -rf "$DIR"
mkdir -p "$DIR"
cd "$DIR"
echo '{ "name": "n8n-e2e-runtime", "private": true }' >package.json

echo "Installing Node $NODE_MAJOR from the npm registry into $DIR ..." >&2
npm install --no-audit --no-fund --loglevel=error "node@$NODE_MAJOR" >&2
NODE_BIN="$(cd "$DIR/node_modules/node" && node -e "console.log(require('path').resolve(require.resolve('node/package.json'), '..', 'bin', 'node'))")"
NODE_HOME="$(dirname "$(dirname "$(readlink -f "$DIR/node_modules/.bin/node")")")"
echo "Node binary: $("$DIR/node_modules/.bin/node" --version)" >&2

echo "Installing n8n@$N8N_VERSION (about 2.5 GB) ..." >&2
mkdir -p "$DIR/n8n"
cd "$DIR/n8n"
echo '{ "name": "n8n-e2e-n8n", "private": true }' >package.json
PATH="$DIR/node_modules/.bin:$PATH" npm install --no-audit --no-fund --loglevel=error --ignore-scripts "n8n@$N8N_VERSION" >&2
PATH="$DIR/node_modules/.bin:$PATH" npm_config_nodedir="$NODE_HOME" npm rebuild sqlite3 >&2

touch "$DIR/.complete"
echo "$DIR"
