#!/usr/bin/env bash
# Runs the LandEval test suite inside a Debian debootstrap chroot with that release's QGIS, so CI proves the
# plugin on the QGIS versions offices run and not only on the 3.22 of this Debian 12 machine.
#
#   bash scripts/test_chroot.sh SUITE [pytest args...]
#
#   SUITE  trixie  Debian 13, QGIS 3.40 LTR   (scripts/test_qgis340.sh is this with SUITE=trixie)
#          sid     Debian unstable, QGIS 3.44 LTR (as packaged on 2026-12-04; the QGIS version run is printed)
#
# Each suite has its own chroot, built once into $LANDEVAL_<SUITE>_CHROOT (default /var/cache/landeval/<suite>,
# ~2.3 GB) and reused, its own lock ($CHROOT.lock) and its own logs ($CHROOT.debootstrap.log,
# $CHROOT.packages.log), so two suites can be built or run at the same time without touching each other.
# A changed package list below only installs the difference. LANDEVAL_<SUITE>_REBUILD=1 throws the chroot
# away and builds it anew. The checkout is bind-mounted at the same path inside, so paths in test output are
# the host's. All mounts live in a private mount namespace (unshare), so nothing stays mounted after the
# run, even when it is killed.
#
# Measured on a 2-core Debian 12 machine (trixie): the first build takes about 2 minutes (debootstrap 28 s,
# QGIS 3.40 and the test tools 90 s; 2.2 GB) and later runs reuse it at once. Inside: QGIS 3.40.6, Python
# 3.13, pandas 2.2, numpy 2.2, pytest 8.3, hypothesis 6.130, pytest-qgis 3.0.1.
#
# If the chroot cannot be built (not root, no network, debootstrap failing) the script says why and exits
# non-zero: a chroot run that did not happen must never look like a pass.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SUITE=${1:-}
case "$SUITE" in
  trixie|sid) ;;
  *) echo "usage: bash scripts/test_chroot.sh trixie|sid [pytest args...]" >&2; exit 2 ;;
esac
shift
UPPER=$(echo "$SUITE" | tr '[:lower:]' '[:upper:]')
chroot_var=LANDEVAL_${UPPER}_CHROOT
rebuild_var=LANDEVAL_${UPPER}_REBUILD
CHROOT=${!chroot_var:-/var/cache/landeval/$SUITE}
REBUILD=${!rebuild_var:-0}
MIRROR=${LANDEVAL_DEBIAN_MIRROR:-http://deb.debian.org/debian}
# What the suite needs inside: QGIS with its Python bindings, the plugin's runtime packages (the OS ones,
# as in real use), the test tools Debian packages (openpyxl: tests write .xlsx inputs), git
# (scripts/package.py lists files with git ls-files) and python3-venv for pytest-qgis, which Debian does not
# package. qttools5-dev-tools: lrelease, with which tests/test_translation.py compiles the .ts. gdb: when
# QGIS crashes, its crash handler prints every thread's backtrace with it (the real-window test shows it).
# A test that needs another package gets its Debian name here and in scripts/setup.sh.
APT_PACKAGES="qgis python3-qgis qgis-providers python3-pandas python3-yaml python3-shapely python3-pytest
  python3-openpyxl python3-hypothesis poppler-utils fonts-wqy-microhei python3-venv python3-pip git xvfb xauth gdb qttools5-dev-tools ca-certificates"
# python3-psycopg2: tests/postgis and qgis_io's PostGIS writer (the server is the host's throwaway cluster of
# scripts/postgis_cluster.sh on 127.0.0.1; the chroot shares the network, and its URI and the test roles'
# password come in through the env -i of in_chroot).
APT_PACKAGES="$APT_PACKAGES python3-psycopg2"
# 3.0.1: officially supports QGIS >= 3.34 and still reads the ini key `qgis_qui_enabled` that pytest.ini
# spells for 2.1.0 on QGIS 3.22 (4.x renamed it to qgis_gui_enabled).
# qgis-plugin-manager: the repository round trip of tests/e2e/test_repository.py (as in requirements-dev.txt).
PIP_PACKAGES="pytest-qgis==3.0.1 qgis-plugin-manager==1.7.5"
VENV=/opt/landeval-venv
# Per-suite logs beside the chroot, so a sid build never overwrites the log of a trixie build.
DEBOOTSTRAP_LOG=$CHROOT.debootstrap.log
PACKAGES_LOG=$CHROOT.packages.log

say() { echo "test_chroot $SUITE: $*" >&2; }
cannot() {
  say "CANNOT RUN the suite in the Debian $SUITE chroot: $*"
  say "(the 3.22 run does not cover this; fix the cause, or set LANDEVAL_SKIP_CHROOTS=1 for a local-only run)"
  exit 3
}

[ "$(id -u)" -eq 0 ] || cannot "building and entering the chroot needs root (debootstrap, chroot, mounts)"
for tool in unshare flock chroot; do
  command -v "$tool" >/dev/null || cannot "'$tool' is missing (util-linux / coreutils)"
done
unshare --mount --propagation private true 2>/dev/null \
  || cannot "this machine does not allow private mount namespaces (unshare --mount), needed for the bind mounts"

mkdir -p "$(dirname "$CHROOT")"
# One build or run per chroot at a time: CI and a developer may start this script together; other
# suites have other chroots and locks and go on in parallel.
exec 9>"$CHROOT.lock"
flock 9

# Runs "$@" inside the chroot with /proc, /dev, /sys, a fresh /tmp and (when BIND is set) the checkout
# mounted; the namespace ends with the command, and every mount with it.
in_chroot() {
  unshare --mount --propagation private -- /bin/bash -euc '
    c=$1; bind=$2; shift 2
    mount -t proc proc "$c/proc"
    mount --rbind /dev "$c/dev"
    mount --rbind /sys "$c/sys"
    mount -t tmpfs tmpfs "$c/tmp"
    if [ -n "$bind" ]; then
      mkdir -p "$c$bind"
      mount --bind "$bind" "$c$bind"
    fi
    # A git worktree keeps its history in the .git folder of the main checkout: readable inside, never written.
    if [ -n "${GIT_SHARED:-}" ]; then
      mkdir -p "$c$GIT_SHARED"
      mount --bind "$GIT_SHARED" "$c$GIT_SHARED"
      mount -o remount,bind,ro "$c$GIT_SHARED"
    fi
    exec chroot "$c" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
      HOME=/root LANG=C.UTF-8 TERM="${TERM:-dumb}" CI="${CI:-}" LANDEVAL_PG_URI="${LANDEVAL_PG_URI:-}" \
      LANDEVAL_PG_ERROR="${LANDEVAL_PG_ERROR:-}" LANDEVAL_PG_PASSWORD="${LANDEVAL_PG_PASSWORD:-}" "$@"
  ' in_chroot "$CHROOT" "${BIND:-}" "$@"
}

if [ "$REBUILD" = "1" ] && [ -e "$CHROOT" ]; then
  say "$rebuild_var=1: removing $CHROOT"
  rm -rf --one-file-system "$CHROOT"
fi

if [ ! -e "$CHROOT/.landeval-base" ]; then
  start=$SECONDS
  if ! command -v debootstrap >/dev/null; then
    say "installing debootstrap from Debian"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        debootstrap >/dev/null; } || cannot "could not install debootstrap with apt-get"
  fi
  [ -e /usr/share/debootstrap/scripts/$SUITE ] || cannot "this debootstrap does not know Debian $SUITE"
  partial="$CHROOT.partial"
  rm -rf --one-file-system "$partial"
  say "building the Debian $SUITE chroot in $CHROOT (once; about 2.3 GB; log: $DEBOOTSTRAP_LOG)"
  # debootstrap mounts /proc and /sys into the target itself; a private namespace drops them if it dies.
  unshare --mount --propagation private -- debootstrap --variant=minbase "$SUITE" "$partial" "$MIRROR" \
      >"$DEBOOTSTRAP_LOG" 2>&1 \
    || cannot "debootstrap $SUITE from $MIRROR failed; last lines of $DEBOOTSTRAP_LOG:
$(tail -n 5 "$DEBOOTSTRAP_LOG")"
  touch "$partial/.landeval-base"
  rm -rf --one-file-system "$CHROOT"
  mv "$partial" "$CHROOT"
  say "debootstrap took $((SECONDS - start)) s"
fi

want=$(echo "$APT_PACKAGES $PIP_PACKAGES" | tr -s ' \n' ' ' | sha256sum | cut -d' ' -f1)
if [ "$(cat "$CHROOT/.landeval-packages" 2>/dev/null)" != "$want" ]; then
  start=$SECONDS
  say "installing into the chroot: $(echo $APT_PACKAGES) + pip $PIP_PACKAGES (log: $PACKAGES_LOG)"
  cp /etc/resolv.conf "$CHROOT/etc/resolv.conf"
  # Local CAs the host trusts (e.g. a TLS-inspecting proxy in front of PyPI) must be trusted inside too,
  # or pip fails with CERTIFICATE_VERIFY_FAILED; Debian's way to add them is this folder.
  if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
    mkdir -p "$CHROOT/usr/local/share/ca-certificates"
    cp /usr/local/share/ca-certificates/*.crt "$CHROOT/usr/local/share/ca-certificates/"
  fi
  # The mirror this machine reaches serves sid with a Release file past its Valid-Until date (seen on
  # 2026-12-04: expired 28 days before), and apt then refuses every update; the archive is still signed, so
  # only the freshness check is relaxed, and only inside the chroot.
  echo 'Acquire::Check-Valid-Until "false";' >"$CHROOT/etc/apt/apt.conf.d/99landeval-valid-until"
  # shellcheck disable=SC2086 # the package lists are meant to split into words
  in_chroot /bin/bash -euc "
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(echo $APT_PACKAGES)
    apt-get clean
    update-ca-certificates >/dev/null
    export PIP_CERT=/etc/ssl/certs/ca-certificates.crt PIP_DEFAULT_TIMEOUT=${PIP_DEFAULT_TIMEOUT:-60}
    [ -x $VENV/bin/python ] || python3 -m venv --system-site-packages $VENV
    $VENV/bin/python -m pip install -q --disable-pip-version-check $PIP_PACKAGES
  " >"$PACKAGES_LOG" 2>&1 \
    || cannot "installing QGIS and the test tools inside the chroot failed; last lines of $PACKAGES_LOG:
$(tail -n 8 "$PACKAGES_LOG")"
  echo "$want" >"$CHROOT/.landeval-packages"
  say "package installation took $((SECONDS - start)) s"
fi

# Run alone (not from scripts/test.sh, which starts the cluster for all three suites), the PostGIS tests get a
# cluster of their own, removed when this script exits.
if [ -z "${LANDEVAL_PG_URI:-}" ] && [ -z "${LANDEVAL_PG_ERROR:-}" ]; then
  # shellcheck source=postgis_cluster.sh
  source "$ROOT/scripts/postgis_cluster.sh"
  landeval_pg_start
fi
qgis_version=$(in_chroot dpkg-query -W -f='${Version}' qgis 2>/dev/null) || cannot "QGIS is not installed in $CHROOT"
say "running the suite on QGIS $qgis_version (Debian $SUITE chroot $CHROOT)"
start=$SECONDS
set +e
# package.py and tests read git (ls-files, clone); in a worktree the objects live outside $ROOT.
GIT_SHARED=$(git -C "$ROOT" rev-parse --path-format=absolute --git-common-dir 2>/dev/null || true)
case "$GIT_SHARED" in "$ROOT"/*|"") GIT_SHARED="" ;; esac
export GIT_SHARED
# No test path by default: pytest.ini's testpaths (tests) applies, and given paths run alone. The translations
# are compiled first with this release's lrelease (the checkout is run as the plugin, as setup.sh does on the host).
BIND="$ROOT" in_chroot /bin/bash -c 'cd "$1" && shift && python3 scripts/i18n.py compile >/dev/null &&
  QT_QPA_PLATFORM=offscreen PYTHONDONTWRITEBYTECODE=1 "$@"' run "$ROOT" \
  "$VENV/bin/python" -m pytest -p no:cacheprovider "$@"
status=$?
set -e
say "suite on QGIS $qgis_version finished in $((SECONDS - start)) s with exit status $status"
if [ "$status" -gt 128 ]; then
  # Seen with QGIS objects (e.g. a QgsVectorLayer a test kept in a local) that Python frees only after
  # pytest-qgis has called exitQgis(): the summary above may read "passed", the process still crashed.
  say "pytest was killed by signal $((status - 128)); if it happened after the summary line, a QGIS object" \
      "outlived QgsApplication.exitQgis() (free layers inside the test, or add them to the project)"
fi
exit $status
