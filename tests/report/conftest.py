"""A small hand-made evaluated district: 8 × 6 square parcels of 200 m with known classes, written as a GeoPackage."""
import pytest

TIERS = "AABBBBCCCDT"  # repeated over the parcels: every tier, B most common
CATEGORIES = ("retained", "identified", "identified", "reported", "eco_exit", "in_progress", "retained")
TYPES = ("", "efficiency", "equity", "green", "quality", "safety", "")
LEVELS = ("base", "base", "community", "block")
DOUBLE_FIELDS = ("area_m2", "area_mu", "score", "plot_ratio")


def evaluated_rows(n=48):
    """Attribute rows of the test district; the tests recount them from the layer, never from this list."""
    rows = []
    for i in range(n):
        tier = TIERS[i % len(TIERS)]
        category = CATEGORIES[i % len(CATEGORIES)]
        inefficient = int(category in ("identified", "eco_exit") or tier == "D")
        score = round(0.25 + 0.6 * ((i * 7) % n) / n, 4)
        rows.append({
            "宗地编号": f"T{i + 1:03d}", "街镇": ("东湖街道", "南桥镇")[i % 2],
            "area_m2": 40000.0, "area_mu": 60.0, "score": None if i == 5 else score,
            "tier": tier, "category": category, "ineff_type": TYPES[i % len(TYPES)] if inefficient else "",
            "level": LEVELS[i % len(LEVELS)], "inefficient": inefficient, "review": int(0.6 <= score < 0.65),
            "veto_failed": int(i % 9 == 0), "veto_reasons": "legal_certificate" if i % 9 == 0 else "",
            "weakest": "tax_per_area;plot_ratio" if i % 2 else "output_per_area", "missing_count": i % 3,
            "n_enterprises": 0 if i % 8 == 0 else 1 + i % 3, "plot_ratio": None if i % 10 == 0 else 0.5 + i / 50,
        })
    return rows


def write_evaluated(path, rows, cols=8, size=200.0):
    from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransformContext, QgsFeature, QgsField,
                           QgsFields, QgsGeometry, QgsRectangle, QgsVectorFileWriter, QgsWkbTypes)
    from qgis.PyQt.QtCore import QVariant

    fields = QgsFields()
    for name, value in rows[0].items():
        if name in DOUBLE_FIELDS:
            kind = QVariant.Double
        else:
            kind = QVariant.String if isinstance(value, str) else QVariant.Int
        fields.append(QgsField(name, kind))
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = "evaluated"
    writer = QgsVectorFileWriter.create(str(path), fields, QgsWkbTypes.MultiPolygon,
                                        QgsCoordinateReferenceSystem("EPSG:4547"), QgsCoordinateTransformContext(),
                                        options)
    for i, row in enumerate(rows):
        x, y = 500000 + (i % cols) * size, 3450000 + (i // cols) * size
        feat = QgsFeature(fields)
        feat.setGeometry(QgsGeometry.fromRect(QgsRectangle(x, y, x + size, y + size)))
        feat.setAttributes(list(row.values()))
        writer.addFeature(feat)
    del writer
    return path


@pytest.fixture
def evaluated_layer(qgis_app, tmp_path):
    from qgis.core import QgsVectorLayer

    path = write_evaluated(tmp_path / "evaluated.gpkg", evaluated_rows())
    layer = QgsVectorLayer(f"{path}|layername=evaluated", "evaluated", "ogr")
    assert layer.isValid() and layer.featureCount() == 48
    return layer
