"""The demo end to end: qgis_process evaluates the sample county; the summary matches the files it wrote."""
import re
import subprocess
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_demo_writes_styled_gpkg_report_and_map(tmp_path):
    from osgeo import ogr

    proc = subprocess.run(["/usr/bin/python3", str(ROOT / "scripts" / "demo.py"), "--out", str(tmp_path)],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    out = proc.stdout
    gpkg = tmp_path / "sample_county_evaluated.gpkg"
    ds = ogr.Open(str(gpkg))
    layer = ds.GetLayer(0)
    tiers = Counter(f.GetField("tier") for f in layer)
    assert sum(tiers.values()) == 2000 and "2000 parcels evaluated in" in out
    for tier, n in tiers.items():
        assert re.search(rf"{tier}类.*? {tier}\s+{n}\s", out), tier
    styles = ds.GetLayerByName("layer_styles")
    assert styles is not None and styles.GetFeatureCount() >= 1  # opens styled anywhere
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert 'id="n-parcels">2,000<' in page and "jiangning" in page
    png = (tmp_path / "map.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 50000
    assert re.search(r"UNMATCHED_ENTERPRISES 6\d", out)  # the sample's unmatched firms are counted
