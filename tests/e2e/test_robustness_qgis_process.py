"""landeval:robustness headless: the sample county is evaluated through qgis_process.bin with the jiangning preset,
then robustness runs on it through qgis_process.bin with its REPORT. What must hold whatever the data: every
parcel has p in 0–1 and the class its p gives; the counts match the layer; parcels whose status does not
depend on the score (a failed veto, 正在推进, 生态清退, 地方上报) have p = 1 and their reason; the output carries
its robust_class style (no desktop to style it); the report has the robustness section. Issue 14: "Runs from the
toolbox, the modeler and `qgis_process`; the report section ... work on the sample county"."""
from pathlib import Path

import pandas as pd
import pytest

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def robust(e2e, plugin_profile, tmp_path_factory):
    out = tmp_path_factory.mktemp("robust")
    run = e2e.runner(plugin_profile)
    evaluated = run("evaluate", {**e2e.sample_inputs(parks=False), "PRESET": "jiangning",
                                 "OUTPUT": out / "evaluated.gpkg"})
    results = run("robustness", {"INPUT": evaluated["OUTPUT"], "PRESET": "jiangning", "DRAWS": 300,
                                 "THRESHOLD_RANGE": "0.55,0.65", "OUTPUT": out / "robust.gpkg",
                                 "REPORT": out / "robust.html"})
    return results, e2e.read(results["OUTPUT"])


def test_every_parcel_has_its_probability_and_class(robust):
    results, t = robust
    assert len(t) == 2000
    assert t["p_inefficient"].between(0, 1).all()
    klass = pd.Series("contested", index=t.index).mask(t["p_inefficient"] >= 0.9, "robust_inefficient")
    klass = klass.mask(t["p_inefficient"] <= 0.1 + 1e-12, "robust_retained")
    assert (t["robust_class"] == klass).all()
    counts = t["robust_class"].value_counts()
    assert results["ROBUST_INEFFICIENT"] == counts.get("robust_inefficient", 0)
    assert results["CONTESTED"] == counts.get("contested", 0) > 0
    assert results["ROBUST_RETAINED"] == counts.get("robust_retained", 0)


def test_parcels_not_decided_by_the_score_are_certain(robust):
    _, t = robust
    vetoed = t["veto_failed"] == 1
    assert vetoed.any() and (t.loc[vetoed, "robust_reason"] == "veto").all()
    fixed = vetoed | t["category"].isin(["in_progress", "eco_exit", "reported"])
    assert (t.loc[fixed, "p_inefficient"] == 1.0).all()
    assert (t.loc[~vetoed & t["category"].eq("reported"), "robust_reason"] == "reported").all()
    scored = t["score"].notna() & ~fixed
    assert (t.loc[scored, "robust_reason"].fillna("") == "").all()
    assert (t.loc[scored, "rank_p05"] <= t.loc[scored, "rank_p95"]).all()


def test_output_carries_its_style_and_the_report_its_section(robust):
    import sqlite3

    results, _ = robust
    with sqlite3.connect(results["OUTPUT"]) as db:
        styles = [row[0] for row in db.execute("SELECT styleQML FROM layer_styles WHERE useAsDefault")]
    # qgis_process runs in English here: the legend in English (resources/styles/en/robust_class.qml).
    assert styles and 'attr="robust_class"' in styles[0] and "Robustly inefficient" in styles[0]
    page = Path(results["REPORT"]).read_text(encoding="utf-8")
    assert 'id="robustness"' in page and 'id="chart-tornado"' in page and 'id="sweep-table"' in page
