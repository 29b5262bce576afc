#!/usr/bin/env bash
# Makes sure Debian's Chromium is there for the browser tests and the demo (npm runs this before `test` and
# `start`). Test tools cannot download a browser here, so it comes from apt.
set -euo pipefail
chromium_bin="${HEED_CHROMIUM:-/usr/bin/chromium}"
[ -x "$chromium_bin" ] && exit 0
if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null; then
  echo "Heed needs Chromium at $chromium_bin: run 'apt-get install chromium' as root." >&2
  exit 1
fi
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
echo "Installing Debian's chromium (needed by the browser tests and the demo)…"
export DEBIAN_FRONTEND=noninteractive
as_root apt-get update -qq
as_root apt-get install -y -qq chromium openssl python3 >/dev/null
