"""File outputs that a failed run cannot spoil: written beside the destination, moved over it when complete.

Processing's file sinks replace the destination the moment they are created, so a run that fails later — a
full disk, Cancel, an error half-way — would leave a truncated file where last year's result was. Here the
sink writes into a hidden folder next to the destination; only a result that reads back complete is moved
over the old file (a rename within one file system), and everything else is deleted.
"""
import os
import shutil

from qgis.core import QgsProcessingException, QgsVectorLayer

from ..core.errors import LandEvalError
from ..translation import tr


def cannot_write(path, err):
    return LandEvalError("Cannot write {path}: {reason}. Choose a folder you can write to and that has free "
                         "disk space, and run again; an existing file there was left as it was.",
                         path=path, reason=err.strerror)


class Stage:
    """A hidden folder beside `final` where the sink writes a file of the same name."""

    def __init__(self, final):
        self.final = final
        self.folder, base = os.path.split(final)
        self.dir = os.path.join(self.folder, f".{base}.landeval-{os.getpid()}")
        self.path = os.path.join(self.dir, base)
        shutil.rmtree(self.dir, ignore_errors=True)  # left by a run that was killed
        try:
            os.mkdir(self.dir)
        except OSError as err:
            raise cannot_write(final, err) from None

    def commit(self, dest_id, count, context):
        """Check that `count` features read back, move the files over the destination; return its id."""
        check = QgsVectorLayer(dest_id, "check", "ogr")
        readable = check.featureCount() if check.isValid() else 0
        del check
        if readable != count:
            self.discard()
            raise LandEvalError(
                "{final} could not be written completely ({count} feature(s) written, {readable} readable "
                "back): the disk may be full. Free some space or choose another folder and run again; an existing "
                "file there was left as it was.", final=self.final, count=count, readable=readable
            )
        try:
            for entry in os.listdir(self.dir):
                os.replace(os.path.join(self.dir, entry), os.path.join(self.folder, entry))
        except OSError as err:
            self.discard()
            raise cannot_write(self.final, err) from None
        self.discard()
        final_id = dest_id.replace(self.path, self.final)
        layers = context.layersToLoadOnCompletion()
        if dest_id in layers:
            layers[final_id] = layers.pop(dest_id)
            context.setLayersToLoadOnCompletion(layers)
        return final_id

    def discard(self):
        shutil.rmtree(self.dir, ignore_errors=True)


# dBASE (.dbf) field names hold at most 10 bytes; GDAL cuts longer ones (veto_reasons -> veto_reaso) and a
# Chinese name after three characters of UTF-8.
SHAPEFILE_NAME_LIMIT = 10


def warn_shapefile_names(dest_id, fields, feedback):
    """Warn, naming them, about the fields a Shapefile destination will cut to 10 bytes: later LandEval
    steps, the report and the dock look the fields up by their full names and will not find them."""
    if feedback is None or not dest_id.split("|")[0].lower().endswith(".shp"):
        return
    cut = [f"{n} → {n.encode('utf-8')[:SHAPEFILE_NAME_LIMIT].decode('utf-8', 'ignore')}" for n in fields.names()
           if len(n.encode("utf-8")) > SHAPEFILE_NAME_LIMIT]
    if cut:
        feedback.pushWarning(tr(
            "Shapefile field names hold at most {limit} bytes (a Chinese character takes 2–3), so {count} output "
            "field(s) are cut: {fields} (GDAL numbers clashing names). LandEval steps, the report and the dock look "
            "fields up by their full names and will not find these. Write a GeoPackage (.gpkg) instead.").format(
                limit=SHAPEFILE_NAME_LIMIT, count=len(cut), fields=", ".join(cut)))


def open_sink(target, fields, wkb, crs, feedback=None):
    """The sink of `target`, staged when the destination is a file: returns (sink, destination id, Stage or
    None). A destination that cannot be created is Processing's invalid-sink error (the staged file goes). With
    `feedback`, warns about field names a Shapefile destination will cut.

    `target` (a SinkTarget; algorithms/params.OutputSink is the one an algorithm hands over) says where its
    output goes and makes the sink: `file` is the absolute path of a plain-file destination or None;
    `create(fields, wkb, crs, path)` returns (sink, destination id), writing to `path` instead when given;
    `invalid_error()` and `write_error(sink)` are the messages for a sink that cannot be made or written."""
    stage = Stage(target.file) if target.file else None
    try:
        sink, dest_id = target.create(fields, wkb, crs, stage.path if stage else None)
    except BaseException:
        if stage:
            stage.discard()
        raise
    warn_shapefile_names(dest_id, fields, feedback)
    if sink is None:
        if stage:
            stage.discard()
        raise QgsProcessingException(target.invalid_error())
    return sink, dest_id, stage
