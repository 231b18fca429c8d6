"""A hand-made district shared by the decision tests (no QGIS): three parks and six parcels.

    y
 9000 |                                                        P6 (T3)
      |
 4000 |   P4 (T1)
 3300 | [C2 community, T1: 0..300 × 3000..3300]
      |
 2000 |                                              P3 (T2)
 1200 |                        P5 (T2)
 1000 | [B1 base, T1: 0..1000 × 0..1000]   P2 (T1)
  500 |   P1 inside B1                     [C1 community, T2: 5000..5500 × 0..500]
      +-----------------------------------------------------------------------------> x
"""
import numpy as np
import pandas as pd
import pytest

MU = 10000.0 / 15.0


def square(x0, y0, x1, y1):
    """Boundary of an axis-parallel rectangle as four segments (x0, y0, x1, y1)."""
    corners = [(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)]
    return np.array([[*corners[i], *corners[i + 1]] for i in range(4)], dtype=float)


def parks():
    table = pd.DataFrame({"name": ["B1", "C1", "C2"], "level": ["base", "community", "community"],
                          "town": ["T1", "T2", "T1"]})
    rings = [square(0, 0, 1000, 1000), square(5000, 0, 5500, 500), square(0, 3000, 300, 3300)]
    segments = np.vstack(rings)
    owners = np.repeat(np.arange(3), 4)
    return table, segments, owners


def parcels():
    return pd.DataFrame({
        "parcel_id": ["P1", "P2", "P3", "P4", "P5", "P6"],
        "x": [500.0, 1500.0, 5250.0, 150.0, 2500.0, 9000.0],
        "y": [500.0, 500.0, 2000.0, 4000.0, 1200.0, 9000.0],
        "area_m2": np.array([100, 6, 15, 3, 9, 1.5]) * MU,
        "level": ["base", "block", "block", "block", "block", "block"],
        "town": ["T1", "T1", "T2", "T1", "T2", "T3"],
        "inside_dev_boundary": [1, 1, 0, 0, 0, 0],
        "inefficient": [0, 0, 1, 0, 1, 1],
        "floor_area": [np.nan, 6000.0, np.nan, np.nan, 3000.0, 1000.0],
        "plot_ratio": [np.nan, np.nan, 0.5, np.nan, np.nan, np.nan],
        "output_value": [2000.0, 60.0, 30.0, 10.0, 18.0, 3.0],
        "tax": [200.0, 6.0, 3.0, 1.0, 2.0, 0.3],
    })


@pytest.fixture
def district_parcels():
    return parcels()


@pytest.fixture
def district_parks():
    from landeval.core.decision.scenarios import Destinations

    return Destinations(*parks())


def memory_layer(df, wkts, crs="EPSG:4547", kind="Polygon", name="parcels"):
    """A QGIS memory layer with the columns of `df` (text, integer or real) and one WKT geometry per row."""
    from qgis.core import QgsFeature, QgsField, QgsGeometry, QgsProject, QgsVectorLayer
    from qgis.PyQt.QtCore import QVariant

    layer = QgsVectorLayer(f"{kind}?crs={crs}", name, "memory")
    fields = []
    for col in df.columns:
        dtype = df[col].dtype
        qtype = QVariant.Double if dtype.kind == "f" else QVariant.LongLong if dtype.kind in "iu" else QVariant.String
        fields.append(QgsField(col, qtype))
    layer.dataProvider().addAttributes(fields)
    layer.updateFields()
    feats = []
    for (_, row), wkt in zip(df.iterrows(), wkts):
        f = QgsFeature(layer.fields())
        f.setAttributes([None if (isinstance(v, float) and np.isnan(v)) or v is None else
                         (v.item() if hasattr(v, "item") else v) for v in row.tolist()])
        f.setGeometry(QgsGeometry.fromWkt(wkt))
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    # In the project, so that field parameters of its child fields can be checked against it.
    QgsProject.instance().addMapLayer(layer)
    return layer


def square_wkt(x, y, half):
    return f"POLYGON(({x - half} {y - half},{x + half} {y - half},{x + half} {y + half},{x - half} {y + half},{x - half} {y - half}))"


def read_layer(path, layer_name=None):
    """Attributes of an output layer as a DataFrame (plus the layer itself)."""
    from qgis.core import QgsVectorLayer

    uri = f"{path}|layername={layer_name}" if layer_name else str(path)
    layer = QgsVectorLayer(uri, "out", "ogr")
    assert layer.isValid(), uri
    names = layer.fields().names()
    rows = [[None if v is None or (hasattr(v, "isNull") and v.isNull()) else v for v in f.attributes()]
            for f in layer.getFeatures()]
    return pd.DataFrame(rows, columns=names), layer


@pytest.fixture
def qgs(landeval_provider):
    """Helpers for the algorithm tests: build memory layers, make square WKTs, read outputs."""
    from types import SimpleNamespace

    return SimpleNamespace(layer=memory_layer, square=square_wkt, read=read_layer)


@pytest.fixture
def run(landeval_provider):
    """run("suggestpaths", {...}) → processing.run("landeval:suggestpaths", {...})."""
    import processing  # importable once pytest-qgis' qgis_processing fixture has run

    return lambda alg_id, params, **kw: processing.run(f"landeval:{alg_id}", params, **kw)


@pytest.fixture
def rounds():
    """Two evaluation rounds of the same district (see test_monitoring.py for the expected changes)."""
    old = pd.DataFrame({
        "parcel_id": ["P1", "P2", "P3", "P4", "P5", "P6"],
        "tier": ["A", "B", "C", "D", "T", "C"],
        "category": ["retained", "retained", "identified", "identified", "retained", "reported"],
        "score": [0.9, 0.7, 0.5, 0.2, np.nan, 0.55],
        "inefficient": [0, 0, 1, 1, 0, 1],
    })
    new = pd.DataFrame({
        "parcel_id": ["P7", "P5", "P4", "P3", "P2", "P1"],
        "tier": ["A", "C", "D", "B", "B", "B"],
        "category": ["retained", "identified", "in_progress", "retained", "retained", "retained"],
        "score": [0.95, 0.45, 0.25, 0.65, 0.75, 0.8],
        "inefficient": [0, 1, 1, 0, 0, 0],
    })
    return old, new
