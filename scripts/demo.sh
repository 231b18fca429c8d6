#!/usr/bin/env bash
# The main job in one command: evaluate the bundled sample county headless with the jiangning preset.
# Installs what is missing (QGIS 3.22 and the plugin's runtime packages, via scripts/setup.sh --runtime-only),
# installs LandEval into a private QGIS profile under output/.qgis-profile and runs landeval:evaluate through
# qgis_process.bin. Writes output/sample_county_evaluated.gpkg (styled), output/report.html, output/map.png and
# prints the counts per tier and category. Options are passed to scripts/demo.py (--out DIR).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
bash "$ROOT/scripts/setup.sh" --runtime-only
# The system interpreter: it is the one QGIS uses and has GDAL's Python bindings.
exec /usr/bin/python3 "$ROOT/scripts/demo.py" "$@"
