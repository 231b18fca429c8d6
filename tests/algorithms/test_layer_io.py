"""layer_io: one-pass reading, encodings, areas; writer: writing through any Processing sink."""
import math

import numpy as np
import pandas as pd
import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsGeometry,
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsVectorLayer,
)

from landeval.algorithms.params import OutputSink
from landeval.qgis_io import layer_io, writer
from landeval.core.errors import LandEvalError


def memory_layer(geometry, crs, fields, rows):
    """rows: (wkt or None, [attributes]) pairs."""
    spec = "&".join(f"field={f}" for f in fields)
    layer = QgsVectorLayer(f"{geometry}?crs={crs}&{spec}", "t", "memory")
    feats = []
    for wkt, attrs in rows:
        f = QgsFeature(layer.fields())
        if wkt:
            f.setGeometry(QgsGeometry.fromWkt(wkt))
        f.setAttributes(attrs)
        feats.append(f)
    assert layer.dataProvider().addFeatures(feats)
    return layer


def test_read_only_requested_fields_with_nulls():
    layer = memory_layer("Polygon", "EPSG:4547", ["pid:string", "tax:double", "n:integer", "m:integer"], [
        ("POLYGON((0 0,10 0,10 10,0 10,0 0))", ["A", 1.5, 3, 1]),
        ("POLYGON((0 0,10 0,10 10,0 10,0 0))", ["B", None, 4, None]),
    ])
    table = layer_io.read_features(layer, ["tax", "pid", "n", "m"])
    assert list(table.frame.columns) == ["tax", "pid", "n", "m"]
    assert table.geometries is None
    assert table.frame["tax"].iloc[0] == 1.5 and math.isnan(table.frame["tax"].iloc[1])
    assert table.frame["n"].dtype == np.int64  # integer ids keep their type when nothing is NULL
    assert table.frame["m"].dtype == float and math.isnan(table.frame["m"].iloc[1])
    assert table.frame["pid"].tolist() == ["A", "B"]
    assert len(table.fids) == 2
    single = layer_io.read_features(layer, ["n"], geometry=True)
    assert single.frame["n"].tolist() == [3, 4] and len(single.geometries) == 2


def test_missing_field_names_the_field_and_lists_the_others():
    layer = memory_layer("Polygon", "EPSG:4547", ["pid:string"], [])
    with pytest.raises(LandEvalError, match=r"'宗地编号'.*pid"):
        layer_io.read_features(layer, ["宗地编号"], what="parcel layer")


def test_detect_encoding(tmp_path):
    text = "宗地编号,企业名称\nP1,甲公司\n"
    (tmp_path / "u.csv").write_bytes(text.encode("utf-8"))
    (tmp_path / "b.csv").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    (tmp_path / "g.csv").write_bytes(text.encode("gbk"))
    assert layer_io.detect_encoding(tmp_path / "u.csv") == "UTF-8"
    assert layer_io.detect_encoding(tmp_path / "b.csv") == "UTF-8"
    assert layer_io.detect_encoding(tmp_path / "g.csv") == "GB18030"
    (tmp_path / "bad.csv").write_bytes(b"\x80\xff\xfe\x81\x30")
    with pytest.raises(LandEvalError, match="neither UTF-8 nor GBK"):
        layer_io.detect_encoding(tmp_path / "bad.csv")


def test_measure_areas_repairs_and_reports(qgis_app):
    crs = QgsCoordinateReferenceSystem("EPSG:4547")
    geoms = [
        QgsGeometry.fromWkt("POLYGON((0 0,100 0,100 50,0 50,0 0))"),  # 5000 m²
        QgsGeometry.fromWkt("POLYGON((0 0,10 10,10 0,0 10,0 0))"),  # bow-tie: 2 triangles of 25 m²
        QgsGeometry(),
        QgsGeometry.fromWkt("MULTIPOLYGON(((0 0,10 0,10 10,0 10,0 0)),((20 0,30 0,30 10,20 10,20 0)))"),
    ]
    res = layer_io.measure_areas(geoms, crs, QgsProcessingContext())
    assert res.area_m2[0] == pytest.approx(5000)
    assert res.area_m2[1] == pytest.approx(50)
    assert math.isnan(res.area_m2[2])
    assert res.area_m2[3] == pytest.approx(200)
    assert res.repaired.tolist() == [1] and res.empty.tolist() == [2]


class _Copy(QgsProcessingAlgorithm):
    """A minimal algorithm that writes its input plus a result frame through writer.write_output."""

    frame = None

    def name(self):
        return "copy"

    def createInstance(self):
        return _Copy()

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource("INPUT", "in"))
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT", "out"))

    def processAlgorithm(self, parameters, context, feedback):
        source = self.parameterAsSource(parameters, "INPUT", context)
        frame, fids = layer_io.read_frame(source, [])
        dest = writer.write_output(OutputSink(self, parameters, "OUTPUT", context), context, source, _Copy.frame,
                                   fids, feedback)
        return {"OUTPUT": dest}


@pytest.mark.parametrize("dest", ["TEMPORARY_OUTPUT", "out.gpkg", "out.shp"])
def test_write_output_to_every_kind_of_sink(qgis_app, tmp_path, dest):
    layer = memory_layer("Polygon", "EPSG:4547", ["pid:string", "score:double"], [
        ("POLYGON((0 0,10 0,10 10,0 10,0 0))", ["A", 9.0]),
        ("MULTIPOLYGON(((0 0,1 0,1 1,0 1,0 0)),((5 5,6 5,6 6,5 6,5 5)))", ["B", 9.0]),
    ])
    _Copy.frame = pd.DataFrame({"score": [0.25, np.nan], "tier": ["A", None], "flag": [True, False],
                                "n": np.array([1, 2], dtype=np.int64)})
    alg = _Copy().create()
    context = QgsProcessingContext()
    target = dest if dest == "TEMPORARY_OUTPUT" else str(tmp_path / dest)
    results, ok = alg.run({"INPUT": layer, "OUTPUT": target}, context, QgsProcessingFeedback())
    assert ok
    out = context.getMapLayer(results["OUTPUT"]) if dest == "TEMPORARY_OUTPUT" else QgsVectorLayer(target)
    names = [f.name() for f in out.fields()]
    assert [n for n in names if n != "fid"] == ["pid", "score", "tier", "flag", "n"]  # score replaced in place
    feats = sorted(out.getFeatures(), key=lambda f: f["pid"])
    assert feats[0]["score"] == 0.25 and feats[0]["tier"] == "A" and feats[0]["flag"] == 1 and feats[0]["n"] == 1
    assert feats[1]["score"] in (None,) or feats[1]["score"].isNull()
    assert feats[1].geometry().isMultipart() and feats[1].geometry().area() == pytest.approx(2)
