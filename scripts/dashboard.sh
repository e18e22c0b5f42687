#!/usr/bin/env bash
# Quick start 1, and the server's launcher: install (first run only) and run the dashboard.
#
# The deployment settings are passed as flags, so they hold wherever this is started from (Streamlit
# reads .streamlit/config.toml only from its working folder; see shared/reliability.md "Streamlit").
# Environment (docs/deploy.md):
#   MCSP_DATABASE_URL     the shared store (postgresql://mcsp@db/ipkd; default: a DuckDB file per user)
#   MCSP_SECRETS          secrets.toml with [auth] (login) and [mcsp.peran] (roles); the mcsp command reads it too
#   MCSP_PORT, MCSP_ALAMAT  port (8501) and address (default: Streamlit's, all interfaces)
#   MCSP_BATAS_UKURAN_MB  upload limit in MB (default: mcsp_rules/batas.py, 100), the reader's and Streamlit's together
# Extra arguments go to `streamlit run` (e.g. --server.baseUrlPath ipkd).
set -euo pipefail
cd "$(dirname "$0")/.."
# Install on the first run, and again after pyproject.toml changed; an install with extras (e.g. the
# test or postgres one: .venv/.terpasang-test) newer than pyproject.toml already holds everything needed.
siap=""
for cap in .venv/.terpasang .venv/.terpasang-*; do
  if [ -f "$cap" ] && [ "$cap" -nt pyproject.toml ] && [ -x .venv/bin/streamlit ]; then siap=1; fi
done
if [ -z "$siap" ]; then source scripts/_venv.sh ""; fi
# the reader's limit (batas.py, which also parses the variable) is the one Streamlit gets
batas="$(.venv/bin/python -c 'from mcsp_rules.batas import BATAS; print(BATAS.ukuran_mb)')"
opsi=(
  --server.headless true
  --server.enableXsrfProtection true
  --server.enableCORS true
  --server.maxUploadSize "$batas"
  --server.runOnSave false
  --client.showErrorDetails none
  --client.toolbarMode viewer
  --browser.gatherUsageStats false
  --runner.magicEnabled false
  --theme.base light
)
if [ -n "${MCSP_PORT:-}" ]; then opsi+=(--server.port "$MCSP_PORT"); fi
if [ -n "${MCSP_ALAMAT:-}" ]; then opsi+=(--server.address "$MCSP_ALAMAT"); fi
if [ -n "${MCSP_SECRETS:-}" ]; then
  if [ ! -r "$MCSP_SECRETS" ]; then echo "MCSP_SECRETS=$MCSP_SECRETS tidak dapat dibaca / cannot be read" >&2; exit 2; fi
  opsi+=(--secrets.files "$MCSP_SECRETS")
fi
export MCSP_BATAS_UKURAN_MB="$batas"
exec .venv/bin/streamlit run "$PWD/dashboard.py" "${opsi[@]}" "$@"
