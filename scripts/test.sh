#!/usr/bin/env bash
# The whole test suite: installs what is missing, runs pytest on QGIS 3.22 (this machine), then the same
# suite on QGIS 3.40 in a Debian trixie chroot (scripts/test_qgis340.sh).
# LANDEVAL_SKIP_QGIS340=1 skips the second run (for quick local iterations only; CI never sets it).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
bash scripts/setup.sh
export QT_QPA_PLATFORM=offscreen
.venv/bin/python -m pytest tests "$@"
if [ "${LANDEVAL_SKIP_QGIS340:-0}" != "1" ]; then
  bash scripts/test_qgis340.sh
fi
