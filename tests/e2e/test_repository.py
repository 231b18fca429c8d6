"""Publishable and installable: the zip passes plugins.qgis.org's upload rules, and a plugin repository made by
scripts/package.py (plugins.xml beside the zip) installs LandEval with a real client, qgis-plugin-manager from
PyPI, into a fresh plugin folder, from which qgis_process runs landeval:evaluate."""
import configparser
import importlib.util
import os
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
pytestmark = pytest.mark.slow


def _package_module():
    spec = importlib.util.spec_from_file_location("landeval_package", ROOT / "scripts" / "package.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def repository(tmp_path_factory):
    """The output folder of `scripts/package.py`, run as a user runs it."""
    out = tmp_path_factory.mktemp("repository")
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "package.py"), "--output-dir", str(out)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    return out


def _metadata(zip_path):
    with zipfile.ZipFile(zip_path) as archive:
        parser = configparser.ConfigParser(interpolation=None)
        parser.optionxform = str
        parser.read_string(archive.read("landeval/metadata.txt").decode("utf-8"))
    return parser["general"]


def test_zip_meets_the_upload_rules_of_plugins_qgis_org(repository):
    """Each rule as plugins.qgis.org's validator states it (qgis-app/plugins/validator.py), checked here
    directly on the zip rather than through package.py's own check."""
    (zip_path,) = repository.glob("landeval-*.zip")
    # "PLUGIN_MAX_UPLOAD_SIZE ... 25000000  # 25 mb"
    assert zip_path.stat().st_size <= 25000000
    with zipfile.ZipFile(zip_path) as archive:
        assert archive.testzip() is None  # "Bad zip (maybe a CRC error)"
        names = archive.namelist()
    for name in names:
        # "zip file cannot contain path information", "cannot contain .pyc file",
        # "cannot contain '__MACOSX' / '.git' / '__pycache__' directory"
        assert ".." not in name and not name.startswith("/"), name
        assert ".pyc" not in name, name
        assert not {"__MACOSX", ".git", "__pycache__"} & set(name.split("/")), name
        # Publishing guidelines: no hidden files in the package.
        assert not any(part.startswith(".") for part in name.split("/")), name
    # "The name of the top level directory ... must start with an ASCII letter and can only contain ASCII
    # letters, digits and the signs '-' and '_'"; one folder (several only draw a warning, we want none).
    assert {name.split("/")[0] for name in names} == {"landeval"}
    # "Cannot find __init__.py in plugin package." / "Cannot find LICENSE in the plugin package."
    assert {"landeval/__init__.py", "landeval/metadata.txt", "landeval/LICENSE"} <= set(names)
    general = _metadata(zip_path)
    # PLUGIN_REQUIRED_METADATA: name, description, version, qgisMinimumVersion, author, email, about,
    # tracker, repository.
    for key in ("name", "description", "version", "qgisMinimumVersion", "author", "email", "about", "tracker",
                "repository"):
        assert general.get(key, "").strip(), key
    for key in ("tracker", "repository", "homepage"):  # "Please provide valid url link": scheme and host
        assert general[key].startswith(("https://", "http://")), (key, general[key])
    assert "/" not in general["author"]  # "Author name cannot contain slashes."
    assert general["qgisMaximumVersion"] == "4.99"  # QGIS 4 installs only what admits it
    with zipfile.ZipFile(zip_path) as archive:
        licence = archive.read("landeval/LICENSE").decode("utf-8")
    assert "GNU GENERAL PUBLIC LICENSE" in licence and "Version 2, June 1991" in licence
    assert "GPL-2.0-or-later" in general["about"]
    assert _package_module().upload_problems(zip_path) == []


@pytest.mark.parametrize("defect, expected", [
    ("pyc", "compiled Python files"),
    ("macosx", "a __MACOSX folder"),
    ("hidden", "hidden files"),
    ("no_licence", "LICENSE is missing"),
    ("bad_folder", "must start with an ASCII letter"),
    ("no_tracker", "metadata.txt lacks tracker"),
    ("relative_url", "repository=landeval is not a full URL"),
    ("slash_author", "author may not contain '/'"),
    ("two_folders", "exactly one top folder"),
])
def test_upload_check_names_each_defect(tmp_path, defect, expected):
    """package.py refuses to publish a zip with any of these; each is one of the site's rules."""
    folder = "1landeval" if defect == "bad_folder" else "landeval"
    metadata = ("[general]\nname=LandEval\ndescription=d\nversion=1.0\nqgisMinimumVersion=3.22\nauthor={}\n"
                "email=a@b.org\nabout=a\n{}repository={}\n").format(
        "A/B" if defect == "slash_author" else "A", "" if defect == "no_tracker" else "tracker=https://x.org/t\n",
        "landeval" if defect == "relative_url" else "https://x.org/r")
    files = {"__init__.py": "", "metadata.txt": metadata, "LICENSE": "GPL"}
    if defect == "no_licence":
        del files["LICENSE"]
    if defect == "pyc":
        files["core/x.pyc"] = ""
    if defect == "macosx":
        files["__MACOSX/x"] = ""
    if defect == "hidden":
        files[".DS_Store"] = ""
    target = tmp_path / "p.zip"
    with zipfile.ZipFile(target, "w") as archive:
        for name, text in files.items():
            archive.writestr("{}/{}".format(folder, name), text)
        if defect == "two_folders":
            archive.writestr("other/readme.txt", "")
    problems = _package_module().upload_problems(target)
    assert any(expected in problem for problem in problems), problems


def test_plugins_xml_lists_the_zip_beside_it(repository):
    (zip_path,) = repository.glob("landeval-*.zip")
    general = _metadata(zip_path)
    root = ElementTree.parse(repository / "plugins.xml").getroot()
    assert root.tag == "plugins"
    (plugin,) = root.findall("pyqgis_plugin")
    assert plugin.get("name") == "LandEval" and plugin.get("version") == general["version"]
    assert plugin.findtext("file_name") == zip_path.name
    assert plugin.findtext("download_url") == zip_path.resolve().as_uri()
    assert plugin.findtext("qgis_minimum_version") == "3.22.0"
    assert plugin.findtext("qgis_maximum_version") == "4.99.0"


def test_base_url_is_written_into_the_repository(tmp_path):
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "package.py"), "--output-dir", str(tmp_path),
                           "--base-url", "http://gis.bureau.local/qgis-plugins/"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    plugin = ElementTree.parse(tmp_path / "plugins.xml").getroot().find("pyqgis_plugin")
    assert plugin.findtext("download_url") == "http://gis.bureau.local/qgis-plugins/{}".format(
        plugin.findtext("file_name"))
    assert "http://gis.bureau.local/qgis-plugins/plugins.xml" in done.stdout


def _plugin_manager(args, env, cwd):
    """Run the qgis-plugin-manager CLI (PyPI package qgis-plugin-manager) as an administrator would."""
    return subprocess.run([sys.executable, "-m", "qgis_plugin_manager", *args], capture_output=True, text=True,
                          env=env, cwd=cwd, timeout=120)


def test_install_from_the_repository_and_evaluate_headless(repository, e2e, tmp_path):
    pytest.importorskip("qgis_plugin_manager", reason="qgis-plugin-manager comes from requirements-dev.txt")
    config = tmp_path / "qgis-config"
    plugins = config / "profiles" / "default" / "python" / "plugins"
    plugins.mkdir(parents=True)
    sources = tmp_path / "sources.list"
    sources.write_text((repository / "plugins.xml").resolve().as_uri() + "\n")
    env = {**os.environ, "QGIS_PLUGINPATH": str(plugins), "QGIS_PLUGIN_MANAGER_SOURCES_FILE": str(sources),
           "QGIS_PLUGIN_MANAGER_CACHE_DIR": str(tmp_path / "cache"), "QT_QPA_PLATFORM": "offscreen"}
    updated = _plugin_manager(["update"], env, tmp_path)
    assert updated.returncode == 0, updated.stdout + updated.stderr
    installed = _plugin_manager(["install", "LandEval"], env, tmp_path)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    listed = _plugin_manager(["list"], env, tmp_path)
    assert "LandEval" in listed.stdout and "landeval" in listed.stdout, listed.stdout + listed.stderr
    copy = plugins / "landeval"
    assert (copy / "metadata.txt").is_file() and (copy / "LICENSE").is_file() and not copy.is_symlink()

    profile = e2e.make_profile(config, copy, link=False)
    out = tmp_path / "evaluated.gpkg"
    config_yaml = str(DATA / "golden_config.yaml")
    result = e2e.run_qgis_process(["run", "landeval:evaluate", *e2e.param_args({
        "PARCELS": str(DATA / "parcels_4547.gpkg"), "PARCEL_ID": "宗地编号",
        "ENTERPRISES": str(DATA / "enterprises_utf8.csv"), "ECO_REDLINE": str(DATA / "redline_4490.gpkg"),
        "DEV_BOUNDARY": str(DATA / "dev_boundary.gpkg"), "POIS": str(DATA / "pois_4490.gpkg"),
        "POI_RADIUS": 200, "PARKS": str(DATA / "parks.gpkg"), "WEIGHT_SET": config_yaml, "RULE_SET": config_yaml,
        "OUTPUT": str(out)})], profile)
    assert result["results"]["UNMATCHED_ENTERPRISES"] == 1
    with sqlite3.connect(out) as db:
        table = db.execute("SELECT table_name FROM gpkg_contents WHERE data_type = 'features'").fetchone()[0]
        scores = dict(db.execute('SELECT "宗地编号", score FROM "{}"'.format(table)).fetchall())
    # tests/data/expected/README.md, worked by hand: "P02 score = 0.4·0.5 + 0.3·0.270833 + 0.3·0.444444 =
    # 0.414583"; "P01 = 1, P06 = 0; P04 has no indicator: no score".
    assert scores["P02"] == pytest.approx(0.414583, abs=1e-6)
    assert scores["P01"] == pytest.approx(1.0) and scores["P06"] == pytest.approx(0.0)
    assert scores["P04"] is None
