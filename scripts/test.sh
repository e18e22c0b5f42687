#!/usr/bin/env bash
# Quick start 2: install everything the tests need, then run the whole suite.
# Debian packages: chromium (real-browser tests), postgresql (the store's PostgreSQL backend) and
# poppler-utils (pdftoppm: the meeting report's pages rendered in grayscale).
set -euo pipefail
cd "$(dirname "$0")/.."
perlu=()
command -v chromium >/dev/null 2>&1 || perlu+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || perlu+=(postgresql)
command -v pdftoppm >/dev/null 2>&1 || perlu+=(poppler-utils)
if [ ${#perlu[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${perlu[@]}" >/dev/null
fi
source scripts/_venv.sh test
exec .venv/bin/python -m pytest "$@"
