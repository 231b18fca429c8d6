"""Bad-input harness: run an algorithm the way a technician does and check what they would see.

Every run goes through `processing.run("landeval:…")` with a feedback that records warnings and errors.
`outcome()` snapshots every input the parameters name (files byte for byte, memory layers feature by
feature) before the run and checks them again after it, whatever happened, so no test can forget to.
"""
import errno
import hashlib
import os
import re
import subprocess
from pathlib import Path
from typing import NamedTuple, Optional

import pytest
from qgis.core import (
    QgsApplication,
    QgsFeature,
    QgsGeometry,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorFileWriter,
    QgsVectorLayer,
)

# Words that mean Python leaked through instead of a message written for the technician. QGIS turns an
# uncaught Python exception inside processAlgorithm into a QgsProcessingException carrying the traceback.
TRACEBACK_RE = re.compile(r'Traceback \(most recent call last\)|File "[^"]+", line \d+|\b[A-Z]\w*(Error|Exception): ')


class RecordingFeedback(QgsProcessingFeedback):
    """Keeps what the log would show; optionally presses Cancel once progress reaches `cancel_at` %."""

    def __init__(self, cancel_at=None):
        super().__init__()
        self.warnings, self.errors, self.infos = [], [], []
        self.cancel_at = cancel_at
        self.max_progress = 0.0
        self.progressChanged.connect(self._on_progress)

    def _on_progress(self, value):
        self.max_progress = max(self.max_progress, value)
        if self.cancel_at is not None and value >= self.cancel_at:
            self.cancel()

    def pushWarning(self, text):  # noqa: N802 - QGIS API name
        self.warnings.append(text)
        super().pushWarning(text)

    def reportError(self, text, fatalError=False):  # noqa: N802,N803 - QGIS API name
        self.errors.append(text)
        super().reportError(text, fatalError)

    def pushInfo(self, text):  # noqa: N802 - QGIS API name
        self.infos.append(text)
        super().pushInfo(text)

    def warning_text(self):
        return "\n".join(self.warnings)


class Outcome(NamedTuple):
    ok: bool
    results: Optional[dict]
    message: str
    feedback: RecordingFeedback
    exception: Optional[BaseException]


def file_digest(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _layer_snapshot(layer):
    rows = []
    for f in layer.getFeatures():
        geom = f.geometry()
        rows.append((f.id(), tuple(str(a) for a in f.attributes()), geom.asWkt(12) if not geom.isNull() else None))
    return ([fl.name() + ":" + fl.typeName() for fl in layer.fields()], rows, layer.crs().authid())


def _inputs(parameters):
    """(kind, key, value) for every input a parameter dict names: existing files and layer objects."""
    found = []
    for name, value in parameters.items():
        if name.startswith("OUTPUT"):
            continue
        values = value if isinstance(value, (list, tuple)) else [value]
        for v in values:
            if isinstance(v, QgsVectorLayer):
                found.append(("layer", f"{name}:{v.id()}", v))
            elif isinstance(v, (str, os.PathLike)):
                path = str(v).split("|")[0]
                if path and os.path.isfile(path):
                    found.append(("file", path, path))
    return found


def snapshot(parameters, extra_files=()):
    state = {}
    for kind, key, value in _inputs(parameters):
        state[key] = file_digest(value) if kind == "file" else _layer_snapshot(value)
    for path in extra_files:
        state[str(path)] = file_digest(path)
    return state


def _files_beside(parameters):
    """GeoPackage/SQLite sidecars (-wal, -shm, -journal) must not appear next to an input either."""
    names = set()
    for kind, key, _ in _inputs(parameters):
        if kind == "file":
            for suffix in ("-wal", "-shm", "-journal"):
                if os.path.exists(key + suffix):
                    names.add(key + suffix)
    return names


def outcome(alg_id, parameters, feedback=None, extra_files=()):
    """Run `landeval:<alg_id>`; check inputs are unchanged and no Python error escaped; return an Outcome."""
    from qgis import processing

    feedback = feedback or RecordingFeedback()
    before = snapshot(parameters, extra_files)
    sidecars_before = _files_beside(parameters)
    context = QgsProcessingContext()
    try:
        results = processing.run(f"landeval:{alg_id}", parameters, context=context, feedback=feedback)
        result = Outcome(True, results, "", feedback, None)
    except QgsProcessingException as err:
        result = Outcome(False, None, str(err), feedback, err)
        # A refused run's frames are never freed (the exception passes through sip), so they keep this
        # context alive; its layers must go now, not after exitQgis(), when deleting them crashes Python.
        context.temporaryLayerStore().removeAllMapLayers()
    after = snapshot(parameters, extra_files)
    assert after == before, f"an input of landeval:{alg_id} was changed by the run"
    assert _files_beside(parameters) <= sidecars_before, "the run left SQLite side files beside an input"
    for text in [result.message, *feedback.errors, *feedback.warnings]:
        assert not TRACEBACK_RE.search(text), f"Python leaked into what the user sees: {text!r}"
    return result


def refused(alg_id, parameters, *words, feedback=None, extra_files=()):
    """The run must fail with a LandEval message containing every one of `words` (case-insensitive)."""
    result = outcome(alg_id, parameters, feedback, extra_files)
    assert not result.ok, f"landeval:{alg_id} should have refused; it returned {result.results}"
    for word in words:
        assert word.lower() in result.message.lower(), f"{word!r} not in the message:\n{result.message}"
    return result


def succeeded(alg_id, parameters, *warning_words, feedback=None, extra_files=()):
    """The run must succeed; every one of `warning_words` must appear in its warnings."""
    result = outcome(alg_id, parameters, feedback, extra_files)
    assert result.ok, f"landeval:{alg_id} failed: {result.message}"
    text = result.feedback.warning_text().lower()
    for word in warning_words:
        assert word.lower() in text, f"{word!r} not in the warnings:\n{result.feedback.warning_text()}"
    return result


def has_algorithm(alg_id):
    return QgsApplication.processingRegistry().algorithmById(f"landeval:{alg_id}") is not None


@pytest.fixture
def provider(landeval_provider):
    """The provider with whatever algorithms have landed; tests of a missing algorithm fail loudly."""
    landeval_provider.refreshAlgorithms()
    return landeval_provider


def memory_layer(geometry, crs, fields, rows, name="t"):
    """rows: (wkt or None, [attributes]); `crs` None makes a layer without CRS."""
    spec = "&".join(f"field={f}" for f in fields)
    crs_part = f"crs={crs}&" if crs else ""
    layer = QgsVectorLayer(f"{geometry}?{crs_part}{spec}", name, "memory")
    assert layer.isValid()
    feats = []
    for wkt, attrs in rows:
        f = QgsFeature(layer.fields())
        if wkt is not None:
            f.setGeometry(QgsGeometry.fromWkt(wkt))
        f.setAttributes(list(attrs))
        feats.append(f)
    assert layer.dataProvider().addFeatures(feats)
    return layer


def save_gpkg(layer, path):
    """Write a memory layer to a GeoPackage file and return its path."""
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    err = QgsVectorFileWriter.writeAsVectorFormatV2(layer, str(path), QgsProject.instance().transformContext(),
                                                    options)
    assert err[0] == QgsVectorFileWriter.NoError, err
    return str(path)


def square(x, y, size=100.0):
    return f"POLYGON(({x} {y},{x + size} {y},{x + size} {y + size},{x} {y + size},{x} {y}))"


def _mount_tmpfs(path, size):
    path.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        # Not root (or no mount permission): the disk-full and read-only cases cannot be staged for real.
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    return path


def _unmount(path):
    subprocess.run(["umount", "-l", str(path)], capture_output=True)


def fill_disk(folder):
    """Write a filler file until the file system is full (ENOSPC)."""
    chunk = b"\0" * 4096
    with open(folder / "filler.bin", "wb", buffering=0) as fh:
        try:
            while True:
                fh.write(chunk)
        except OSError as err:
            assert err.errno == errno.ENOSPC, err


@pytest.fixture
def tiny_disk(tmp_path):
    """A 1 MiB tmpfs: put the previous output in it, then `fill_disk()` before the run."""
    mnt = _mount_tmpfs(tmp_path / "tiny", "1m")
    yield mnt
    _unmount(mnt)


@pytest.fixture
def read_only_folder(tmp_path):
    """Returns (folder, make_read_only): files written before make_read_only() stay readable afterwards."""
    mnt = _mount_tmpfs(tmp_path / "ro", "2m")

    def make_read_only():
        done = subprocess.run(["mount", "-o", "remount,ro", str(mnt)], capture_output=True, text=True)
        assert done.returncode == 0, done.stderr

    yield mnt, make_read_only
    _unmount(mnt)


def folder_state(folder):
    """{name: sha256} of every file in a folder, to prove a failed run left nothing behind and changed nothing."""
    return {p.name: file_digest(p) for p in Path(folder).iterdir() if p.is_file()}
