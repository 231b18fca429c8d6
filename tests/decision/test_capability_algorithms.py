"""The capability algorithms of issue 12 through processing.run on small hand-made layers (Chinese headers as a
parcel table carries them); the numbers are worked out in tests/core/test_potential_contracts.py and
tests/decision/test_persistence.py, which quote the sources."""
import sqlite3

import numpy as np
import pandas as pd
import pytest

MU = 10000.0 / 15.0


def gpkg(tmp_path, name):
    return str(tmp_path / f"{name}.gpkg")


def stored_qml(out):
    with sqlite3.connect(out.split("|")[0]) as db:
        (qml,) = db.execute("select styleQML from layer_styles where useAsDefault").fetchone()
    return qml


def test_potentialclasses(run, qgs, tmp_path):
    # County paper, line 78: "approved but un-supplied ..., supplied but undeveloped ..., underutilized
    # industrial land in urban areas, and underutilized industrial land in rural areas".
    df = pd.DataFrame({
        "宗地编号": ["A", "B", "C", "D", "E"],
        "供地状态": ["未供", "已供", "已供", "已供", "已供"],
        "开发利用状态": [None, "未开工", "已竣工", "已竣工", "已竣工"],
        "inefficient": [0, 0, 1, 1, 0],
        "inside_dev_boundary": [1, 1, 1, 0, 0],
        "area_m2": np.array([10.0, 20, 30, 40, 50]) * MU,
    })
    layer = qgs.layer(df, [qgs.square(1000 * i, 0, 50) for i in range(5)])
    out = run("potentialclasses", {"INPUT": layer, "LANGUAGE": 0, "OUTPUT": gpkg(tmp_path, "potential")})["OUTPUT"]
    table, _ = qgs.read(out)
    assert dict(zip(table["宗地编号"], table["potential"])) == {
        "A": "approved_unsupplied", "B": "supplied_undeveloped", "C": "underused_urban", "D": "underused_rural",
        "E": None}
    assert list(table["land_stage"]) == ["approved", "supplied", "built", "built", "built"]
    qml = stored_qml(out)
    assert 'attr="potential"' in qml and "批而未供" in qml and "潜力类型" in qml


def test_potentialclasses_names_an_unknown_status(run, qgs):
    from qgis.core import QgsProcessingException

    layer = qgs.layer(pd.DataFrame({"建设状态": ["停工待定"], "inefficient": [1]}), [qgs.square(0, 0, 10)])
    with pytest.raises(QgsProcessingException, match="停工待定"):
        run("potentialclasses", {"INPUT": layer, "OUTPUT": "memory:"})


def test_checkcontracts_and_a_veto_on_its_result(run, qgs, tmp_path):
    # Jiangning paper, lines 593–597: 双合同监管 … 在项目竣工、达产、正常运营与使用年期到期前，开展投入、产出、过程与续期评估.
    # 50 亩 parcels: output 30 000 万元 = 600 万元/亩 against a contract of 800 (达产 passed) → gap −200.
    df = pd.DataFrame({
        "宗地编号": ["met", "short", "early"],
        "合同亩均产值": [500.0, 800.0, 800.0],
        "合同投资强度": [300.0, 300.0, 300.0],
        "约定竣工日期": ["2021-06-30", "2021-06-30", "2026-06-30"],
        "约定达产日期": ["2022-06-30", "2022-06-30", "2027-06-30"],
        "实际竣工日期": ["2021-05-01", "2021-05-01", None],
        "总产值": [30000.0, 30000.0, 0.0],
        "固定资产投资": [20000.0, 20000.0, 1000.0],
        "area_m2": np.array([50.0, 50, 50]) * MU,
    })
    layer = qgs.layer(df, [qgs.square(1000 * i, 0, 50) for i in range(3)])
    out = run("checkcontracts", {"INPUT": layer, "EVAL_DATE": "2024年12月31日",
                                 "OUTPUT": gpkg(tmp_path, "contracts")})["OUTPUT"]
    table, _ = qgs.read(out)
    t = table.set_index("宗地编号")
    assert list(t["contract_stage"]) == ["operation", "operation", "construction"]
    assert t.loc["short", "gap_output"] == pytest.approx(-200)
    assert t.loc["met", "gap_output"] == pytest.approx(100)
    assert t.loc["met", "gap_investment"] == pytest.approx(400 - 300)
    assert list(t["contract_breach"]) == [0, 1, 0]
    assert t.loc["short", "contract_shortfalls"] == "output"
    assert 'attr="contract_breach"' in stored_qml(out)

    # The breach is an ordinary field: a rule file can make it a veto (Jiangning's 是否按照合同约定履行).
    rules = tmp_path / "rules.yaml"
    rules.write_text("vetoes:\n  - {id: contract, label: {zh: 未履行合同, en: Contract breached}, "
                     "when: {field: contract_breach, is: yes}}\n", encoding="utf-8")
    vetoed = run("checkvetoes", {"INPUT": out, "RULE_SET": str(rules), "OUTPUT": gpkg(tmp_path, "vetoed")})["OUTPUT"]
    v, _ = qgs.read(vetoed)
    assert dict(zip(v["宗地编号"], v["veto_failed"])) == {"met": 0, "short": 1, "early": 0}
    assert v.set_index("宗地编号").loc["short", "veto_reasons"] == "contract"

    # Or straight into the jiangning preset's own veto 是否按照合同约定履行 (contract_fulfilled).
    out2 = run("checkcontracts", {"INPUT": layer, "EVAL_DATE": "2024-12-31", "SET_VETO_FIELD": True,
                                  "OUTPUT": gpkg(tmp_path, "contracts2")})["OUTPUT"]
    vetoed = run("checkvetoes", {"INPUT": out2, "PRESET": "jiangning", "OUTPUT": gpkg(tmp_path, "jn")})["OUTPUT"]
    j = qgs.read(vetoed)[0].set_index("宗地编号")
    assert list(j["contract_fulfilled"]) == [1, 0, 1]
    assert "contract_fulfilled" in j.loc["short", "veto_reasons"].split(";")
    assert "contract_fulfilled" not in str(j.loc["met", "veto_reasons"]).split(";")


def test_persistence(run, qgs, tmp_path):
    # Four yearly rounds as layers (the rounds of test_persistence.py), ids under the header 宗地编号: P1 is
    # inefficient every year, P2 the last three, P3 in 2021, 2022 and 2024, P4 since 2023.
    ids = [["P1", "P2", "P3"], ["P1", "P2", "P3"], ["P1", "P2", "P3", "P4"], ["P1", "P2", "P3", "P4"]]
    flags = [[1, 0, 1], [1, 1, 1], [1, 1, 0, 1], [1, 1, 1, 1]]
    layers = [qgs.layer(pd.DataFrame({"宗地编号": i, "inefficient": f}),
                        [qgs.square(100 * k, 0, 40) for k in range(len(i))], name=f"r{2021 + n}")
              for n, (i, f) in enumerate(zip(ids, flags))]
    out = run("persistence", {"ROUNDS": layers, "ID_FIELD": "宗地编号", "N": 3, "NAMES": "2021,2022,2023,2024",
                              "OUTPUT": gpkg(tmp_path, "persistence")})["OUTPUT"]
    table, _ = qgs.read(out)
    t = table.set_index("宗地编号")
    assert dict(t["persistent"]) == {"P1": 1, "P2": 1, "P3": 0, "P4": 0}
    assert dict(t["history"]) == {"P1": "1111", "P2": "0111", "P3": "1101", "P4": "--11"}
    assert dict(t["streak"]) == {"P1": 4, "P2": 3, "P3": 1, "P4": 2}
    assert 'attr="persistent"' in stored_qml(out)


def test_persistence_asks_for_enough_rounds(run, qgs):
    from qgis.core import QgsProcessingException

    layers = [qgs.layer(pd.DataFrame({"parcel_id": ["P"], "inefficient": [1]}), [qgs.square(0, 0, 10)],
                        name=f"r{n}") for n in range(2)]
    with pytest.raises(QgsProcessingException, match="N = 3 rounds asked for but 2 given"):
        run("persistence", {"ROUNDS": layers, "OUTPUT": "memory:"})


def test_aggregatezones_table2(run, qgs, tmp_path):
    # The district of tests/core/test_zone_table2.py as layers: bases B1 (two parcels) and B2, community C1,
    # one parcel in no zone; areas in km² as Table 2 quotes them. County paper, line 143: "By benchmarking
    # against other districts in the same city or the national level".
    km2 = 1.0e6
    parcels = qgs.layer(pd.DataFrame({
        "parcel_id": ["p1", "p2", "p3", "p4", "p5"],
        "area_m2": np.array([1.0, 1, 2, 1, 4]) * km2, "area_km2": [1.0, 1, 2, 1, 4],
        "output_value": [300.0, 100, 200, 50, 50], "tax": [30.0, 10, 60, 5, 5],
    }), [qgs.square(x, 0, 10) for x in (100, 200, 1100, 2100, 9000)])
    zones = qgs.layer(pd.DataFrame({"name": ["B1", "B2", "C1"], "level": ["base", "base", "community"]}),
                      ["POLYGON((0 -500,500 -500,500 500,0 500,0 -500))",
                       "POLYGON((1000 -500,1500 -500,1500 500,1000 500,1000 -500))",
                       "POLYGON((2000 -500,2500 -500,2500 500,2000 500,2000 -500))"], name="zones")
    refs = tmp_path / "refs.csv"
    refs.write_text("名称,地均产值,地均税收\n全省,100,20\n", encoding="utf-8")
    res = run("aggregatezones", {"INPUT": parcels, "ZONES": zones, "ZONE_LEVEL_FIELD": "level",
                                 "REFERENCES": str(refs), "OUTPUT": gpkg(tmp_path, "zones"),
                                 "OUTPUT_LEVELS": gpkg(tmp_path, "levels")})
    table, _ = qgs.read(res["OUTPUT"])
    z = table.set_index("name")
    assert z.loc["B1", "t2_score"] == pytest.approx((2 + 20 / (110 / 9)) / 2)
    assert z.loc["C1", "t2_weak"] == "tax_per_area;output_per_area"
    assert dict(z["t2_rank_level"]) == {"B1": 1, "B2": 2, "C1": 1}
    assert z.loc["B2", "output_per_area_vs_level"] == pytest.approx(100 / 150)
    assert z.loc["B1", "t2_vs_ref1"] == pytest.approx(1.5)
    assert z.loc["B1", "output_per_area"] == pytest.approx(200)  # raw values beside the index
    levels, _ = qgs.read(res["OUTPUT_LEVELS"])
    lv = levels.set_index("row")
    assert lv.loc["district", "t2_score"] == 1.0
    assert lv.loc["base", "t2_score"] == pytest.approx((150 / (700 / 9) + 2) / 2)
    qml = stored_qml(res["OUTPUT"])
    # The suite runs in English: zones.t2.t2_score en "Table 2 index (district = 1)"; 全省 is the reference's name.
    assert 'attr="t2_score"' in qml and "Table 2 index (district = 1)" in qml and "vs 全省" in qml


def test_report_sections_of_the_capabilities(run, qgs, tmp_path):
    # An evaluated layer → potentialclasses → checkcontracts → report, with the zone evaluation of the same
    # parcels: each capability adds its section, recounted from the fields.
    df = pd.DataFrame({
        "parcel_id": ["A", "B", "C", "D"],
        "score": [0.3, 0.7, 0.5, 0.8], "tier": ["D", "B", "C", "A"],
        "category": ["identified", "retained", "identified", "retained"],
        "inefficient": [1, 0, 1, 0], "inside_dev_boundary": [1, 1, 0, 1],
        "供地状态": ["已供", "已供", "已供", "未供"],
        "合同亩均产值": [800.0, 500.0, np.nan, np.nan],
        "约定达产日期": ["2022-06-30", "2022-06-30", None, None],
        "area_m2": np.array([50.0, 50, 20, 10]) * MU,
        "output_value": [30000.0, 30000.0, 1000.0, 0.0], "tax": [100.0, 2000.0, 10.0, 0.0],
        "level": ["base", "base", "block", "block"],
    })
    layer = qgs.layer(df, [qgs.square(1000 * i, 0, 50) for i in range(4)])
    step1 = run("potentialclasses", {"INPUT": layer, "OUTPUT": gpkg(tmp_path, "p")})["OUTPUT"]
    step2 = run("checkcontracts", {"INPUT": step1, "EVAL_DATE": "2024-12-31", "OUTPUT": gpkg(tmp_path, "c")})["OUTPUT"]
    agg = run("aggregatezones", {"INPUT": step2, "ZONE_FIELD": "level", "OUTPUT": gpkg(tmp_path, "z"),
                                 "OUTPUT_LEVELS": gpkg(tmp_path, "lv")})
    html = tmp_path / "r.html"
    run("report", {"INPUT": step2, "LANGUAGE": 3, "ZONES": agg["OUTPUT"], "ZONE_LEVELS": agg["OUTPUT_LEVELS"], "OUTPUT": str(html)})
    page = html.read_text(encoding="utf-8")
    for anchor in ("potential", "contracts", "zones"):
        assert f'id="{anchor}"' in page, anchor
    assert '<tr data-value="underused_urban"><td>城镇低效工业用地</td><td class="en">Underused industrial land, urban' \
           '</td><td class="count">1</td>' in page
    assert '<tr data-value="approved_unsupplied">' in page and '<tr data-value="breach"><td>违约</td>' in page
    assert "亩均产值未达约定" in page  # A: 600 万元/亩 against 800
    assert 'id="zone-table"' in page and "表2指数" in page
    assert 'id="level-table"' in page and "<td>全域 District</td><td>4</td><td>1.000</td>" in page
