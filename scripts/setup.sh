#!/usr/bin/env bash
# Installs what a fresh Debian machine with Node 20 lacks, for the demo and the tests (README "Two commands"):
# Debian's Chromium and CJK fonts (apt-get update first; sudo only when not root), and npm packages when
# node_modules is missing or older than package-lock.json. Safe to run again: it only does what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

if ! command -v node >/dev/null 2>&1; then
  echo "[setup] Node.js 20 is required (https://nodejs.org or Debian's nodejs package)." >&2
  exit 1
fi
major=$(node -p 'process.versions.node.split(".")[0]')
[ "$major" -ge 20 ] || { echo "[setup] Node.js >= 20 is required (found $(node --version))." >&2; exit 1; }

need=()
command -v chromium >/dev/null 2>&1 || [ -n "${CHROME_PATH:-}" ] || need+=(chromium)
# (no grep -q: with pipefail, fc-list killed by SIGPIPE would read as "missing")
fc-list 2>/dev/null | grep -i 'Noto Sans CJK' >/dev/null || need+=(fonts-noto-cjk)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    SUDO=()
  elif command -v sudo >/dev/null 2>&1; then
    SUDO=(sudo)
  else
    echo "[setup] need root or sudo to install: ${need[*]} (apt-get install -y ${need[*]})" >&2
    exit 1
  fi
  say "installing ${need[*]} (apt)…"
  t=$(date +%s)
  "${SUDO[@]}" apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq "${need[@]}" >/dev/null
  say "apt done in $(($(date +%s) - t)) s"
fi

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "npm ci…"
  t=$(date +%s)
  npm ci --no-audit --no-fund
  say "npm ci done in $(($(date +%s) - t)) s"
fi
