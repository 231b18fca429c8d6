#!/usr/bin/env bash
# Installs what LandEval needs on Debian 12 and is safe to run again:
#   QGIS 3.22 and the plugin's runtime Python packages from Debian (qgis_process runs the system Python),
#   and, unless --runtime-only, the venv .venv (from /usr/bin/python3, with system site packages) with the
#   pinned test tools from requirements-dev.txt. The translations (i18n/*.ts) are compiled to .qm for the
#   checkout (lrelease from qttools5-dev-tools), so QGIS running the checkout shows them.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
APT_PACKAGES="qgis python3-qgis qgis-providers python3-pandas python3-yaml python3-openpyxl python3-venv xvfb xauth gdb fonts-wqy-microhei poppler-utils
  qttools5-dev-tools postgresql postgresql-15-postgis-3 python3-psycopg2"

missing=()
for pkg in $APT_PACKAGES; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO=sudo
  echo "setup: installing from Debian: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

python3 "$ROOT/scripts/i18n.py" compile >/dev/null

[ "${1:-}" = "--runtime-only" ] && exit 0

VENV="$ROOT/.venv"
STAMP="$VENV/.requirements.sha256"
want=$(sha256sum "$ROOT/requirements-dev.txt" | cut -d' ' -f1)
if [ ! -x "$VENV/bin/python" ] || [ "$(cat "$STAMP" 2>/dev/null)" != "$want" ]; then
  echo "setup: preparing $VENV"
  /usr/bin/python3 -m venv --system-site-packages "$VENV"
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check -r "$ROOT/requirements-dev.txt"
  echo "$want" > "$STAMP"
fi
