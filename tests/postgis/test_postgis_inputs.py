"""Issue 16, inputs: "every algorithm takes PostGIS tables and views wherever it takes a layer (parcels;
enterprises as a table without geometry; red line, boundary, POIs, parks), through QGIS's postgres provider …
honouring a layer's filter (subset string)"."""
import pandas as pd
import pytest

from .conftest import SAMPLE


def _frame(layer):
    """Attributes of a QGIS layer (or URI of a GeoPackage output) keyed by 宗地编号, plus each geometry's area."""
    from qgis.core import QgsVectorLayer
    from qgis.PyQt.QtCore import QVariant

    if isinstance(layer, str):
        layer = QgsVectorLayer(layer, "out", "ogr")
    assert layer.isValid()
    names = layer.fields().names()
    def plain(value):  # QGIS's NULL (a null QVariant) as None
        return None if isinstance(value, QVariant) and value.isNull() else value

    rows = [[plain(f[n]) for n in names] + [f.geometry().area()] for f in layer.getFeatures()]
    frame = pd.DataFrame(rows, columns=names + ["_area"]).set_index("宗地编号").sort_index()
    return frame.drop(columns=[c for c in ("fid", "ogc_fid") if c in frame.columns])


def _sample_params(uris):
    return {"PARCELS": uris["parcels"], "PARCEL_ID": "宗地编号", "ENTERPRISES": uris["enterprises"],
            "ENTERPRISE_PARCEL_ID": "宗地编号", "ECO_REDLINE": uris["eco_redline"],
            "DEV_BOUNDARY": uris["dev_boundary"], "POIS": uris["pois"], "PARKS": uris["parks"],
            "ZONE_TYPE_FIELD": "园区类型", "SHARE_FIELD": "工业用地占比", "PRESET": "jiangning"}


def _gpkg_params():
    gpkg = SAMPLE / "sample_county.gpkg"
    uris = {name: f"{gpkg}|layername={name}" for name in ("parcels", "eco_redline", "dev_boundary", "pois", "parks")}
    return _sample_params({**uris, "enterprises": str(SAMPLE / "enterprises.csv")})


def assert_same_results(got, expected):
    """Column by column, the same values (numbers within 1e-9 relative: the server and QGIS may add a polygon's
    shoelace terms in another order)."""
    assert list(got.index) == list(expected.index)
    for column in expected.columns:
        assert column in got.columns, column
        a, b = got[column], expected[column]
        numbers = pd.to_numeric(b, errors="coerce")
        if b.notna().any() and numbers.notna().sum() == b.notna().sum():  # a numeric column, NULLs and all
            pd.testing.assert_series_equal(a.astype(float), b.astype(float), check_exact=False, rtol=1e-9,
                                           check_names=False)
        else:
            assert a.astype(str).tolist() == b.astype(str).tolist(), column


@pytest.fixture(scope="module")
def from_geopackage(landeval_provider, tmp_path_factory):
    import processing

    out = str(tmp_path_factory.mktemp("gpkg") / "ev.gpkg")
    processing.run("landeval:evaluate", {**_gpkg_params(), "OUTPUT": out})
    return _frame(out)


def test_sample_county_from_postgis_evaluates_as_from_the_geopackage(sample_in_pg, from_geopackage, tmp_path):
    """Every input of evaluate read from PostGIS (the enterprises a table without geometry) gives the same
    output, column by column, as the sample county's GeoPackage and GBK CSV."""
    import processing

    out = str(tmp_path / "ev.gpkg")
    processing.run("landeval:evaluate", {**_sample_params(sample_in_pg), "OUTPUT": out})
    got = _frame(out)
    assert len(got) == 2000
    assert_same_results(got, from_geopackage)


def test_a_subset_string_of_a_postgis_layer_is_honoured(sample_in_pg, landeval_provider, tmp_path):
    """A filtered PostGIS layer of the project evaluates only the parcels its filter shows."""
    import processing
    from qgis.core import QgsProject, QgsVectorLayer

    layer = QgsVectorLayer(sample_in_pg["parcels"][len("postgres://"):], "parcels", "postgres")
    assert layer.isValid()
    assert layer.setSubsetString("\"宗地编号\" < '320115001GB00100'")
    QgsProject.instance().addMapLayer(layer)
    try:
        wanted = sorted(f["宗地编号"] for f in layer.getFeatures())
        assert 0 < len(wanted) < 2000
        out = str(tmp_path / "ev.gpkg")
        processing.run("landeval:evaluate", {**_sample_params(sample_in_pg), "PARCELS": layer.id(), "OUTPUT": out})
        assert sorted(_frame(out).index) == wanted
    finally:
        QgsProject.instance().removeMapLayer(layer.id())


def _no_overlays(params):
    return {k: v for k, v in params.items() if k not in ("ECO_REDLINE", "DEV_BOUNDARY", "POIS", "PARKS",
                                                         "ZONE_TYPE_FIELD", "SHARE_FIELD")}


def test_areas_are_measured_on_the_server_with_the_same_results(sample_in_pg, landeval_provider, tmp_path,
                                                                monkeypatch):
    """"Large reads go through SQL on the server: … areas by `ST_Area` in the database" (issue 16). Without
    overlays evaluate needs no parcel geometry, so the PostGIS server measures the areas (as SQLite does for a
    GeoPackage); the results are the GeoPackage's, column by column."""
    import processing

    from landeval.qgis_io import postgis

    measured = []
    real = postgis.server_areas

    def spy(pg):
        found = real(pg)
        measured.append(None if found is None else len(found[0]))
        return found

    monkeypatch.setattr(postgis, "server_areas", spy)
    expected = str(tmp_path / "from_file.gpkg")
    processing.run("landeval:evaluate", {**_no_overlays(_gpkg_params()), "OUTPUT": expected})
    assert measured == []  # a GeoPackage source never asks the server
    out = str(tmp_path / "pg.gpkg")
    processing.run("landeval:evaluate", {**_no_overlays(_sample_params(sample_in_pg)), "OUTPUT": out})
    assert measured == [2000]
    assert_same_results(_frame(out), _frame(expected))


def test_server_areas_honour_the_layer_filter(sample_in_pg, qgis_app):
    from qgis.core import QgsVectorLayer

    from landeval.qgis_io.postgis import server_areas
    from landeval.qgis_io.sources import postgis_source

    layer = QgsVectorLayer(sample_in_pg["parcels"][len("postgres://"):], "parcels", "postgres")
    assert layer.setSubsetString("\"宗地编号\" < '320115001GB00100'")
    shown = {f.id(): f.geometry().area() for f in layer.getFeatures()}
    fids, area, ok = server_areas(postgis_source(layer))
    assert sorted(fids.tolist()) == sorted(shown)
    for fid, value, valid in zip(fids.tolist(), area.tolist(), ok.tolist()):
        if valid:
            assert value == pytest.approx(shown[fid], rel=1e-9)
