"""Issue 16, outputs: "any layer output can be a PostGIS table (`postgis:…` destination …), written in one
transaction with bulk loading (`COPY`), a primary key, a spatial index, the aliases as column comments, and the
style saved as the table's default in `public.layer_styles` … An existing table is replaced only when the user
asks for it; a failed or cancelled run leaves neither a partial table nor a changed old one."""
import pandas as pd
import psycopg2
import pytest
from qgis.core import QgsProcessingException

from .conftest import pg_params
from .test_postgis_inputs import _frame, _gpkg_params, _sample_params, assert_same_results


def destination(pg_uri, schema, table, user=None, password=None, replace=False):
    """A `postgis:` destination as the Processing dialog and qgis_process spell it."""
    p = pg_params(pg_uri)
    credentials = f"user='{user or p['user']}'" + (f" password='{password}'" if password else "")
    option = " replace=yes" if replace else ""
    return (f"postgis:dbname='{p['dbname']}' host={p['host']} port={p['port']} {credentials}{option} "
            f'table="{schema}"."{table}" (geom)')


def _postgis_layer(pg_uri, schema, table):
    """A fresh QgsVectorLayer of an output table (as another QGIS would open it)."""
    from qgis.core import QgsDataSourceUri, QgsVectorLayer

    uri = QgsDataSourceUri(pg_uri)
    uri.setDataSource(schema, table, "geom", "", "fid")
    layer = QgsVectorLayer(uri.uri(False), table, "postgres")
    assert layer.isValid(), layer.error().summary()
    return layer


def _rows(pg, schema, table):
    with pg.cursor() as cur:
        cur.execute(f'SELECT count(*) FROM {schema}."{table}"')
        return cur.fetchone()[0]


def _tables(pg, schema):
    with pg.cursor() as cur:
        cur.execute("SELECT tablename FROM pg_tables WHERE schemaname = %s", (schema,))
        return {r[0] for r in cur.fetchall()}


@pytest.fixture(scope="module")
def evaluated_in_pg(pg_uri, schema, sample_in_pg, landeval_provider):
    """The sample county evaluated PostGIS → PostGIS into the Chinese-named table 评价结果 (replace=yes: another
    test module imports this fixture and makes it again)."""
    import processing

    processing.run("landeval:evaluate", {**_sample_params(sample_in_pg),
                                         "OUTPUT": destination(pg_uri, schema, "评价结果", replace=True)})
    return "评价结果"


def test_postgis_to_postgis_gives_the_geopackage_results(pg_uri, schema, evaluated_in_pg, landeval_provider,
                                                         tmp_path):
    """PostGIS in and out: the same output, column by column, as GeoPackage in and out."""
    import processing

    out = str(tmp_path / "ev.gpkg")
    processing.run("landeval:evaluate", {**_gpkg_params(), "OUTPUT": out})
    expected = _frame(out)
    got = _frame(_postgis_layer(pg_uri, schema, evaluated_in_pg))
    assert len(got) == 2000
    assert list(got.columns) == list(expected.columns)
    assert_same_results(got, expected)


def test_the_table_has_a_primary_key_a_spatial_index_comments_and_srid(pg, schema, evaluated_in_pg):
    with pg.cursor() as cur:
        cur.execute("SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid "
                    "AND a.attnum = ANY(i.indkey) WHERE i.indrelid = %s::regclass AND i.indisprimary",
                    (f'{schema}."{evaluated_in_pg}"',))
        assert [r[0] for r in cur.fetchall()] == ["fid"]
        cur.execute("SELECT indexdef FROM pg_indexes WHERE schemaname = %s AND tablename = %s",
                    (schema, evaluated_in_pg))
        assert any("USING gist (geom)" in r[0] for r in cur.fetchall())
        cur.execute("SELECT Find_SRID(%s, %s, 'geom'), GeometryType(geom) FROM " + f'{schema}."{evaluated_in_pg}"'
                    + " LIMIT 1", (schema, evaluated_in_pg))
        # The SRID is the parcels' EPSG code; the writer makes parts multi, as for a GeoPackage.
        srid, kind = cur.fetchone()
        assert kind == "MULTIPOLYGON"
        cur.execute("SELECT col_description(%s::regclass, attnum) FROM pg_attribute WHERE attrelid = %s::regclass "
                    "AND attname = 'tier'", (f'{schema}."{evaluated_in_pg}"',) * 2)
        comment = cur.fetchone()[0]
    from qgis.core import QgsVectorLayer

    gpkg = QgsVectorLayer(_gpkg_params()["PARCELS"], "p", "ogr")
    assert srid == int(gpkg.crs().authid().split(":")[1])
    # The tier field's alias as the column comment; resources/labels.yaml: `tier: {en: "Tier", zh: "分级"}`.
    assert comment in ("分级", "Tier")


def test_the_table_opens_styled_in_any_qgis(pg, pg_uri, schema, evaluated_in_pg):
    """The style is the table's default in public.layer_styles, so a fresh layer opens coloured by tier."""
    with pg.cursor() as cur:
        cur.execute("SELECT stylename, useasdefault FROM public.layer_styles WHERE f_table_schema = %s "
                    "AND f_table_name = %s", (schema, evaluated_in_pg))
        assert cur.fetchall() == [("LandEval tier", True)]
    layer = _postgis_layer(pg_uri, schema, evaluated_in_pg)
    renderer = layer.renderer()
    assert renderer.type() == "categorizedSymbol" and renderer.classAttribute() == "tier"


def _frame_target(pg_uri, schema, table, context, **kwargs):
    """A sink target for qgis_io.writer.write_frame naming a PostGIS destination (as params.OutputSink does)."""
    class Target:
        file = None
        name = "OUTPUT"
        parameters = {"OUTPUT": destination(pg_uri, schema, table, **kwargs)}

    target = Target()
    target.context = context
    return target


def _write_frame(pg_uri, schema, table, frame, feedback=None, **kwargs):
    from qgis.core import QgsProcessingContext

    from landeval.qgis_io.writer import write_frame

    context = QgsProcessingContext()
    return write_frame(_frame_target(pg_uri, schema, table, context, **kwargs), context, frame, feedback=feedback)


def test_an_existing_table_is_refused_unless_replace_is_asked(pg, pg_uri, schema, qgis_app):
    from landeval.core.errors import LandEvalError

    _write_frame(pg_uri, schema, "已有表", pd.DataFrame({"宗地编号": ["A", "B"], "score": [1.5, 2.5]}))
    with pytest.raises(LandEvalError) as refused:
        _write_frame(pg_uri, schema, "已有表", pd.DataFrame({"宗地编号": ["C"], "score": [3.0]}))
    assert str(refused.value).startswith(f"The PostGIS table {schema}.已有表 already exists")
    assert "replace=yes" in str(refused.value)
    assert _rows(pg, schema, "已有表") == 2
    _write_frame(pg_uri, schema, "已有表", pd.DataFrame({"宗地编号": ["C"], "score": [3.0]}), replace=True)
    with pg.cursor() as cur:
        cur.execute(f'SELECT "宗地编号", score FROM {schema}."已有表"')
        assert cur.fetchall() == [("C", 3.0)]


class _CancelAfter:
    """A feedback that is cancelled after `n` checks (the writer checks every 2 000 rows)."""

    def __init__(self, n):
        self.n = n

    def isCanceled(self):  # noqa: N802 - QGIS API name
        self.n -= 1
        return self.n < 0

    def setProgress(self, value):  # noqa: N802 - QGIS API name
        pass

    def pushInfo(self, text):  # noqa: N802 - QGIS API name
        pass


def test_a_cancelled_write_leaves_the_old_table_and_nothing_partial(pg, pg_uri, schema, qgis_app):
    """Cancel after the first COPY chunk (5 000 rows) went in: the old table is as it was, no temporary one."""
    from landeval.qgis_io.values import Canceled

    _write_frame(pg_uri, schema, "old", pd.DataFrame({"pid": ["A"], "score": [1.0]}))
    big = pd.DataFrame({"pid": [f"P{i}" for i in range(12000)], "score": [0.5] * 12000})
    with pytest.raises(Canceled):
        _write_frame(pg_uri, schema, "old", big, feedback=_CancelAfter(4), replace=True)
    assert _rows(pg, schema, "old") == 1
    assert not [t for t in _tables(pg, schema) if "landeval" in t]


def test_a_role_without_write_permission_is_told_what_to_do(pg, pg_uri, pg_password, schema, sample_in_pg,
                                                            landeval_provider):
    import processing

    with pytest.raises(QgsProcessingException) as refused:
        processing.run("landeval:evaluate", {**_sample_params(sample_in_pg), "OUTPUT": destination(
            pg_uri, schema, "评价_只读", user="le_reader", password=pg_password)})
    message = str(refused.value)
    assert f"The role le_reader may not create the table 评价_只读 in schema {schema}" in message
    assert "GRANT CREATE ON SCHEMA" in message
    assert pg_password not in message
    assert "评价_只读" not in _tables(pg, schema)


def test_wrong_credentials_give_a_clear_message_without_the_password(pg_uri, schema, sample_in_pg,
                                                                      landeval_provider):
    import processing

    with pytest.raises(QgsProcessingException) as refused:
        processing.run("landeval:evaluate", {**_sample_params(sample_in_pg), "OUTPUT": destination(
            pg_uri, schema, "评价_x", user="le_writer", password="Wr0ngSecret")})
    message = str(refused.value)
    assert "Cannot connect to the PostGIS database" in message and "as le_writer" in message
    assert "password authentication failed" in message
    assert "Wr0ngSecret" not in message


def test_a_writer_role_with_its_password_writes(pg, pg_uri, pg_password, schema, qgis_app):
    _write_frame(pg_uri, schema, "由写入角色", pd.DataFrame({"pid": ["A"], "score": [1.0]}), user="le_writer",
                 password=pg_password)
    assert _rows(pg, schema, "由写入角色") == 1


def test_a_destination_that_is_an_input_table_is_refused(pg, pg_uri, schema, sample_in_pg, landeval_provider):
    """"outputs are new layers — an input is never edited" (ARCHITECTURE.md): OUTPUT naming the parcels' own
    table is refused before any work, even with replace=yes."""
    import processing

    with pytest.raises(QgsProcessingException) as refused:
        processing.run("landeval:evaluate", {**_sample_params(sample_in_pg),
                                             "OUTPUT": destination(pg_uri, schema, "parcels", replace=True)})
    assert f"OUTPUT would overwrite PARCELS: both are the PostGIS table {schema}.parcels" in str(refused.value)
    assert _rows(pg, schema, "parcels") == 2000


class _ServerGoneAfter(_CancelAfter):
    """A feedback that, at its `n`-th check, has the server end the writer's session (as a server stopped in the
    middle of the write would), and never cancels."""

    def __init__(self, n, pg):
        super().__init__(n)
        self.pg = pg

    def isCanceled(self):  # noqa: N802 - QGIS API name
        self.n -= 1
        if self.n == 0:
            with self.pg.cursor() as cur:
                cur.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = "
                            "'LandEval' AND usename = 'le_writer'")
        return False


def test_the_server_gone_in_the_middle_of_a_write_leaves_nothing(pg, pg_uri, pg_password, schema, qgis_app):
    """"the server stopped in the middle of a write (clear message, nothing partial left)" (issue 16)."""
    from landeval.core.errors import LandEvalError

    login = {"user": "le_writer", "password": pg_password}
    _write_frame(pg_uri, schema, "server_gone", pd.DataFrame({"pid": ["A"], "score": [1.0]}), **login)
    big = pd.DataFrame({"pid": [f"P{i}" for i in range(12000)], "score": [0.5] * 12000})
    with pytest.raises(LandEvalError) as failed:
        _write_frame(pg_uri, schema, "server_gone", big, feedback=_ServerGoneAfter(4, pg), replace=True, **login)
    message = str(failed.value)
    assert message.startswith(f"Writing the PostGIS table {schema}.server_gone on ")
    assert "Nothing was written and an existing table of that name was left as it was" in message
    assert pg_password not in message
    assert _rows(pg, schema, "server_gone") == 1
    assert not [t for t in _tables(pg, schema) if "landeval" in t]


def test_postgis_to_the_same_database_is_filled_on_the_server(pg_uri, schema, sample_in_pg, landeval_provider,
                                                              tmp_path, monkeypatch):
    """PostGIS parcels evaluated into the same database: the rows are made by the server (INSERT … SELECT joined
    with the COPYed results), with the same values, column by column, as through QGIS into a GeoPackage."""
    import processing

    from landeval.qgis_io import postgis

    filled = []
    real = postgis._fill_on_server

    def spy(*args):
        filled.append(real(*args))
        return filled[-1]

    monkeypatch.setattr(postgis, "_fill_on_server", spy)
    monkeypatch.setattr(postgis, "_RESULT_CHUNK", 700)  # the results go in three COPY chunks
    processing.run("landeval:evaluate", {**_sample_params(sample_in_pg),
                                         "OUTPUT": destination(pg_uri, schema, "on_server")})
    assert filled == [2000]
    out = str(tmp_path / "ev.gpkg")
    processing.run("landeval:evaluate", {**_sample_params(sample_in_pg), "OUTPUT": out})
    got = _frame(_postgis_layer(pg_uri, schema, "on_server"))
    expected = _frame(out)
    assert list(got.columns) == list(expected.columns)
    assert_same_results(got, expected)


def test_an_existing_table_is_refused_before_any_work(pg_uri, schema, sample_in_pg, evaluated_in_pg,
                                                      landeval_provider):
    """The dialog and qgis_process check the parameters before the run: an existing table (without replace=yes)
    is refused there, not after a long evaluation."""
    from qgis.core import QgsApplication, QgsProcessingContext

    algorithm = QgsApplication.processingRegistry().createAlgorithmById("landeval:evaluate")
    params = {**_sample_params(sample_in_pg), "OUTPUT": destination(pg_uri, schema, evaluated_in_pg)}
    ok, message = algorithm.checkParameterValues(params, QgsProcessingContext())
    assert not ok
    assert message.startswith(f"The PostGIS table {schema}.{evaluated_in_pg} already exists")
    params["OUTPUT"] = destination(pg_uri, schema, evaluated_in_pg, replace=True)
    assert algorithm.checkParameterValues(params, QgsProcessingContext())[0]
