"""The robustness section of the report (core.report_robustness, no QGIS), recounted by hand from a small layer.

Issue 14: the section shows "the distribution of p, the contested parcels with their base score and interval,
a one-at-a-time chart (each element weight moved ± SPREAD: how many parcels change status — a tornado chart),
and the threshold sweep (inefficient count and area for thresholds 0.40–0.80)".
"""
import re

import numpy as np
import pandas as pd

from landeval.core.report_robustness import robustness_sections

# Five parcels of 10, 20, 30, 40 and 50 亩. A fails a veto (score 0.9, always inefficient), B is 地方上报,
# C scores 0.45, D 0.62 (contested, p 0.4), E 0.85.
FRAME = pd.DataFrame({
    "parcel_id": list("ABCDE"), "area_mu": [10.0, 20.0, 30.0, 40.0, 50.0],
    "score": [0.9, 0.7, 0.45, 0.62, 0.85], "veto_failed": [1, 0, 0, 0, 0],
    "category": ["identified", "reported", "identified", "retained", "retained"],
    "p_inefficient": [1.0, 1.0, 0.97, 0.4, 0.0],
    "robust_class": ["robust_inefficient", "robust_inefficient", "robust_inefficient", "contested", "robust_retained"],
    "score_p05": [np.nan, np.nan, 0.41, 0.57, 0.8], "score_p95": [np.nan, np.nan, 0.5, 0.66, 0.9],
    "rank_p05": [1, 3, 5, 3, 1], "rank_p95": [2, 4, 5, 4, 2],
})
TORNADO = pd.DataFrame({"element": ["land", "econ"], "zh": ["土地利用", "经济效益"], "en": ["Land use", "Economy"],
                        "weight": [0.4, 0.6], "down": [2, 0], "up": [1, 3]})


def _page():
    sections = robustness_sections(FRAME, "mu", {"tornado": TORNADO, "settings": {
        "method": "dirichlet", "spread": 0.2, "draws": 1000, "seed": 1, "confidence": 0.9, "threshold": 0.6}})
    assert [(anchor, title) for anchor, title, _ in sections] == [("robustness", "识别结果稳健性")]
    return sections[0][2]


def _row(page, table_id, key):
    table = re.search(f'<table class="[a-z]+" id="{table_id}">(.*?)</table>', page).group(1)
    row = re.search(f'{key}(.*?)</tr>', table).group(1)
    return re.findall(r"<td[^>]*>([^<]*)<", row)


def test_counts_per_class_with_areas():
    page = _page()
    # robust_inefficient: A, B, C = 3 parcels, 10 + 20 + 30 = 60 亩; contested D 40; retained E 50.
    # Shares: 3 of 5 parcels = 60.0 %, 60 of 150 亩 = 40.0 %.
    assert _row(page, "by-robust_class", "稳健低效")[1:5] == ["3", "60.0%", "60.0", "40.0%"]
    assert _row(page, "by-robust_class", "存疑")[1:4] == ["1", "20.0%", "40.0"]


def test_threshold_sweep_by_hand():
    page = _page()
    # At 0.40: A (veto) and B (reported) only: 2 parcels, 30 亩. At 0.50 C (0.45) joins: 3, 60.
    # At 0.65 D (0.62) joins: 4, 100. E (0.85) never (the sweep stops at 0.80).
    assert _row(page, "sweep-table", 'data-threshold="0.40"')[:3] == ["0.40", "2", "30.0"]
    assert _row(page, "sweep-table", 'data-threshold="0.50"')[:3] == ["0.50", "3", "60.0"]
    assert _row(page, "sweep-table", 'data-threshold="0.65"')[:3] == ["0.65", "4", "100.0"]
    assert _row(page, "sweep-table", 'data-threshold="0.80"')[:3] == ["0.80", "4", "100.0"]


def test_contested_list_and_tornado():
    page = _page()
    assert re.search(r'id="n-contested">1<', page)
    cells = _row(page, "contested-table", "<td>D</td>")
    assert cells[:1] == ["40.0"] and cells[1:4] == ["0.620", "0.570", "0.660"]
    assert _row(page, "tornado-table", 'data-element="econ"')[-2:] == ["0", "3"]
    assert 'id="chart-tornado"' in page and 'id="chart-p"' in page
    assert "狄利克雷 Dirichlet" in page


def test_no_section_without_the_fields():
    assert robustness_sections(FRAME.drop(columns=["p_inefficient"]), "mu") == []
