"""A Shapefile output cuts field names to 10 characters: the run says so, naming each field as GDAL writes it."""
import re

from qgis.core import QgsProcessingFeedback, QgsVectorLayer


class Collect(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.warnings = []

    def pushWarning(self, text):  # noqa: N802 - QGIS API name
        self.warnings.append(text)
        super().pushWarning(text)


def shapefile_warning(feedback):
    found = [w for w in feedback.warnings if w.startswith("Shapefile field names")]
    assert len(found) <= 1, found
    return found[0] if found else None


def test_shapefile_output_names_the_cut_fields(run, base_params, tmp_path, data_hashes):
    feedback = Collect()
    out = str(tmp_path / "vetoes.shp")
    run("checkvetoes", {"INPUT": base_params["PARCELS"], "PRESET": "jiangning", "OUTPUT": out}, feedback=feedback)
    warning = shapefile_warning(feedback)
    assert warning is not None and "veto_reasons → veto_reaso" in warning and ".gpkg" in warning
    cut = dict(re.findall(r"(\w+) → (\w+)", warning))
    assert cut["veto_failed"] == "veto_faile" and "宗地编号" in cut  # Chinese names are cut too (UTF-8 bytes)
    written = QgsVectorLayer(out, "out", "ogr").fields().names()
    assert "veto_reasons" not in written
    for full, short in cut.items():  # the warning tells the names GDAL really wrote
        assert any(name.startswith(short) for name in written), (full, short, written)


def test_geopackage_output_gives_no_such_warning(run, base_params, tmp_path):
    feedback = Collect()
    out = str(tmp_path / "vetoes.gpkg")
    run("checkvetoes", {"INPUT": base_params["PARCELS"], "PRESET": "jiangning", "OUTPUT": out}, feedback=feedback)
    assert shapefile_warning(feedback) is None
    assert "veto_reasons" in QgsVectorLayer(out, "out", "ogr").fields().names()
