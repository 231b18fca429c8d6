#!/usr/bin/env bash
# Throwaway PostgreSQL + PostGIS cluster for the tests (issue 16). Source it from scripts/test.sh:
#   source scripts/postgis_cluster.sh && landeval_pg_start
# Starts a private cluster (own data dir, port 55432 on 127.0.0.1), creates the database `landeval` with the
# postgis extension, exports LANDEVAL_PG_URI for pytest, and removes the cluster on exit (trap). When the
# server cannot start, LANDEVAL_PG_ERROR carries the reason so the PostGIS tests FAIL with it, never skip.
LANDEVAL_PG_PORT=${LANDEVAL_PG_PORT:-55432}
LANDEVAL_PG_BIN=${LANDEVAL_PG_BIN:-/usr/lib/postgresql/15/bin}

_landeval_pg_as() {
  # initdb and postgres refuse to run as root: run them as the postgres system user when we are root.
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

landeval_pg_stop() {
  if [ -n "${LANDEVAL_PG_DIR:-}" ] && [ -d "$LANDEVAL_PG_DIR" ]; then
    _landeval_pg_as "$LANDEVAL_PG_BIN/pg_ctl" -D "$LANDEVAL_PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$LANDEVAL_PG_DIR"
  fi
}

landeval_pg_start() {
  if [ ! -x "$LANDEVAL_PG_BIN/initdb" ] || [ ! -f /usr/share/postgresql/15/extension/postgis.control ]; then
    export LANDEVAL_PG_ERROR="PostgreSQL 15 / PostGIS 3 not installed (apt: postgresql-15-postgis-3)"
    return 0
  fi
  LANDEVAL_PG_DIR=$(mktemp -d /tmp/landeval_pg.XXXXXX)
  chmod 755 "$LANDEVAL_PG_DIR"
  [ "$(id -u)" = "0" ] && chown postgres "$LANDEVAL_PG_DIR"
  trap landeval_pg_stop EXIT
  if ! _landeval_pg_as "$LANDEVAL_PG_BIN/initdb" -D "$LANDEVAL_PG_DIR/data" -U landeval --auth=trust \
        >"$LANDEVAL_PG_DIR/initdb.log" 2>&1; then
    export LANDEVAL_PG_ERROR="initdb failed: $(tail -1 "$LANDEVAL_PG_DIR/initdb.log")"
    return 0
  fi
  if ! _landeval_pg_as "$LANDEVAL_PG_BIN/pg_ctl" -D "$LANDEVAL_PG_DIR/data" -w -t 30 \
        -o "-h 127.0.0.1 -p $LANDEVAL_PG_PORT -k $LANDEVAL_PG_DIR" -l "$LANDEVAL_PG_DIR/server.log" start \
        >/dev/null 2>&1; then
    export LANDEVAL_PG_ERROR="server did not start on 127.0.0.1:$LANDEVAL_PG_PORT: $(tail -1 "$LANDEVAL_PG_DIR/server.log")"
    return 0
  fi
  "$LANDEVAL_PG_BIN/createdb" -h 127.0.0.1 -p "$LANDEVAL_PG_PORT" -U landeval landeval
  "$LANDEVAL_PG_BIN/psql" -q -h 127.0.0.1 -p "$LANDEVAL_PG_PORT" -U landeval -d landeval \
    -c "CREATE EXTENSION postgis" >/dev/null
  export LANDEVAL_PG_URI="host=127.0.0.1 port=$LANDEVAL_PG_PORT dbname=landeval user=landeval"
}
