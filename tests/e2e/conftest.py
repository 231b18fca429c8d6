"""Helpers for end-to-end tests that drive LandEval through `qgis_process` in a throwaway QGIS profile.

Nothing here touches the user's QGIS profile: every profile lives in a temporary
`QGIS_CUSTOM_CONFIG_PATH`. Test modules cannot import this conftest (importlib import mode, no packages),
so the `e2e` fixture hands its helpers out as attributes::

    def test_ahp(e2e, plugin_profile):      # plugin_profile: the checkout linked into a fresh profile
        out = e2e.run_qgis_process(
            ["run", "landeval:ahpweights", *e2e.param_args({"CRITERIA": "a;b", "MATRIX": "1,2,1/2,1"})],
            plugin_profile)
        assert out["results"]["CR"] == 0

    def test_copy(e2e, tmp_path):          # any other plugin folder, e.g. unpacked from the zip
        profile = e2e.make_profile(tmp_path / "cfg", unpacked / "landeval", link=False)

- `make_profile(config_path, plugin_source, link=True)`: installs a plugin folder (symlink or copy) as
  `profiles/default/python/plugins/landeval` and runs `qgis_process plugins enable landeval`.
- `run_qgis_process(args, profile)`: runs `qgis_process --json ARGS` (QT_QPA_PLATFORM=offscreen, a
  timeout), fails the test with the command, exit status and stderr if it fails, returns the parsed JSON.
- `call_qgis_process(args, profile)`: the same without checks, returning the `CompletedProcess`
  (for tests that expect an error message, or need stderr).
- `param_args(mapping)`: `["--", "NAME=VALUE", ...]`, the parameter syntax every QGIS >= 3.22 accepts.
- `imported_plugin_files(stderr)`: the source files of `landeval` modules the embedded Python loaded,
  read from a run made with `verbose_imports=True`.
- `qgis_version_tuple(json_output)`: e.g. (3, 22, 16), for version-specific expectations.
- The sample county: `SAMPLE` (its folder), `layer(name)` (the URI of a layer of its GeoPackage),
  `sample_inputs(parks=True)` (the parameters landeval:evaluate takes for it, without OUTPUT and PRESET).
- `read(path)`: the attributes of an output's first layer as a DataFrame (OGR); `geometry_type(path)`: its
  geometry type name ("Multi Polygon", "None", …).
- `runner(profile)`: `run(alg, params)` -> the results of `qgis_process run landeval:<alg>` (10 min timeout).
"""
import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "sample"
PLUGIN_NAME = "landeval"
DEFAULT_TIMEOUT = 180  # seconds; a cold qgis_process start is ~2 s, but CI machines are shared


def find_qgis_process():
    """The qgis_process binary: $LANDEVAL_QGIS_PROCESS, else Debian's qgis_process.bin, else PATH.

    Debian's /usr/bin/qgis_process wrapper fails every command on 3.22 ("Command --noversioncheck not
    known!"), so the real binary next to it is preferred.
    """
    candidates = [os.environ.get("LANDEVAL_QGIS_PROCESS"), "/usr/bin/qgis_process.bin",
                  shutil.which("qgis_process.bin"), shutil.which("qgis_process")]
    for candidate in candidates:
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    pytest.fail("qgis_process was not found (looked for $LANDEVAL_QGIS_PROCESS, /usr/bin/qgis_process.bin "
                "and qgis_process on PATH); install QGIS with scripts/setup.sh")


@dataclass(frozen=True)
class QgisProfile:
    """A temporary QGIS configuration with LandEval installed into its default profile."""

    config_path: Path  # the QGIS_CUSTOM_CONFIG_PATH
    plugin_dir: Path  # profiles/default/python/plugins/landeval (a symlink or a real folder)
    source: Path  # where the plugin's files really are


def _environment(profile, verbose_imports=False, extra_env=None):
    env = dict(os.environ)
    # The test process's own Python settings must not leak into QGIS's embedded interpreter: it has to
    # find the plugin through the profile exactly as a user's QGIS would.
    for name in ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "PYTHONVERBOSE", "VIRTUAL_ENV"):
        env.pop(name, None)
    runtime_dir = profile.config_path / "xdg-runtime"
    runtime_dir.mkdir(mode=0o700, exist_ok=True)
    env.update(QGIS_CUSTOM_CONFIG_PATH=str(profile.config_path), QT_QPA_PLATFORM="offscreen",
               XDG_RUNTIME_DIR=str(runtime_dir))
    if verbose_imports:
        env["PYTHONVERBOSE"] = "1"
    env.update(extra_env or {})
    return env


def call_qgis_process(args, profile, *, json_output=True, stdin=None, timeout=DEFAULT_TIMEOUT,
                      verbose_imports=False, env=None, cwd=None):
    """Run qgis_process with `args` in `profile`; returns the CompletedProcess (text mode), unchecked.

    `stdin` is text fed to the process (QGIS >= 3.24 reads a JSON parameter object from stdin when the
    last argument is "-"); `env` adds or overrides environment variables; `cwd` is the folder it runs in
    (for relative paths).
    """
    command = [find_qgis_process()] + (["--json"] if json_output else []) + [str(a) for a in args]
    try:
        return subprocess.run(command, input=stdin if stdin is not None else "", capture_output=True,
                              text=True, timeout=timeout, env=_environment(profile, verbose_imports, env),
                              cwd=cwd)
    except subprocess.TimeoutExpired as err:
        pytest.fail("qgis_process did not finish within {} s: {}\nstderr (tail):\n{}".format(
            timeout, " ".join(command), _tail(err.stderr)))


def run_qgis_process(args, profile, **kwargs):
    """Run `qgis_process --json ARGS` in `profile` and return its parsed JSON output.

    Fails the calling test with the command, the exit status and the tail of stderr when qgis_process
    exits non-zero or prints something that is not JSON. Keyword arguments go to `call_qgis_process`.
    """
    done = call_qgis_process(args, profile, **kwargs)
    if done.returncode != 0:
        pytest.fail("qgis_process failed with exit status {}: {}\nstderr (tail):\n{}\nstdout (tail):\n{}".format(
            done.returncode, " ".join(done.args), _tail(done.stderr), _tail(done.stdout)))
    try:
        return json.loads(done.stdout)
    except json.JSONDecodeError as err:
        pytest.fail("qgis_process printed no valid JSON ({}): {}\nstdout (tail):\n{}\nstderr (tail):\n{}".format(
            err, " ".join(done.args), _tail(done.stdout), _tail(done.stderr)))


def _tail(text, lines=40):
    if not text:
        return "(empty)"
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    return "\n".join(text.splitlines()[-lines:])


def param_args(parameters):
    """`{"NAME": value}` -> `["--", "NAME=value", ...]`; lists become comma-joined values."""
    args = ["--"]
    for name, value in parameters.items():
        if isinstance(value, (list, tuple)):
            value = ",".join(str(v) for v in value)
        args.append("{}={}".format(name, value))
    return args


def make_profile(config_path, plugin_source=ROOT, link=True):
    """Make a fresh QGIS_CUSTOM_CONFIG_PATH at `config_path` with LandEval installed and enabled.

    `plugin_source` is a plugin folder (the checkout, or a `landeval/` unpacked from the zip); `link=True`
    symlinks it, `link=False` expects it to already sit at the plugin path or copies it there.
    """
    config_path = Path(config_path)
    plugins = config_path / "profiles" / "default" / "python" / "plugins"
    plugins.mkdir(parents=True, exist_ok=True)
    plugin_dir = plugins / PLUGIN_NAME
    source = Path(plugin_source)
    if link:
        plugin_dir.symlink_to(source.resolve(), target_is_directory=True)
    elif plugin_dir.resolve() != source.resolve():
        shutil.copytree(source, plugin_dir)
    profile = QgisProfile(config_path=config_path, plugin_dir=plugin_dir, source=source.resolve())
    # `plugins enable` prints plain text even with --json on 3.22, so only its exit status is checked.
    done = call_qgis_process(["plugins", "enable", PLUGIN_NAME], profile, json_output=False)
    if done.returncode != 0:
        pytest.fail("qgis_process plugins enable {} failed with exit status {}\nstderr (tail):\n{}\n"
                    "stdout (tail):\n{}".format(PLUGIN_NAME, done.returncode, _tail(done.stderr),
                                                _tail(done.stdout)))
    return profile


_IMPORT_LINE = re.compile(r"^# (?:code object from (?P<src>\S+\.py)|\S+\.pyc matches (?P<cached>\S+\.py))$")


def imported_plugin_files(stderr):
    """Source paths of `landeval` modules loaded by a run made with `verbose_imports=True`.

    PYTHONVERBOSE makes the embedded interpreter log every module it loads with its file; the paths under
    a folder named `landeval` tell which copy of the plugin QGIS really used.
    """
    files = set()
    for line in stderr.splitlines():
        match = _IMPORT_LINE.match(line.strip())
        if match:
            path = Path(match.group("src") or match.group("cached"))
            if PLUGIN_NAME in path.parts:
                files.add(path)
    return sorted(files)


def qgis_version_tuple(json_output):
    """The QGIS version from any qgis_process --json output, e.g. "3.40.6-Bratislava" -> (3, 40, 6)."""
    numbers = re.match(r"(\d+)\.(\d+)\.(\d+)", json_output["qgis_version"])
    return tuple(int(n) for n in numbers.groups())


def sample_layer(name):
    """The URI of layer `name` of the sample county's GeoPackage."""
    return f"{SAMPLE / 'sample_county.gpkg'}|layername={name}"


def sample_inputs(parks=True):
    """landeval:evaluate's inputs for the sample county (parcels, enterprises, overlays; with `parks` the parks
    and their type and share fields too), without PRESET and OUTPUT."""
    inputs = {"PARCELS": sample_layer("parcels"), "PARCEL_ID": "宗地编号", "ENTERPRISES": SAMPLE / "enterprises.csv",
              "ENTERPRISE_PARCEL_ID": "宗地编号", "ECO_REDLINE": sample_layer("eco_redline"),
              "DEV_BOUNDARY": sample_layer("dev_boundary"), "POIS": sample_layer("pois")}
    if parks:
        inputs.update(PARKS=sample_layer("parks"), ZONE_TYPE_FIELD="园区类型", SHARE_FIELD="工业用地占比")
    return inputs


def _open_first_layer(path):
    from osgeo import ogr

    ds = ogr.Open(str(path).split("|")[0])
    assert ds is not None, f"OGR cannot open {path}"
    return ds, ds.GetLayer(0)


def read_layer(path):
    """Attributes of the first layer of an output file (a path, or a URI with |layername=…), read with OGR."""
    import pandas as pd

    _ds, lyr = _open_first_layer(path)  # the data source must outlive the layer
    defn = lyr.GetLayerDefn()
    names = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
    return pd.DataFrame([[f.GetField(n) for n in names] for f in lyr], columns=names)


def geometry_type(path):
    """The geometry type name of an output file's first layer ("Multi Polygon", "None", …)."""
    from osgeo import ogr

    _ds, lyr = _open_first_layer(path)
    return ogr.GeometryTypeToName(lyr.GetGeomType())


def localized_profile(config_path, locale):
    """make_profile with QGIS set to `locale` (locale/overrideFlag, as QGIS's Options dialog writes it); fails when
    the compiled Chinese translation is missing."""
    if not (ROOT / "i18n" / "landeval_zh_CN.qm").exists():
        pytest.fail("i18n/landeval_zh_CN.qm is missing: bash scripts/setup.sh compiles the translations")
    profile = make_profile(config_path, ROOT)
    ini = profile.config_path / "profiles" / "default" / "QGIS" / "QGIS3.ini"
    with open(ini, "a", encoding="utf-8") as settings:
        settings.write(f"\n[locale]\noverrideFlag=true\nuserLocale={locale}\n")
    return profile


def algorithm_runner(profile, timeout=600):
    """`run(alg, params)`: runs landeval:<alg> through qgis_process in `profile`, returns its results."""
    def run(alg, params):
        return run_qgis_process(["run", f"landeval:{alg}", *param_args(params)], profile, timeout=timeout)["results"]
    return run


@pytest.fixture(scope="session")
def e2e():
    """The helpers above as attributes (`e2e.run_qgis_process(...)`), since tests cannot import conftest."""
    return SimpleNamespace(
        ROOT=ROOT, QgisProfile=QgisProfile, make_profile=make_profile, localized_profile=localized_profile,
        run_qgis_process=run_qgis_process,
        call_qgis_process=call_qgis_process, param_args=param_args,
        imported_plugin_files=imported_plugin_files, qgis_version_tuple=qgis_version_tuple,
        SAMPLE=SAMPLE, layer=sample_layer, sample_inputs=sample_inputs, read=read_layer, geometry_type=geometry_type,
        runner=algorithm_runner,
    )


@pytest.fixture(scope="session")
def plugin_profile(tmp_path_factory):
    """One temporary QGIS profile per session with the checkout linked in as `landeval` and enabled."""
    return make_profile(tmp_path_factory.mktemp("qgis-config"), ROOT, link=True)
