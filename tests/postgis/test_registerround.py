"""Issue 16, the inefficient-land database: "`landeval:registerround` appends an evaluated round (its year or date,
parcel id, score, tier, category, inefficient, type, the weight set's name and digest) to a history table, in
PostGIS or a GeoPackage; refuses to register the same round twice; `comparerounds` and the persistence rule
(several years in a row) can read their rounds from that table."""
import pytest
from qgis.core import QgsProcessingException

from .conftest import layer_uri
from .test_postgis_inputs import _gpkg_params


@pytest.fixture(scope="module")
def evaluated(landeval_provider, tmp_path_factory):
    """The sample county evaluated with the jiangning preset (GeoPackage) and its inefficient count."""
    import processing
    from qgis.core import QgsVectorLayer

    out = str(tmp_path_factory.mktemp("rounds") / "ev.gpkg")
    processing.run("landeval:evaluate", {**_gpkg_params(), "OUTPUT": out})
    layer = QgsVectorLayer(out, "ev", "ogr")
    inefficient = sum(1 for f in layer.getFeatures() if f["inefficient"] == 1)
    return out, inefficient


def _register(evaluated_path, round_name, history_target):
    import processing

    return processing.run("landeval:registerround", {"INPUT": evaluated_path, "ROUND": round_name,
                                                     "ID_FIELD": "宗地编号", "PRESET": "jiangning",
                                                     "HISTORY": history_target})


def test_rounds_in_postgis_feed_persistence_and_comparerounds(pg, pg_uri, schema, evaluated, tmp_path):
    import processing

    from landeval.core.config import load_config

    path, inefficient = evaluated
    target = "postgis:" + layer_uri(pg_uri, schema, "低效用地历史", geom="", key="")[len("postgres://"):]
    for year in ("2022", "2023", "2024"):
        assert _register(path, year, target)["REGISTERED"] == 2000
    with pytest.raises(QgsProcessingException) as refused:
        _register(path, "2024", target)
    assert f"Round 2024 is already registered in {schema}.低效用地历史" in str(refused.value)
    with pg.cursor() as cur:
        cur.execute(f'SELECT round, count(*), min(weight_set), min(weight_digest), max(weight_digest) '
                    f'FROM {schema}."低效用地历史" GROUP BY round ORDER BY round')
        rows = cur.fetchall()
    digest = load_config("jiangning").digest()
    assert [r[:2] for r in rows] == [("2022", 2000), ("2023", 2000), ("2024", 2000)]
    assert {r[3] for r in rows} == {r[4] for r in rows} == {digest}

    rounds = [layer_uri(pg_uri, schema, "低效用地历史", geom="", sql=f"\"round\" = '{y}'") for y in ("2022", "2023", "2024")]
    # persistence: "every parcel of the latest round is flagged persistent when each of the last N rounds flags
    # it — inefficient = 1": the same parcels inefficient in all three rounds are all persistent. The earlier
    # rounds come from the history table, the latest is the evaluated layer (whose features the output keeps).
    out = processing.run("landeval:persistence", {"ROUNDS": rounds[:2] + [path], "ID_FIELD": "parcel_id", "N": 3,
                                                  "OUTPUT": str(tmp_path / "persistent.gpkg")})["OUTPUT"]
    from qgis.core import QgsVectorLayer

    persistent = QgsVectorLayer(out, "p", "ogr")
    assert sum(1 for f in persistent.getFeatures() if f["persistent"] == 1) == inefficient
    # comparerounds: "the tier decides when the parcel is rated A–D in both rounds … otherwise the inefficient flag
    # … otherwise unchanged": the 2023 round of the table against the same evaluation is unchanged everywhere.
    out = processing.run("landeval:comparerounds", {"EARLIER": rounds[1], "EARLIER_ID_FIELD": "parcel_id",
                                                    "LATER": path, "ID_FIELD": "宗地编号",
                                                    "OUTPUT": str(tmp_path / "changes.gpkg"),
                                                    "OUTPUT_TIER_MATRIX": "memory:", "OUTPUT_CATEGORY_MATRIX": "memory:"})
    changes = QgsVectorLayer(out["OUTPUT"], "c", "ogr")
    assert {f["change"] for f in changes.getFeatures()} == {"unchanged"}
    assert changes.featureCount() == 2000


def test_rounds_in_a_geopackage_and_a_round_twice(evaluated, tmp_path):
    from qgis.core import QgsVectorLayer

    path, inefficient = evaluated
    target = str(tmp_path / "history.gpkg")
    _register(path, "2023-06-30", target)
    _register(path, "2024-06-30", target)
    with pytest.raises(QgsProcessingException) as refused:
        _register(path, "2024-06-30", target)
    assert "Round 2024-06-30 is already registered" in str(refused.value)
    table = QgsVectorLayer(f"{target}|layername=landeval_rounds", "h", "ogr")
    assert table.featureCount() == 4000
    assert table.setSubsetString("\"round\" = '2024-06-30' AND inefficient = 1")
    assert table.featureCount() == inefficient


def test_a_round_that_is_no_year_or_date_is_refused(evaluated, tmp_path):
    with pytest.raises(QgsProcessingException) as refused:
        _register(evaluated[0], "last year", str(tmp_path / "h.gpkg"))
    assert "ROUND 'last year' is neither a year (2024) nor a date (2024-06-30)" in str(refused.value)


def test_registerround_and_its_errors_in_chinese(compiled, qgis_locale, landeval_provider, evaluated, tmp_path):
    """With QGIS in Chinese the algorithm's name and its refusal come out in Chinese (i18n/seeds/h16.yaml)."""
    from qgis.core import QgsApplication

    qgis_locale("zh-Hans")
    compiled.install_translator()
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("landeval:registerround")
    assert algorithm.displayName() == "登记评价轮次"
    with pytest.raises(QgsProcessingException) as refused:
        _register(evaluated[0], "去年", str(tmp_path / "h.gpkg"))
    assert str(refused.value) == ("ROUND '去年' 既不是年份（2024）也不是日期（2024-06-30）：请给出本轮的年份或评价日期。")
