#!/usr/bin/env bash
# Installs a real VS Code (code-server 4.100.3 = VS Code 1.100.3, the last release on Node 20)
# plus playwright-core into <repo>/.vscode-test/ (git-ignored), for offline integration tests.
# Idempotent: each finished step leaves a marker, so re-running only does what is missing.
# See shared/notes/real-vscode-tests.md for why it is done this way.
set -euo pipefail

CS_VERSION=4.100.3
PW_VERSION=1.65.1
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DEST="$ROOT/.vscode-test"
CS_DIR="$DEST/code-server"                        # npm prefix holding code-server
CS="$CS_DIR/node_modules/code-server"
PW_DIR="$DEST/playwright"                         # npm prefix holding playwright-core
MARK="$DEST/.installed-code-server-$CS_VERSION"
PW_MARK="$DEST/.installed-playwright-core-$PW_VERSION"

# Everything goes to stderr, so `npm test` shows the progress of a first install (about a minute)
# while its own output stays clean; when everything is installed already, it prints nothing.
exec 1>&2
did=0
log() { did=1; printf '\n[vscode-test install] %s\n' "$*"; }
quiet() { :; }
trap 'echo "[vscode-test install] FAILED (line $LINENO)" >&2' ERR

# node-pty's install step runs `npx node-gyp`; this machine's npm config says yes=false.
export npm_config_yes=true

# 1. Debian packages: headless browser, kerberos headers (native module), ripgrep, and Neovim
#    (the second real editor of the tests: test/unit/neovim.test.ts).
missing=()
for p in chromium libkrb5-dev ripgrep neovim; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  log "apt-get install ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
else
  quiet "apt packages present"
fi

# 2. code-server, its postinstall done by hand (the real one fails as root and downloads
#    ripgrep from GitHub).
if [ -f "$MARK" ]; then
  quiet "code-server $CS_VERSION already installed in $CS_DIR"
else
  start=$SECONDS
  mkdir -p "$CS_DIR"
  [ -f "$CS_DIR/package.json" ] || echo '{"private":true}' > "$CS_DIR/package.json"
  log "npm install code-server@$CS_VERSION (no install scripts)"
  (cd "$CS_DIR" && npm install --ignore-scripts --no-audit --no-fund "code-server@$CS_VERSION")

  # argon2 is loaded at start-up even with --auth none; its prebuilt download fails, so build it.
  log "npm rebuild argon2 (from source)"
  (cd "$CS_DIR" && npm rebuild argon2)

  log "lib/vscode: npm install --omit=dev --ignore-scripts"
  (cd "$CS/lib/vscode" && npm install --omit=dev --ignore-scripts --no-audit --no-fund)
  log "lib/vscode: npm rebuild native modules (compiles from source, takes a while)"
  (cd "$CS/lib/vscode" && npm rebuild @vscode/spdlog @parcel/watcher node-pty native-watchdog kerberos @vscode/deviceid)

  log "ripgrep: use Debian's rg"
  mkdir -p "$CS/lib/vscode/node_modules/@vscode/ripgrep/bin"
  ln -sfn "$(command -v rg)" "$CS/lib/vscode/node_modules/@vscode/ripgrep/bin/rg"

  log "symlinks the postinstall would make"
  ln -sfn node_modules "$CS/lib/vscode/node_modules.asar"
  ln -sfn code-linux.sh "$CS/lib/vscode/bin/remote-cli/code-server"
  ln -sfn browser-linux.sh "$CS/lib/vscode/bin/helpers/browser.sh"

  log "lib/vscode/extensions: npm install --omit=dev"
  (cd "$CS/lib/vscode/extensions" && npm install --omit=dev --no-audit --no-fund)

  "$CS/lib/vscode/node_modules/@vscode/ripgrep/bin/rg" --version >/dev/null
  touch "$MARK"
  log "code-server done in $((SECONDS - start)) s"
fi

# 3. playwright-core (pure JS; the browser is Debian's /usr/bin/chromium, never downloaded).
#    Kept here rather than in the project's package.json so the project's lockfile is unchanged.
if [ -f "$PW_MARK" ]; then
  quiet "playwright-core $PW_VERSION already installed"
else
  mkdir -p "$PW_DIR"
  [ -f "$PW_DIR/package.json" ] || echo '{"private":true}' > "$PW_DIR/package.json"
  log "npm install playwright-core@$PW_VERSION"
  (cd "$PW_DIR" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-audit --no-fund "playwright-core@$PW_VERSION")
  touch "$PW_MARK"
fi

if [ "$did" = 1 ]; then log "ready: $DEST ($(du -sh "$DEST" | cut -f1))"; fi
