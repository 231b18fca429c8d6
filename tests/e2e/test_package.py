"""scripts/package.py builds an installable zip, and QGIS runs LandEval from that zip, not from the checkout."""
import configparser
import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path, PurePosixPath

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE_SCRIPT = ROOT / "scripts" / "package.py"
pytestmark = pytest.mark.slow


def _version(root=ROOT):
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(root / "metadata.txt", encoding="utf-8")
    return parser["general"]["version"].strip()


def _tracked(root):
    out = subprocess.run(["git", "-C", str(root), "ls-files", "-z"], check=True, capture_output=True).stdout
    return {name for name in out.decode().split("\0") if name}


def _build(script, output_dir):
    """Run the packaging command as a user would; returns the path it reports."""
    done = subprocess.run([sys.executable, str(script), "--output-dir", str(output_dir)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, "package.py failed:\n{}\n{}".format(done.stdout, done.stderr)
    return done


@pytest.fixture(scope="module")
def plugin_zip(tmp_path_factory):
    out = tmp_path_factory.mktemp("dist")
    _build(PACKAGE_SCRIPT, out)
    return out / "landeval-{}.zip".format(_version())


def test_zip_is_named_after_the_version_and_holds_one_landeval_folder(plugin_zip):
    assert plugin_zip.is_file()
    with zipfile.ZipFile(plugin_zip) as archive:
        names = archive.namelist()
        assert archive.testzip() is None
        metadata = archive.read("landeval/metadata.txt").decode("utf-8")
    assert {PurePosixPath(n).parts[0] for n in names} == {"landeval"}
    for required in ("metadata.txt", "__init__.py", "plugin.py", "algorithms/provider.py",
                     "algorithms/registry.py", "core/errors.py", "resources/icons/landeval.svg"):
        assert "landeval/" + required in names
    assert "version={}".format(_version()) in metadata


def test_zip_holds_exactly_the_tracked_runtime_files(plugin_zip):
    with zipfile.ZipFile(plugin_zip) as archive:
        shipped = {n[len("landeval/"):] for n in archive.namelist()}
    tracked = _tracked(ROOT)
    # The translations ship compiled: one .qm, built by the package, per tracked .ts.
    compiled = {n for n in shipped if n.startswith("i18n/") and n.endswith(".qm")}
    assert {n[:-3] + ".ts" for n in compiled} == {n for n in tracked if n.startswith("i18n/") and n.endswith(".ts")}
    shipped -= compiled
    assert shipped <= tracked, "shipped but not tracked: {}".format(sorted(shipped - tracked))
    runtime_dirs = ("algorithms/", "core/", "qgis_io/", "ui/", "resources/")
    expected = {n for n in tracked if n.startswith(runtime_dirs) and not n.endswith((".ts", ".pro"))
                and not any(part.startswith(".") for part in PurePosixPath(n).parts)}
    assert expected <= shipped, "tracked run-time files missing from the zip: {}".format(sorted(expected - shipped))
    for name in shipped:
        parts = PurePosixPath(name).parts
        assert parts[0] not in {"tests", "scripts", "docs", ".venv", ".ci", "dist", "build"}, name
        assert "__pycache__" not in parts and not name.endswith(".pyc"), name
        assert not any(part.startswith(".") for part in parts), name


def test_untracked_junk_never_ships(tmp_path):
    """A copy of the checkout with an untracked module, bytecode and a dot-file next to tracked code."""
    clone = tmp_path / "checkout"
    subprocess.run(["git", "clone", "-q", "--no-hardlinks", str(ROOT), str(clone)], check=True, timeout=120)
    # The clone holds only committed files; the scripts under test may be newer than the last commit.
    shutil.copy2(PACKAGE_SCRIPT, clone / "scripts" / "package.py")
    (clone / "core" / "scratch_untracked.py").write_text("raise SystemExit('must not ship')\n")
    (clone / "core" / "__pycache__").mkdir(exist_ok=True)
    (clone / "core" / "__pycache__" / "errors.cpython-311.pyc").write_bytes(b"\0")
    (clone / "resources" / ".DS_Store").write_bytes(b"\0")
    _build(clone / "scripts" / "package.py", tmp_path / "dist")
    with zipfile.ZipFile(tmp_path / "dist" / "landeval-{}.zip".format(_version(clone))) as archive:
        names = set(archive.namelist())
    assert "landeval/core/errors.py" in names
    assert not {n for n in names if "scratch_untracked" in n or "__pycache__" in n or ".DS_Store" in n}


def test_two_builds_are_byte_identical(plugin_zip, tmp_path):
    _build(PACKAGE_SCRIPT, tmp_path)
    assert (tmp_path / plugin_zip.name).read_bytes() == plugin_zip.read_bytes()


def test_qgis_process_runs_the_plugin_from_the_unpacked_zip(plugin_zip, e2e, tmp_path):
    config = tmp_path / "qgis-config"
    plugins = config / "profiles" / "default" / "python" / "plugins"
    plugins.mkdir(parents=True)
    with zipfile.ZipFile(plugin_zip) as archive:
        archive.extractall(plugins)
    installed = plugins / "landeval"
    assert installed.is_dir() and not installed.is_symlink()
    profile = e2e.make_profile(config, installed, link=False)

    # PYTHONVERBOSE logs the file behind every import: the plugin's modules must come from the copy.
    done = e2e.call_qgis_process(["list"], profile, verbose_imports=True)
    assert done.returncode == 0, done.stderr[-3000:]
    loaded = e2e.imported_plugin_files(done.stderr)
    assert installed / "algorithms" / "provider.py" in loaded
    assert all(installed in path.parents for path in loaded), loaded
    assert not any(ROOT in path.resolve().parents for path in loaded), loaded
    assert "Traceback" not in done.stderr, done.stderr[-3000:]

    algorithms = e2e.run_qgis_process(["list"], profile)["providers"]["landeval"]["algorithms"]
    assert "landeval:ahpweights" in algorithms, sorted(algorithms)
    result = e2e.run_qgis_process(
        ["run", "landeval:ahpweights", *e2e.param_args(
            {"CRITERIA": "a;b;c", "MATRIX": "1,3,5,1/3,1,3,1/5,1/3,1", "METHOD": 1})],
        profile)
    # Hand-worked in test_qgis_process.py: geometric row means of this matrix, CR = 0.0332.
    weights = json.loads(result["results"]["WEIGHTS"])
    assert weights == pytest.approx({"a": 0.6370, "b": 0.2583, "c": 0.1047}, abs=5e-4)
    assert result["results"]["CR"] == pytest.approx(0.0332, abs=5e-4)
