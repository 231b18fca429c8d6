"""Fixtures of the PostGIS tests: the throwaway server of scripts/postgis_cluster.sh, the sample county loaded
into it, and URIs of its tables.

"`scripts/test.sh` (and so `.ci/run`) installs PostgreSQL and PostGIS from Debian and starts a throwaway
cluster" (issue 16): without it these tests FAIL with the reason, never skip.
"""
import os
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "sample"


@pytest.fixture(scope="session")
def pg_uri():
    """The cluster's libpq connection string (admin role); fails (not skips) when the server could not start."""
    uri = os.environ.get("LANDEVAL_PG_URI")
    if not uri:
        reason = os.environ.get("LANDEVAL_PG_ERROR") or "LANDEVAL_PG_URI unset: run through scripts/test.sh"
        pytest.fail(f"PostGIS test server unavailable: {reason}")
    return uri


@pytest.fixture(scope="session")
def pg_password(pg_uri):
    """The password of the test roles le_writer and le_reader (scram over TCP)."""
    return os.environ["LANDEVAL_PG_PASSWORD"]


@pytest.fixture
def pg(pg_uri):
    """An autocommit psycopg2 connection of the admin role."""
    import psycopg2

    conn = psycopg2.connect(pg_uri)
    conn.autocommit = True
    yield conn
    conn.close()


@pytest.fixture(scope="session")
def schema(pg_uri):
    """A schema of this test session (several suites may share the server), dropped afterwards; le_writer may
    create tables in it, le_reader may only read."""
    import psycopg2

    name = f"t_{uuid.uuid4().hex[:8]}"
    conn = psycopg2.connect(pg_uri)
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute(f"CREATE SCHEMA {name}")
        cur.execute(f"GRANT USAGE, CREATE ON SCHEMA {name} TO le_writer")
        cur.execute(f"GRANT USAGE ON SCHEMA {name} TO le_reader")
        cur.execute(f"ALTER DEFAULT PRIVILEGES IN SCHEMA {name} GRANT SELECT ON TABLES TO le_reader, le_writer")
    yield name
    with conn.cursor() as cur:
        cur.execute(f"DROP SCHEMA {name} CASCADE")
    conn.close()


def pg_params(pg_uri):
    """{host, port, dbname, user} of a libpq key=value string."""
    return dict(part.split("=", 1) for part in pg_uri.split())


def layer_uri(pg_uri, schema, table, geom="geom", key="fid", user=None, password=None, sql=""):
    """A QGIS postgres-provider URI of `schema`.`table` (as QgsDataSourceUri writes it), as a Processing input
    takes it (`postgres://` + the URI, the form qgis_process reads)."""
    from qgis.core import QgsDataSourceUri

    p = pg_params(pg_uri)
    uri = QgsDataSourceUri()
    uri.setConnection(p["host"], p["port"], p["dbname"], user or p["user"], password or "")
    uri.setDataSource(schema, table, geom, sql, key)
    return "postgres://" + uri.uri(False)


@pytest.fixture(scope="session")
def sample_in_pg(pg_uri, schema):
    """The sample county's layers loaded into PostGIS (ogr2ogr's PostgreSQL driver) and its enterprises as a
    table without geometry: {name: postgres URI}."""
    import pandas as pd
    import psycopg2
    from osgeo import gdal

    p = pg_params(pg_uri)
    target = f"PG:host={p['host']} port={p['port']} dbname={p['dbname']} user={p['user']}"
    gpkg = str(SAMPLE / "sample_county.gpkg")
    uris = {}
    for layer in ("parcels", "eco_redline", "dev_boundary", "pois", "parks"):
        done = gdal.VectorTranslate(target, gpkg, layers=[layer], layerName=f"{schema}.{layer}", format="PostgreSQL",
                                    layerCreationOptions=["GEOMETRY_NAME=geom", "FID=fid"])
        assert done is not None, f"loading {layer} into PostGIS failed"
        done = None
        uris[layer] = layer_uri(pg_uri, schema, layer)
    firms = pd.read_csv(SAMPLE / "enterprises.csv", encoding="gbk", dtype=str)
    conn = psycopg2.connect(pg_uri)
    with conn, conn.cursor() as cur:
        columns = ", ".join(f'"{c}" text' for c in firms.columns)
        cur.execute(f"CREATE TABLE {schema}.enterprises (fid serial PRIMARY KEY, {columns})")
        import io

        buffer = io.StringIO()
        firms.to_csv(buffer, index=False, header=False)
        buffer.seek(0)
        names = ", ".join(f'"{c}"' for c in firms.columns)
        cur.copy_expert(f"COPY {schema}.enterprises ({names}) FROM STDIN WITH (FORMAT csv)", buffer)
    conn.close()
    uris["enterprises"] = layer_uri(pg_uri, schema, "enterprises", geom="")
    return uris


@pytest.fixture(scope="session")
def e2e_helpers():
    """tests/e2e/conftest.py as a module (its qgis_process helpers: make_profile, run_qgis_process,
    call_qgis_process, param_args); conftest files are not importable as packages."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("landeval_e2e_helpers", ROOT / "tests" / "e2e" / "conftest.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def qgis_process_profile(e2e_helpers, tmp_path_factory):
    """A throwaway QGIS profile with the checkout enabled as the plugin (for qgis_process)."""
    return e2e_helpers.make_profile(tmp_path_factory.mktemp("pg_profile"))
