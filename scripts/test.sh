#!/usr/bin/env bash
# The whole test suite: installs what is missing, runs pytest on QGIS 3.22 (this machine), then the same
# suite on QGIS 3.40 in a Debian trixie chroot and on QGIS 3.44 in a Debian sid chroot
# (scripts/test_chroot.sh). Each run goes on even when an earlier one failed, so one report covers the three
# versions; the exit status is non-zero when any of them failed.
# LANDEVAL_SKIP_QGIS340=1 (or LANDEVAL_SKIP_CHROOTS=1) skips both chroot runs (for quick local iterations
# only; CI never sets it). Extra arguments go to the 3.22 run only.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
bash scripts/setup.sh
export QT_QPA_PLATFORM=offscreen
# A throwaway PostGIS cluster for tests/postgis (removed on exit); its URI and the test roles' password reach
# the chroot suites too (scripts/test_chroot.sh passes them through env -i).
source scripts/postgis_cluster.sh
landeval_pg_start
failed=()
start=$SECONDS
.venv/bin/python -m pytest tests "$@" || failed+=("QGIS 3.22 (exit $?)")
echo "test: QGIS 3.22 suite took $((SECONDS - start)) s" >&2
if [ "${LANDEVAL_SKIP_QGIS340:-0}" != "1" ] && [ "${LANDEVAL_SKIP_CHROOTS:-0}" != "1" ]; then
  for suite in trixie sid; do
    start=$SECONDS
    bash scripts/test_chroot.sh "$suite" || failed+=("Debian $suite chroot (exit $?)")
    echo "test: Debian $suite chroot (build when needed + suite) took $((SECONDS - start)) s" >&2
  done
fi
if [ ${#failed[@]} -gt 0 ]; then
  echo "test: FAILED: ${failed[*]}" >&2
  exit 1
fi
