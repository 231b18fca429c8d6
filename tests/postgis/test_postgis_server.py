"""Issue 16: the tests reach a real PostGIS server (started by scripts/postgis_cluster.sh) through psycopg2 and
QGIS's postgres provider; Chinese table and column names; the test roles need their password."""
import psycopg2
import pytest

from .conftest import pg_params


def test_server_has_postgis(pg):
    with pg.cursor() as cur:
        cur.execute("SELECT postgis_lib_version()")
        assert cur.fetchone()[0].startswith("3.")


def test_postgres_provider_reads_a_chinese_table_with_subset(pg, schema, qgis_app):
    """A PostGIS table opens through QGIS's postgres provider and honours a subset string
    ("honouring a layer's filter (subset string)", issue 16)."""
    from qgis.core import QgsDataSourceUri, QgsVectorLayer

    with pg.cursor() as cur:
        cur.execute(f'CREATE TABLE {schema}."地块" (fid serial PRIMARY KEY, "宗地号" text, geom geometry(Polygon, 4490))')
        cur.execute(
            f'INSERT INTO {schema}."地块" ("宗地号", geom) VALUES (%s, ST_GeomFromText(%s, 4490)), '
            "(%s, ST_GeomFromText(%s, 4490))",
            ("A1", "POLYGON((0 0,1 0,1 1,0 1,0 0))", "B2", "POLYGON((2 2,3 2,3 3,2 3,2 2))"),
        )
    uri = QgsDataSourceUri(pg.dsn)
    uri.setDataSource(schema, "地块", "geom", "", "fid")
    layer = QgsVectorLayer(uri.uri(False), "parcels", "postgres")
    assert layer.isValid(), layer.error().summary()
    assert layer.featureCount() == 2
    assert layer.setSubsetString("\"宗地号\" = 'B2'")
    assert [f["宗地号"] for f in layer.getFeatures()] == ["B2"]


def test_test_roles_need_their_password(pg_uri, pg_password):
    """pg_hba: trust only for the admin role; le_writer gives its password (scram) over TCP."""
    p = pg_params(pg_uri)
    with psycopg2.connect(host=p["host"], port=p["port"], dbname=p["dbname"], user="le_writer",
                          password=pg_password) as conn:
        assert conn.server_version >= 100000
    with pytest.raises(psycopg2.OperationalError, match="password authentication failed"):
        psycopg2.connect(host=p["host"], port=p["port"], dbname=p["dbname"], user="le_writer", password="wrong")
