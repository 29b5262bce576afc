#!/usr/bin/env bash
# Makes sure Debian's Chromium and Firefox ESR are there for the browser tests and the demo (npm runs this before
# `test` and `start`). Test tools cannot download a browser here, so both come from apt.
set -euo pipefail
chromium_bin="${HEED_CHROMIUM:-/usr/bin/chromium}"
firefox_bin="${HEED_FIREFOX:-/usr/bin/firefox-esr}"
missing=()
[ -x "$chromium_bin" ] || missing+=(chromium)
[ -x "$firefox_bin" ] || missing+=(firefox-esr)
[ "${#missing[@]}" -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null; then
  echo "Heed's browser tests need ${missing[*]}: run 'apt-get install ${missing[*]}' as root." >&2
  exit 1
fi
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
echo "Installing Debian's ${missing[*]} (needed by the browser tests and the demo)…"
export DEBIAN_FRONTEND=noninteractive
as_root apt-get update -qq
as_root apt-get install -y -qq "${missing[@]}" openssl python3 >/dev/null
