"""The two documents pages of the dock's Decision support box: the parcel dossiers (landeval:dossier, a PDF
atlas) and the inefficient-land list (landeval:exportlist, an Excel workbook or a GB18030 CSV).

Each page's widgets come from the algorithm's own parameter definitions (labels, help, the FILTER default).
The file to write defaults to the evaluated layer's folder, named after the layer, until the user picks one.
The weight set shown in the dock goes with the run, so the dossier's contributions and the list's labels are
those of the set the user sees.
"""
import html
import os
from urllib.parse import quote

from qgis.gui import QgsFieldExpressionWidget, QgsFileWidget
from qgis.PyQt.QtWidgets import QCheckBox

from ..core.errors import LandEvalError
from ..translation import tr

DOSSIER = "landeval:dossier"
EXPORT_LIST = "landeval:exportlist"
# The context layers of the dossier map, taken from Apply ▸ Spatial inputs.
DOSSIER_OVERLAYS = ("ECO_REDLINE", "DEV_BOUNDARY", "PARKS")


def _file(algorithm_id):
    """(name part of the default file, extension, file dialog filter) of a document, in the interface's language
    (the default file is a suggestion the user sees and may change)."""
    return {DOSSIER: (tr("parcel_dossiers"), ".pdf", tr("PDF (*.pdf)")),
            EXPORT_LIST: (tr("inefficient_land_list"), ".xlsx",
                          tr("Excel workbook (*.xlsx);;CSV GB18030 (*.csv)"))}[algorithm_id]


def default_output(layer, algorithm_id):
    """`<layer's folder>/<layer name>_<document>.<ext>` for a layer read from a file; "" otherwise."""
    path = layer.source().split("|")[0] if layer is not None else ""
    if not os.path.isfile(path):
        return ""
    name, ext, _ = _file(algorithm_id)
    stem = "".join(c if c.isalnum() or c in "-_" else "_" for c in layer.name()).strip("_") or "landeval"
    return os.path.join(os.path.dirname(os.path.abspath(path)), f"{stem}_{name}{ext}")


class DocumentOptions:
    """The widgets of one document page: which parcels (FILTER), where to write (OUTPUT) and, for the
    dossier, ONE_FILE_PER_PARCEL."""

    def __init__(self, parent, algorithm):
        self.algorithm_id = f"landeval:{algorithm.name()}"
        self._auto = ""   # the default path last put in the file widget; replaced while the user keeps it
        definition = algorithm.parameterDefinition("FILTER")
        self.filter = QgsFieldExpressionWidget(parent)
        self.filter.setExpression(definition.defaultValue() or "")
        self.filter.setToolTip(definition.help())
        output = algorithm.parameterDefinition("OUTPUT")
        self.output = QgsFileWidget(parent)
        self.output.setStorageMode(QgsFileWidget.StorageMode.SaveFile)
        self.output.setFilter(_file(self.algorithm_id)[2])
        self.output.setToolTip(output.help())
        self.rows = [(definition.description(), self.filter), (output.description(), self.output)]
        self.one_file_each = None
        if algorithm.parameterDefinition("ONE_FILE_PER_PARCEL") is not None:
            each = algorithm.parameterDefinition("ONE_FILE_PER_PARCEL")
            self.one_file_each = QCheckBox(each.description(), parent)
            self.one_file_each.setToolTip(each.help())
            self.rows.append(("", self.one_file_each))

    def follow_layer(self, layer):
        self.filter.setLayer(layer)
        if self.output.filePath() in ("", self._auto):
            self._auto = default_output(layer, self.algorithm_id)
            self.output.setFilePath(self._auto)

    def inputs(self, layer, overlays, weight_path, has_rules):
        """The run's parameters; `overlays` {name: layer or None} from Apply, `weight_path` the set as a file."""
        path = self.output.filePath().strip()
        if not path:
            raise LandEvalError("Choose the file to write ({parameter}).", parameter=self.rows[1][0])
        inputs = {"INPUT": layer.id(), "FILTER": self.filter.expression(), "OUTPUT": path}
        if self.algorithm_id == DOSSIER:
            inputs["WEIGHT_SET"] = weight_path
            inputs["ONE_FILE_PER_PARCEL"] = self.one_file_each.isChecked()
            inputs.update({name: overlays[name].id() for name in DOSSIER_OVERLAYS if overlays.get(name) is not None})
            return inputs
        # The list reads rules only (veto, type and category labels): the set's own when it has them.
        if has_rules:
            inputs["RULE_SET"] = weight_path
        if overlays.get("PARKS") is not None:
            inputs["PARKS"] = overlays["PARKS"].id()
        return inputs


def document_summary(algorithm_id, outputs):
    """'N pages → file' (or rows) with a link that opens the file or folder."""
    path = str(outputs.get("OUTPUT") or "")
    link = f"<a href='file://{quote(os.path.abspath(path))}'>{html.escape(path)}</a>"
    if algorithm_id == DOSSIER:
        return tr("{count} dossier page(s) → {link}").format(count=int(outputs.get("PAGES") or 0), link=link)
    return tr("List of {count} parcel(s) → {link}").format(count=int(outputs.get("ROWS") or 0), link=link)
