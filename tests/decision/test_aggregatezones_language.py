"""Issue 13 (part G, step 3): landeval:aggregatezones writes its aliases in QGIS's language at the time of the
run, like every other output ("Data that a user sees and keeps — field aliases … — follow the locale at the time
of the run"). Two zones of three parcels, summarised by ZONE_FIELD, with the per-level table."""
import re

import numpy as np
import pandas as pd
from qgis.core import QgsVectorLayer

MU = 10000.0 / 15.0
CJK = re.compile(r"[\u4e00-\u9fff]")


def _aggregate(run, qgs, tmp_path, name):
    parcels = qgs.layer(pd.DataFrame({
        "parcel_id": ["p1", "p2", "p3"], "zone": ["Z1", "Z1", "Z2"], "level": ["base", "base", "block"],
        "area_m2": np.array([10.0, 30.0, 20.0]) * MU, "tier": ["A", "D", "B"],
        "inefficient": [0, 1, 0], "score": [0.9, 0.2, 0.7],
        "output_value": [100.0, 30.0, 60.0], "tax": [10.0, 3.0, 6.0],
    }), [qgs.square(100 * i, 0, 10) for i in range(3)])
    res = run("aggregatezones", {"INPUT": parcels, "ZONE_FIELD": "zone",
                                 "OUTPUT": str(tmp_path / f"{name}.gpkg"),
                                 "OUTPUT_LEVELS": str(tmp_path / f"{name}_levels.gpkg")})
    return (QgsVectorLayer(res["OUTPUT"], "zones", "ogr"), QgsVectorLayer(res["OUTPUT_LEVELS"], "levels", "ogr"))


def _aliases(layer):
    return {f.name(): layer.attributeAlias(i) for i, f in enumerate(layer.fields()) if layer.attributeAlias(i)}


def test_aggregatezones_in_english(run, qgs, tmp_path, qgis_locale):
    qgis_locale("en_US")
    zones, levels = _aggregate(run, qgs, tmp_path, "en")
    aliases = _aliases(zones)
    # resources/labels.yaml zones.field: n_parcels en "Parcels", n_inefficient en "Inefficient parcels".
    assert aliases["n_parcels"] == "Parcels" and aliases["n_inefficient"] == "Inefficient parcels"
    assert aliases["area_inefficient"] == "Inefficient area (mu)"
    assert not {k: v for k, v in aliases.items() if CJK.search(v)}
    assert _aliases(levels)["row"] == "Scope"
    assert not {k: v for k, v in _aliases(levels).items() if CJK.search(v)}


def test_aggregatezones_in_chinese(run, qgs, tmp_path, qgis_locale):
    qgis_locale("zh_CN")
    zones, levels = _aggregate(run, qgs, tmp_path, "zh")
    aliases = _aliases(zones)
    # The Chinese aliases as before: 宗地数, 低效面积(亩), A类（激励发展）宗地数, 范围.
    assert aliases["n_parcels"] == "宗地数" and aliases["area_inefficient"] == "低效面积(亩)"
    assert aliases["n_tier_A"] == "A类（激励发展）宗地数"
    assert _aliases(levels)["row"] == "范围"
