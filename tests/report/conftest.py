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


# --- decision support: the same district run through the four decision algorithms -----------------------------
def earlier_round_rows():
    """An earlier round of the district: some tiers one step better or worse than now, T003 and T010 not yet
    there, two parcels (T049, T050) that have gone since."""
    order = "ABCD"
    rows = []
    for i, row in enumerate(evaluated_rows()):
        if i in (2, 9):
            continue
        tier = row["tier"]
        if tier in order and i % 5 == 0:
            tier = order[min(order.index(tier) + 1, 3)]  # was worse: improved since
        elif tier in order and i % 7 == 1:
            tier = order[max(order.index(tier) - 1, 0)]  # was better: worsened since
        rows.append(dict(row, tier=tier))
    gone = dict(evaluated_rows()[0])
    rows += [dict(gone, 宗地编号="T049", tier="D"), dict(gone, 宗地编号="T050", tier="C", category="identified")]
    return rows


def write_parks(path):
    """A base west of the district (东湖街道) and a community north-east of it (南桥镇), EPSG:4547."""
    from qgis.core import QgsCoordinateTransformContext, QgsFeature, QgsGeometry, QgsVectorFileWriter, QgsVectorLayer

    layer = QgsVectorLayer("Polygon?crs=EPSG:4547&field=园区名称:string&field=level:string&field=所属街镇:string",
                           "parks", "memory")
    for name, level, town, wkt in (
            ("西区基地", "base", "东湖街道", "POLYGON((498000 3450000,499500 3450000,499500 3451500,498000 3451500,"
                                         "498000 3450000))"),
            ("北岸社区", "community", "南桥镇", "POLYGON((502000 3451400,502800 3451400,502800 3452000,"
                                          "502000 3452000,502000 3451400))")):
        feat = QgsFeature(layer.fields())
        feat.setAttributes([name, level, town])
        feat.setGeometry(QgsGeometry.fromWkt(wkt))
        layer.dataProvider().addFeature(feat)
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    QgsVectorFileWriter.writeAsVectorFormatV3(layer, str(path), QgsCoordinateTransformContext(), options)
    return str(path)


@pytest.fixture(scope="module")
def decision_outputs(landeval_provider, tmp_path_factory):
    """Paths (suggestpaths on the district), two evaluations (land price as the only value indicator), the
    comparison with the earlier round and the renewal scenarios, each written as a GeoPackage."""
    import processing

    d = tmp_path_factory.mktemp("decision")
    rows = [dict(r, 基准地价=800 + (i * 37) % 500) for i, r in enumerate(evaluated_rows())]
    now = f"{write_evaluated(d / 'now.gpkg', rows)}|layername=evaluated"
    before = f"{write_evaluated(d / 'before.gpkg', earlier_round_rows())}|layername=evaluated"
    parks = write_parks(d / "parks.gpkg")
    out = {"now": now, "before": before}
    # LANGUAGE 0 (Chinese): the texts these outputs carry are the Chinese ones the report tests quote.
    out["paths"] = processing.run("landeval:suggestpaths", {"INPUT": now, "LANGUAGE": 0,
                                                            "OUTPUT": str(d / "paths.gpkg")})["OUTPUT"]
    two = processing.run("landeval:twoevaluations", {
        "INPUT": now, "LANGUAGE": 0, "LAND_PRICE_FIELD": "基准地价", "OUTPUT": str(d / "two.gpkg"),
        "OUTPUT_LIST": str(d / "abcd.gpkg")})
    out.update(two=two["OUTPUT"], abcd=two["OUTPUT_LIST"])
    rounds = processing.run("landeval:comparerounds", {
        "EARLIER": before, "LATER": now, "ID_FIELD": "宗地编号", "OUTPUT": str(d / "rounds.gpkg"),
        "OUTPUT_TIER_MATRIX": str(d / "tiers.gpkg"), "OUTPUT_CATEGORY_MATRIX": str(d / "categories.gpkg")})
    out.update(rounds=rounds["OUTPUT"], tier_matrix=rounds["OUTPUT_TIER_MATRIX"],
               category_matrix=rounds["OUTPUT_CATEGORY_MATRIX"])
    scenarios = processing.run("landeval:renewalscenarios", {
        "INPUT": now, "PARKS": parks, "PARK_NAME_FIELD": "园区名称", "TOWN_FIELD": "街镇", "PARK_TOWN_FIELD": "所属街镇",
        "OUTPUT": str(d / "scenario_parcels.gpkg"), "OUTPUT_LINES": str(d / "moves.gpkg"),
        "OUTPUT_TABLE": str(d / "scenarios.gpkg")})
    out["scenarios"] = scenarios["OUTPUT_TABLE"]
    out["dir"] = d
    return out
