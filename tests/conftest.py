"""Shared test set-up: import the checkout as the `landeval` package and register the provider once."""
import hashlib
import os
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"


def _package_parent():
    # The checkout may live in a folder of any name; the plugin's relative imports need it to be
    # importable as `landeval`, so a symlink named landeval points at it from a private temp folder.
    parent = Path(tempfile.gettempdir()) / ("landeval-pkg-" + hashlib.sha1(str(ROOT).encode()).hexdigest()[:10])
    link = parent / "landeval"
    parent.mkdir(exist_ok=True)
    if not link.is_symlink() or Path(os.readlink(link)) != ROOT:
        tmp = parent / f"landeval.{os.getpid()}"
        tmp.symlink_to(ROOT, target_is_directory=True)
        os.replace(tmp, link)
    return parent


sys.path.insert(0, str(_package_parent()))


def i18n_script():
    """scripts/i18n.py as a module (extract, read_ts, compile_all …); scripts/ is no package."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("landeval_i18n", ROOT / "scripts" / "i18n.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def compiled(tmp_path, monkeypatch, qgis_app):
    """landeval.translation using the checkout's translations (the .ts with any pending seeds) compiled into
    tmp_path with lrelease; the translator it installs is removed afterwards."""
    import shutil

    if not shutil.which("lrelease") and not Path("/usr/lib/qt5/bin/lrelease").exists():
        pytest.fail("lrelease is missing: bash scripts/setup.sh installs qttools5-dev-tools")
    from landeval import translation

    i18n_script().compile_all(tmp_path)
    monkeypatch.setattr(translation, "I18N_DIR", str(tmp_path))
    yield translation
    translation.remove_translator()


@pytest.fixture
def qgis_locale():
    """qgis_locale(code): set QGIS's locale as its Options dialog does (override + userLocale); restored after."""
    from qgis.core import QgsSettings

    settings = QgsSettings()
    before = {key: settings.value(key) for key in ("locale/overrideFlag", "locale/userLocale")}

    def _set(code):
        settings.setValue("locale/overrideFlag", True)
        settings.setValue("locale/userLocale", code)

    yield _set
    for key, value in before.items():
        settings.remove(key) if value is None else settings.setValue(key, value)


@pytest.fixture
def i18n():
    """scripts/i18n.py as a module."""
    return i18n_script()


@pytest.fixture(scope="session")
def landeval_provider(qgis_app, qgis_processing):
    """The `landeval` provider, registered once for the whole session."""
    from qgis.core import QgsApplication

    from landeval.algorithms.provider import LandEvalProvider

    registry = QgsApplication.processingRegistry()
    provider = registry.providerById("landeval")
    if provider is None:
        provider = LandEvalProvider()
        registry.addProvider(provider)
    return provider


def _write_gbk_shapefile(path, ids):
    """Parcels as older Chinese systems export them: GBK text, no .cpg, no code page in the .dbf; 宗地编号 is
    an integer field. Each parcel is a 100 m × 100 m square (10 000 m² = 15 亩) with 总建筑面积 20 000 m².

    GDAL would cut the names by their UTF-8 length, so ASCII stand-ins of the GBK byte lengths are written and
    then replaced by the GBK bytes in the .dbf, as such a system writes them."""
    from osgeo import ogr, osr

    gbk = {"ZDBH____": "宗地编号", "ZJZMJ_____": "总建筑面积", "TDYT____": "土地用途", "GYYD____": "工业用地"}
    driver = ogr.GetDriverByName("ESRI Shapefile")
    ds = driver.CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4547)
    layer = ds.CreateLayer(path.stem, srs, ogr.wkbPolygon, options=["ENCODING="])
    for name, kind in (("ZDBH____", ogr.OFTInteger), ("ZJZMJ_____", ogr.OFTReal), ("TDYT____", ogr.OFTString)):
        layer.CreateField(ogr.FieldDefn(name, kind))
    for i, pid in enumerate(ids):
        feat = ogr.Feature(layer.GetLayerDefn())
        feat.SetField("ZDBH____", pid)
        feat.SetField("ZJZMJ_____", 20000.0)
        feat.SetField("TDYT____", "GYYD____")
        x = 500000 + 200 * i
        feat.SetGeometry(ogr.CreateGeometryFromWkt(
            f"POLYGON(({x} 3500000,{x + 100} 3500000,{x + 100} 3500100,{x} 3500100,{x} 3500000))"))
        layer.CreateFeature(feat)
    ds = None
    if path.with_suffix(".cpg").exists():
        os.remove(path.with_suffix(".cpg"))
    dbf = bytearray(path.with_suffix(".dbf").read_bytes())
    dbf[29] = 0  # no language driver id: nothing tells GDAL the encoding
    for ascii_name, chinese in gbk.items():
        encoded = chinese.encode("gbk")
        assert len(encoded) == len(ascii_name)
        dbf = dbf.replace(ascii_name.encode("ascii"), encoded)
    path.with_suffix(".dbf").write_bytes(bytes(dbf))


@pytest.fixture
def write_gbk_shapefile():
    """write_gbk_shapefile(path, ids): a GBK Shapefile without .cpg (issue 18), see _write_gbk_shapefile."""
    return _write_gbk_shapefile


def pytest_sessionfinish(session, exitstatus):
    session.config._landeval_exit_status = int(exitstatus)


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config):
    """Leave without CPython's finalization once pytest has reported.

    pytest-qgis calls exitQgis() when the session ends; any QGIS object still alive then (a failed test's
    traceback keeps its layers, for one) is deleted during interpreter finalization and crashes it, turning a
    clean result into exit 139. The result pytest computed is the answer, so exit with it now.
    """
    status = getattr(config, "_landeval_exit_status", None)
    if status is not None:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(status)
