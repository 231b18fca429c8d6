#!/usr/bin/env bash
# Throwaway PostgreSQL + PostGIS cluster for the tests (issue 16). Sourced by scripts/test.sh:
#   source scripts/postgis_cluster.sh && landeval_pg_start
# Starts a private cluster (its own data directory under /tmp, port $LANDEVAL_PG_PORT on 127.0.0.1), creates
# the database `landeval` with the postgis extension and exports for pytest (and, through test_chroot.sh, for
# the chroot suites, which share the network):
#   LANDEVAL_PG_URI       libpq connection string of the admin role `landeval` (trust, TCP from 127.0.0.1)
#   LANDEVAL_PG_PASSWORD  the password of the two test roles below (scram-sha-256 over TCP, no trust):
#                         `le_writer` (may create tables in schema public) and `le_reader` (may only read)
#   LANDEVAL_PG_DATA      the data directory, so a test can stop the server (pg_ctl) to see a write fail
#   LANDEVAL_PG_BIN       the PostgreSQL binaries used
# The cluster is removed on exit (trap). When it cannot start, LANDEVAL_PG_ERROR carries the reason so the
# PostGIS tests FAIL with it, never skip.
LANDEVAL_PG_PORT=${LANDEVAL_PG_PORT:-55432}

_landeval_pg_as() {
  # initdb and postgres refuse to run as root: run them as the postgres system user when we are root.
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

_landeval_pg_bin() {
  # The newest PostgreSQL installed (Debian's layout /usr/lib/postgresql/<major>/bin) that has PostGIS.
  local dir major
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5 -n -r); do
    major=$(basename "$(dirname "$dir")")
    if [ -x "$dir/initdb" ] && [ -f "/usr/share/postgresql/$major/extension/postgis.control" ]; then
      echo "$dir"
      return 0
    fi
  done
  return 1
}

landeval_pg_stop() {
  if [ -n "${LANDEVAL_PG_DIR:-}" ] && [ -d "$LANDEVAL_PG_DIR" ]; then
    _landeval_pg_as "$LANDEVAL_PG_BIN/pg_ctl" -D "$LANDEVAL_PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$LANDEVAL_PG_DIR"
  fi
}

landeval_pg_start() {
  if ! LANDEVAL_PG_BIN=$(_landeval_pg_bin); then
    export LANDEVAL_PG_ERROR="no PostgreSQL with PostGIS under /usr/lib/postgresql/*/bin (Debian: postgresql postgis, see scripts/setup.sh)"
    return 0
  fi
  export LANDEVAL_PG_BIN
  LANDEVAL_PG_DIR=$(mktemp -d /tmp/landeval_pg.XXXXXX)
  chmod 755 "$LANDEVAL_PG_DIR"
  if [ "$(id -u)" = "0" ]; then chown postgres "$LANDEVAL_PG_DIR"; fi
  trap landeval_pg_stop EXIT
  LANDEVAL_PG_PASSWORD=$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')
  export LANDEVAL_PG_PASSWORD
  local data=$LANDEVAL_PG_DIR/data
  if ! _landeval_pg_as "$LANDEVAL_PG_BIN/initdb" -D "$data" -U landeval --auth=trust -E UTF8 --locale=C.UTF-8 \
        >"$LANDEVAL_PG_DIR/initdb.log" 2>&1; then
    export LANDEVAL_PG_ERROR="initdb failed: $(tail -1 "$LANDEVAL_PG_DIR/initdb.log")"
    return 0
  fi
  # Trust only for the admin role; the test roles must give their password over TCP (wrong credentials and
  # a role without write permission are cases of the tests).
  _landeval_pg_as /bin/sh -c "cat > '$data/pg_hba.conf'" <<'EOF'
local all landeval trust
host  all landeval 127.0.0.1/32 trust
host  all all      127.0.0.1/32 scram-sha-256
EOF
  # Several checkouts may run their suites at once on one machine: the next port when this one is taken.
  local tries=0
  until _landeval_pg_as "$LANDEVAL_PG_BIN/pg_ctl" -D "$data" -w -t 30 \
        -o "-h 127.0.0.1 -p $LANDEVAL_PG_PORT -k $LANDEVAL_PG_DIR" -l "$LANDEVAL_PG_DIR/server.log" start \
        >/dev/null 2>&1; do
    tries=$((tries + 1))
    if [ "$tries" -ge 20 ] || ! grep -q "could not bind\|Address already in use" "$LANDEVAL_PG_DIR/server.log"; then
      export LANDEVAL_PG_ERROR="server did not start on 127.0.0.1:$LANDEVAL_PG_PORT: $(tail -1 "$LANDEVAL_PG_DIR/server.log")"
      return 0
    fi
    LANDEVAL_PG_PORT=$((LANDEVAL_PG_PORT + 1))
  done
  export LANDEVAL_PG_PORT
  local psql=("$LANDEVAL_PG_BIN/psql" -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$LANDEVAL_PG_PORT" -U landeval)
  if ! { "$LANDEVAL_PG_BIN/createdb" -h 127.0.0.1 -p "$LANDEVAL_PG_PORT" -U landeval landeval &&
         "${psql[@]}" -d landeval >"$LANDEVAL_PG_DIR/setup.log" 2>&1 <<EOF
CREATE EXTENSION postgis;
SET password_encryption = 'scram-sha-256';
CREATE ROLE le_writer LOGIN PASSWORD '$LANDEVAL_PG_PASSWORD';
CREATE ROLE le_reader LOGIN PASSWORD '$LANDEVAL_PG_PASSWORD';
GRANT CREATE, USAGE ON SCHEMA public TO le_writer;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO le_reader;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO le_reader, le_writer;
EOF
       }; then
    export LANDEVAL_PG_ERROR="creating the database landeval with PostGIS failed: $(tail -2 "$LANDEVAL_PG_DIR/setup.log")"
    return 0
  fi
  export LANDEVAL_PG_DATA=$data
  export LANDEVAL_PG_URI="host=127.0.0.1 port=$LANDEVAL_PG_PORT dbname=landeval user=landeval"
}
