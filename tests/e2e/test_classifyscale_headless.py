"""classifyscale headless through qgis_process: OUTPUT_PARKS may be left out (issue 12 item 5), and the sample
county's Chinese park fields (园区类型, 园区级别, 工业用地占比) are found without naming them."""
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


def test_parcel_levels_without_naming_output_parks(e2e, plugin_profile, tmp_path):
    from osgeo import ogr

    out = tmp_path / "levels.gpkg"
    result = e2e.run_qgis_process(["run", "landeval:classifyscale", *e2e.param_args({
        "PARCELS": e2e.layer("parcels"), "PARKS": e2e.layer("parks"), "OUTPUT": str(out)})],
        plugin_profile)
    assert Path(result["results"]["OUTPUT"].split("|")[0]) == out
    assert not result["results"].get("OUTPUT_PARKS")
    ds = ogr.Open(str(out))
    levels = {}
    for feat in ds.GetLayer(0):
        levels[feat.GetField("level")] = levels.get(feat.GetField("level"), 0) + 1
    # The sample's parks: 国家级 经济技术开发区 (base), 省级 产业园区 and 市级 工业园区 (communities), 镇级 工业集中点
    # (block); parcels in no park are blocks.
    assert set(levels) == {"base", "community", "block"} and sum(levels.values()) == 2000
