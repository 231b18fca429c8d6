#!/usr/bin/env bash
# The suite on QGIS 3.40 LTR in a Debian trixie chroot: scripts/test_chroot.sh with SUITE=trixie, kept under
# this name for the commands and notes that call it. LANDEVAL_TRIXIE_CHROOT and LANDEVAL_TRIXIE_REBUILD work
# as before.
#
#   bash scripts/test_qgis340.sh [pytest args...]
exec bash "$(dirname "$0")/test_chroot.sh" trixie "$@"
