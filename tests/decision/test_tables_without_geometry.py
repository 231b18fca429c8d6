"""Issue 13 (part G, step 4): persistence and comparerounds on rounds given as tables without geometry (an
attribute table exported from a register, a CSV loaded as a layer). The output has no geometry either, so the
map style (a QML for polygons) cannot apply; the run must still succeed with aliases and value maps set."""
import pandas as pd


def table_layer(df, name):
    """A memory layer without geometry ("None") holding the columns of `df` as text or integers."""
    from qgis.core import QgsFeature, QgsField, QgsProject, QgsVectorLayer
    from qgis.PyQt.QtCore import QVariant

    layer = QgsVectorLayer("None", name, "memory")
    layer.dataProvider().addAttributes([QgsField(c, QVariant.LongLong if df[c].dtype.kind in "iu" else QVariant.String)
                                        for c in df.columns])
    layer.updateFields()
    feats = []
    for row in df.itertuples(index=False):
        f = QgsFeature(layer.fields())
        f.setAttributes([v.item() if hasattr(v, "item") else v for v in row])
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    QgsProject.instance().addMapLayer(layer)
    return layer


def read(path):
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(path, "out", "ogr")
    assert layer.isValid(), path
    return layer


def test_persistence_of_tables_without_geometry(run, tmp_path):
    # P1 is inefficient in each of the three rounds, P2 only in the last: with N = 3 only P1 persists
    # (SPEC §3.12: "Cities commonly act only on persistence (e.g. low output three years in a row)").
    rounds = [table_layer(pd.DataFrame({"parcel_id": ["P1", "P2"], "inefficient": f}), f"r{n}")
              for n, f in enumerate([[1, 0], [1, 0], [1, 1]])]
    out = run("persistence", {"ROUNDS": rounds, "N": 3, "OUTPUT": str(tmp_path / "persistence.gpkg")})["OUTPUT"]
    layer = read(out)
    assert not layer.isSpatial()
    got = {f["parcel_id"]: f["persistent"] for f in layer.getFeatures()}
    assert got == {"P1": 1, "P2": 0}
    # The aliases are still set (English suite: the English label of `persistent`).
    assert layer.attributeAlias(layer.fields().lookupField("persistent"))


def test_comparerounds_of_tables_without_geometry(run, tmp_path, rounds):
    old, new = rounds
    res = run("comparerounds", {"EARLIER": table_layer(old, "r2023"), "LATER": table_layer(new, "r2024"),
                                "OUTPUT": str(tmp_path / "changes.gpkg"),
                                "OUTPUT_TIER_MATRIX": str(tmp_path / "tiers.gpkg"),
                                "OUTPUT_CATEGORY_MATRIX": str(tmp_path / "categories.gpkg")})
    layer = read(res["OUTPUT"])
    assert not layer.isSpatial()
    # The changes worked out in test_monitoring.py: P1 A → B worsened, P3 C → B improved, P6 disappeared.
    got = {f["parcel_id"]: f["change"] for f in layer.getFeatures()}
    assert got["P1"] == "worsened" and got["P3"] == "improved" and got["P6"] == "disappeared"
    # `change` keeps its value map although no style could be drawn.
    setup = layer.editorWidgetSetup(layer.fields().lookupField("change"))
    assert setup.type() == "ValueMap"
