#!/usr/bin/env bash
# Quick start 2: install everything the tests need, then run the whole suite.
# Debian packages: chromium (real-browser tests) and postgresql (the store's PostgreSQL backend).
set -euo pipefail
cd "$(dirname "$0")/.."
perlu=()
command -v chromium >/dev/null 2>&1 || perlu+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || perlu+=(postgresql)
if [ ${#perlu[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${perlu[@]}" >/dev/null
fi
source scripts/_venv.sh test
exec .venv/bin/python -m pytest "$@"
