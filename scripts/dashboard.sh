#!/usr/bin/env bash
# Quick start 1: install (first run only) and open the dashboard with the bundled sample data.
set -euo pipefail
source "$(dirname "$0")/_venv.sh" ""
exec .venv/bin/streamlit run dashboard.py "$@"
