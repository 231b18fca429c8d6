#!/usr/bin/env bash
# Builds dist/landeval-<version>.zip (see scripts/package.py; standard library only, any Python 3 will do).
set -euo pipefail
exec python3 "$(dirname "$0")/package.py" "$@"
