#!/usr/bin/env bash
# Quick start 1: install (first run only) and open the dashboard with the bundled sample data.
set -euo pipefail
source "$(dirname "$0")/_venv.sh" ""
# one upload limit: the reader's (mcsp_rules/limits.py) and Streamlit's own must move together
if [ -n "${MCSP_BATAS_UKURAN_MB:-}" ]; then export STREAMLIT_SERVER_MAX_UPLOAD_SIZE="$MCSP_BATAS_UKURAN_MB"; fi
exec .venv/bin/streamlit run dashboard.py "$@"
