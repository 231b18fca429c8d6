"""landeval:dossier — one dossier page per parcel (一宗一档) as a PDF atlas, made by QGIS's own layout and atlas
machinery from a template a user can edit in the layout designer (resources/layouts/dossier.qpt)."""
import datetime
import os
import re
import time
import uuid

import numpy as np
from qgis.core import (
    Qgis,
    QgsConditionalStyle,
    QgsExpression,
    QgsFeature,
    QgsFeatureRequest,
    QgsField,
    QgsFillSymbol,
    QgsLayoutExporter,
    QgsLegendRenderer,
    QgsLegendStyle,
    QgsMapLayer,
    QgsPrintLayout,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterVectorLayer,
    QgsProcessingUtils,
    QgsProject,
    QgsReadWriteContext,
    QgsRuleBasedRenderer,
    QgsSingleSymbolRenderer,
    QgsVectorFileWriter,
    QgsVectorLayer,
)
from osgeo import ogr
from qgis.PyQt.QtCore import QVariant
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtXml import QDomDocument

from ..core.dossier_data import build_dossier
from ..core.errors import LandEvalError
from ..qgis_io.deliverables import commit, decision_labels, park_names, read_parcels, selected_mask, staged_path
from ..qgis_io.styling import STYLE_KINDS, area_unit_of, style_path
from ..qgis_io.values import check_canceled
from ..translation import message_of
from .base import LandEvalAlgorithm
from .params import config_file_param, filter_param, load_eval_config, parks_param, preset_param, tr, with_help

PLUGIN_DIR = os.path.dirname(os.path.dirname(__file__))
DEFAULT_TEMPLATE = os.path.join(PLUGIN_DIR, "resources", "layouts", "dossier.qpt")
TABLE_ITEMS = ("indicators", "elements")
# Outline styles of the context layers on the map: (colour, width mm, line style).
CONTEXT_STYLES = {
    "ECO_REDLINE": ("#e41a1c", 0.6, "dash"),
    "DEV_BOUNDARY": ("#6a3d9a", 0.5, "dash"),
    "PARKS": ("#000000", 0.35, "dash dot"),
}
HIGHLIGHT = ("#0050ff", 1.0)
ATLAS_FILTER = "\"pid\" = attribute(@atlas_feature, 'pid')"
QML_CATEGORIES = QgsMapLayer.StyleCategory.Symbology | QgsMapLayer.StyleCategory.Rendering
UNSAFE_NAME = re.compile(r'[\\/:*?"<>|\s]+')


def file_name(pid):
    """A parcel id as a safe file name (no path separators, wildcards or spaces)."""
    return UNSAFE_NAME.sub("_", str(pid)).strip("._") or "parcel"


def _qtype(series):
    if series.dtype.kind == "f":
        return QVariant.Double
    return QVariant.LongLong if series.dtype.kind in "iu" else QVariant.String


def memory_layer(frame, name, crs=None, geometries=None):
    """A memory layer holding `frame` (text, integer or real columns), with one polygon per row when
    `geometries` is given, else without geometry."""
    kind = f"MultiPolygon?crs={crs.authid() or crs.toWkt()}" if geometries is not None else "None"
    layer = QgsVectorLayer(kind, name, "memory")
    if geometries is not None and crs is not None:
        layer.setCrs(crs)
    provider = layer.dataProvider()
    provider.addAttributes([QgsField(c, _qtype(frame[c])) for c in frame.columns])
    layer.updateFields()
    fields = layer.fields()
    columns = [frame[c].astype(object).where(frame[c].notna(), None).tolist() for c in frame.columns]
    features = []
    for n, row in enumerate(zip(*columns)):
        feature = QgsFeature(fields)
        feature.setAttributes([v.item() if hasattr(v, "item") else v for v in row])
        if geometries is not None:
            feature.setGeometry(geometries[n])
        features.append(feature)
    provider.addFeatures(features)
    layer.updateExtents()
    if geometries is not None:
        provider.createSpatialIndex()
    return layer


def indexed_table(frame, name, path, context):
    """`frame` as a layer of the GeoPackage `path` with an index on pid: every page's tables select their rows
    by pid, and OGR answers that from the index instead of scanning every parcel's rows (which made the atlas
    quadratic in the number of parcels)."""
    memory = memory_layer(frame, name)
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = name
    options.fileEncoding = "UTF-8"
    if os.path.exists(path):
        options.actionOnExistingFile = QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer
    error, message, _, _ = QgsVectorFileWriter.writeAsVectorFormatV3(memory, path, context.transformContext(),
                                                                      options)
    if error != QgsVectorFileWriter.WriterError.NoError:
        raise LandEvalError("Cannot write the dossier's working table {path}: {message}", path=path, message=message)
    dataset = ogr.Open(path, 1)
    dataset.ExecuteSQL(f'CREATE INDEX "idx_{name}_pid" ON "{name}" ("pid")')
    dataset = None
    layer = QgsVectorLayer(f"{path}|layername={name}", name, "ogr")
    if not layer.isValid():
        raise LandEvalError("Cannot open the dossier's working table {path}.", path=path)
    return layer


def _outline(color, width, style):
    return QgsFillSymbol.createSimple({"color": "0,0,0,0", "outline_color": color, "outline_width": str(width),
                                       "outline_width_unit": "MM", "outline_style": style})


def map_copy(layer, name):
    """The same data as `layer` in a layer of the dossier's own: file sources are reopened (nothing copied),
    memory layers copied, so restyling never touches the user's layer."""
    if layer.providerType() == "memory":
        copy = layer.materialize(QgsFeatureRequest())
        copy.setName(name)
    else:
        copy = QgsVectorLayer(layer.source(), name, layer.providerType())
    if not copy.isValid():
        raise LandEvalError("Cannot open layer {layer!r} again for the dossier map ({source}).",
                            layer=layer.name(), source=layer.source())
    return copy


def neighbours_layer(layer):
    """Every parcel of the evaluated layer, coloured by tier (or category / score when the layer has no tier)."""
    copy = map_copy(layer, "宗地分级")
    names = copy.fields().names()
    kind = next((k for k in ("tier", "category", "score") if k in names and k in STYLE_KINDS), None)
    if kind:
        # The dossier is a Chinese document whatever language QGIS runs in: the Chinese legend labels.
        message, ok = copy.loadNamedStyle(style_path(kind, "zh"), QML_CATEGORIES)
        if not ok:
            raise LandEvalError("Cannot load the {kind} style for the dossier map: {message}",
                                kind=kind, message=message)
    return copy


def context_layer(layer, key, label):
    copy = map_copy(layer, label)
    copy.setRenderer(QgsSingleSymbolRenderer(_outline(*CONTEXT_STYLES[key])))
    return copy


def coverage_layer(pages, geometries, crs):
    """The atlas coverage: one feature per dossier page; on the map only the page's own parcel is drawn, with a
    thick outline over its neighbours."""
    layer = memory_layer(pages, "宗地档案", crs, geometries)
    root = QgsRuleBasedRenderer.Rule(None)
    root.appendChild(QgsRuleBasedRenderer.Rule(_outline(HIGHLIGHT[0], HIGHLIGHT[1], "solid"),
                                               filterExp="$id = @atlas_featureid"))
    layer.setRenderer(QgsRuleBasedRenderer(root))
    return layer


def indicator_layer(table, path, context):
    layer = indexed_table(table, "indicators", path, context)
    # The weakest indicators stand out in the table (the layout table uses the layer's conditional styles).
    weak = QgsConditionalStyle('"weak" = 1')
    weak.setBackgroundColor(QColor("#fde0dd"))
    weak.setTextColor(QColor("#99000d"))
    layer.conditionalStyles().setRowStyles([weak])
    return layer


def load_template(path, project):
    """The print layout of a .qpt template, in `project`."""
    try:
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
    except OSError as err:
        raise LandEvalError("Cannot read the dossier template {path}: {reason}. Give a .qpt saved from the "
                            "layout designer, or leave TEMPLATE empty for the shipped one.",
                            path=path, reason=err.strerror) from None
    doc = QDomDocument()
    if not doc.setContent(text)[0]:
        raise LandEvalError("The dossier template {path} is not a QGIS layout template (.qpt): it is not XML.",
                            path=path)
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    _, ok = layout.loadFromTemplate(doc, QgsReadWriteContext())
    if not ok:
        raise LandEvalError("QGIS could not load the layout template {path}; open it in the layout designer to "
                            "check it.", path=path)
    return layout


def bind(layout, map_layers, tables, crs, feedback):
    """Point the template's map at the dossier layers (the last one is the tier layer, which the legend shows)
    and its tables at the per-parcel rows. Returns the tables that keep the template's own atlas filter
    (`"pid" = attribute(@atlas_feature, 'pid')`), which follow_pages() replaces page by page."""
    map_item = layout.itemById("map")
    if map_item is not None and hasattr(map_item, "setLayers"):
        map_item.setCrs(crs)
        map_item.setLayers(map_layers)
        map_item.setKeepLayerSet(True)
        # zoomToExtent keeps the frame's size (setExtent, as a template's saved extent may trigger, would not).
        map_item.zoomToExtent(map_layers[-1].extent())
    else:
        feedback.pushWarning(tr("The template has no map item with id 'map'; the pages are printed without the map."))
    standard = []
    legend = layout.itemById("legend")
    if legend is not None and hasattr(legend, "model"):
        legend.setAutoUpdateModel(False)
        root = legend.model().rootGroup()
        root.removeAllChildren()
        node = root.addLayer(map_layers[-1])
        # The legend's title already names the layer.
        QgsLegendRenderer.setNodeLegendStyle(node, QgsLegendStyle.Style.Hidden)
        legend.adjustBoxSize()
    for item_id, layer in tables.items():
        frame = layout.itemById(item_id)
        table = frame.multiFrame() if frame is not None and hasattr(frame, "multiFrame") else None
        if table is None or not hasattr(table, "setVectorLayer"):
            feedback.pushWarning(tr("The template has no attribute table with id {id}; that block is left out.").format(
                id=repr(item_id)))
            continue
        # Setting the layer resets the columns to all fields: keep the template's columns and filter.
        columns, expression = table.columns(), table.featureFilter()
        table.setVectorLayer(layer)
        table.setColumns(columns)
        table.setFeatureFilter(expression)
        table.refresh()
        if " ".join(expression.split()) == ATLAS_FILTER:
            standard.append(table)
    return standard


def follow_pages(atlas, tables):
    """Give `tables` the literal filter "pid" = '<id of the page's parcel>' on every atlas page.

    OGR turns a literal comparison into an indexed SQL query (0.1 ms), but evaluates the template's
    expression, which reads a variable, on every row of every parcel (60 ms per table and page for 700
    parcels), which made the atlas quadratic. Returns the slot, which the caller keeps alive while printing."""
    def on_page(_feature):
        # The page name is the parcel id (setPageNameExpression('"pid"')).
        pid = atlas.nameForPage(atlas.currentFeatureNumber())
        condition = f'"pid" = {QgsExpression.quotedValue(pid)}'
        for table in tables:
            table.setFeatureFilter(condition)
            table.refreshAttributes()

    atlas.featureChanged.connect(on_page)
    return on_page


def pdf_settings():
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.dpi = 200
    # Map labels as text, so they stay searchable and the fonts are embedded rather than turned into curves.
    settings.textRenderFormat = Qgis.TextRenderFormat.AlwaysText
    settings.forceVectorOutput = True
    settings.appendGeoreference = False
    settings.simplifyGeometries = True
    return settings


def export_each(layout, folder, settings, feedback):
    """One PDF per parcel in `folder`, named by parcel id. Returns (pages written, [(parcel id, error)])."""
    atlas = layout.atlas()
    if not atlas.beginRender():
        raise LandEvalError("The dossier atlas has no pages to print.")
    written, failed, count = 0, [], atlas.count()
    try:
        for n in range(count):
            check_canceled(feedback)
            atlas.seekTo(n)
            pid = atlas.nameForPage(n)
            staged = staged_path(os.path.join(folder, file_name(pid) + ".pdf"))
            result = QgsLayoutExporter(layout).exportToPdf(staged, settings)
            if result == QgsLayoutExporter.ExportResult.Success:
                commit(staged, os.path.join(folder, file_name(pid) + ".pdf"))
                written += 1
            else:
                failed.append((pid, f"export error {int(result)}"))
                if os.path.exists(staged):
                    os.remove(staged)
            feedback.setProgress(100.0 * (n + 1) / max(count, 1))
    finally:
        atlas.endRender()
    return written, failed


def export_one_file(layout, path, settings, feedback):
    """All pages in one PDF. A page that cannot be printed is found by printing each page alone, then the
    file is printed again without it. Returns (pages written, [(parcel id, error)])."""
    atlas = layout.atlas()
    staged = staged_path(path)
    result, error = QgsLayoutExporter.exportToPdf(atlas, staged, settings, feedback)
    if result == QgsLayoutExporter.ExportResult.Canceled or feedback.isCanceled():
        check_canceled(feedback)
    failed = []
    if result != QgsLayoutExporter.ExportResult.Success:
        feedback.pushWarning(tr("The atlas could not be printed in one go ({error}); looking for the parcel at "
                                "fault…").format(error=error))
        probe = os.path.join(os.path.dirname(staged), ".probe")
        os.makedirs(probe, exist_ok=True)
        try:
            _, failed = export_each(layout, probe, settings, feedback)
        finally:
            for name in os.listdir(probe):
                os.remove(os.path.join(probe, name))
            os.rmdir(probe)
        if not failed:
            raise LandEvalError("The dossier PDF could not be written: {error}", error=error)
        ids = ",".join("'" + pid.replace("'", "''") + "'" for pid, _ in failed)
        atlas.setFilterFeatures(True)
        atlas.setFilterExpression(f'"pid" NOT IN ({ids})')
        result, error = QgsLayoutExporter.exportToPdf(atlas, staged, settings, feedback)
        if result != QgsLayoutExporter.ExportResult.Success:
            raise LandEvalError("The dossier PDF could not be written: {error}", error=error)
    atlas.beginRender()
    pages = atlas.count()
    atlas.endRender()
    commit(staged, path)
    return pages, failed


class Dossier(LandEvalAlgorithm):
    NAME = "dossier"
    DISPLAY = "Parcel dossiers (PDF atlas)"
    GROUP = "Presentation"
    GROUP_ID = "presentation"
    HELP = ("Prints one A4 dossier page per parcel (一宗一档) with QGIS's layout and atlas: a map of the parcel and "
            "its neighbours coloured by tier with the ecological red line, development boundary and parks, a "
            "scale bar and north arrow; the identity block (id, street, park, scale level, area in 亩 and m², "
            "enterprises); the element sub-scores as bars; the indicator table (value with unit, district median, "
            "normalized score, combined weight, weighted contribution, the weakest marked); the score against "
            "the threshold, failed vetoes, type and flags, category and tier, and — when the layer has them — the "
            "redevelopment path and clearance zone (landeval:suggestpaths), the robustness class and the "
            "verification flag; the data-quality notes of the parcel; a footer with the date, the weight set and "
            "its sha256 digest. The page is the template resources/layouts/dossier.qpt: open it in the layout "
            "designer (Project › Layout Manager › Create from template), change logo, header or fonts, save it "
            "and give it as TEMPLATE. Normalized scores and contributions are recomputed with the weight set "
            "over the whole layer; give the PRESET or WEIGHT_SET the layer was evaluated with (a warning says "
            "when the recomputed scores differ from the layer's).")
    OUTPUT_HELP = ("OUTPUT: the PDF (or, with ONE_FILE_PER_PARCEL, the folder holding <parcel id>.pdf files); "
                   "PAGES: the number of pages printed.")
    METHOD_HELP = ("一宗一档 (图斑档案) of the inefficient-land identification practice (SPEC); fonts: WenQuanYi "
                   "Micro Hei, embedded in the PDF.")

    def flags(self):
        # Layouts render maps and must be built in the main thread of the desktop.
        return super().flags() | QgsProcessingAlgorithm.Flag.FlagNoThreading

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API name
        self.addParameter(with_help(
            QgsProcessingParameterVectorLayer("INPUT", tr("Evaluated layer"),
                                              [QgsProcessing.SourceType.TypeVectorPolygon]),
            tr("The output of landeval:evaluate (or suggestpaths, for paths and clearance zones on the pages)."),
        ))
        self.addParameter(filter_param())
        self.addParameter(preset_param(optional=True))
        self.addParameter(config_file_param("WEIGHT_SET", "Weight set"))
        for name, label in (("ECO_REDLINE", tr("Ecological red line")),
                            ("DEV_BOUNDARY", tr("Urban development boundary"))):
            self.addParameter(with_help(
                QgsProcessingParameterVectorLayer(name, label, [QgsProcessing.SourceType.TypeVectorPolygon], optional=True),
                tr("Optional polygons drawn as outlines on each page's map.")))
        self.addParameter(parks_param())
        self.addParameter(with_help(
            QgsProcessingParameterFile("TEMPLATE", tr("Layout template (.qpt)"),
                                       behavior=QgsProcessingParameterFile.Behavior.File, extension="qpt",
                                                                                                    optional=True),
            tr("A layout template saved from the layout designer; empty: resources/layouts/dossier.qpt. Its items "
               "with ids map, identity, result, notes, footer, elements and indicators are filled per parcel."),
        ))
        self.addParameter(with_help(
            QgsProcessingParameterBoolean("ONE_FILE_PER_PARCEL", tr("One PDF per parcel"),
                                          defaultValue=False),
            tr("Write <parcel id>.pdf files into a folder named like OUTPUT without .pdf instead of one PDF."),
        ))
        self.addParameter(with_help(
            QgsProcessingParameterFileDestination("OUTPUT", tr("Dossiers (PDF)"), "PDF files (*.pdf)"),
            tr("The PDF to write (with ONE_FILE_PER_PARCEL: its name without .pdf is the folder)."),
        ))
        self.addOutput(QgsProcessingOutputNumber("PAGES", tr("Pages")))

    def execute(self, parameters, context, feedback):
        started = time.perf_counter()
        layer = self.parameterAsVectorLayer(parameters, "INPUT", context)
        if layer is None or not layer.isValid():
            raise LandEvalError("INPUT is not a vector layer LandEval can open.")
        if not (parameters.get("PRESET") or parameters.get("WEIGHT_SET")):
            parameters = dict(parameters, PRESET=self.parameterDefinition("PRESET").defaultValue())
        cfg = load_eval_config(self, parameters, context, weights=True)
        frame, fids = read_parcels(layer, cfg, feedback)
        selected = selected_mask(layer, self.parameterAsExpression(parameters, "FILTER", context), fids, feedback)
        if not selected.any():
            raise LandEvalError("No parcel of {layer!r} matches FILTER; nothing to print. Check the filter "
                                "(default: the inefficient parcels) and that the layer is evaluated.",
                                layer=layer.name())
        feedback.pushInfo(tr("{pages} dossier page(s) to print.").format(pages=int(selected.sum())))
        crs = layer.crs()
        request = QgsFeatureRequest().setFilterFids([int(f) for f in fids[selected]]).setNoAttributes()
        geometry_of = {f.id(): f.geometry() for f in layer.getFeatures(request)}
        geometries = [geometry_of.get(int(f)) for f in fids[selected]]
        parks = self.parameterAsVectorLayer(parameters, "PARKS", context) if parameters.get("PARKS") else None
        park_all = None
        if parks is not None:
            park_all = np.full(len(frame), "", dtype=object)
            park_all[selected] = park_names(parks, geometries, crs, context, feedback)
        info = {"run_date": datetime.date.today().isoformat(), "weight_set": cfg.name, "digest": cfg.digest(),
                "area_unit": area_unit_of(layer)}
        data = build_dossier(frame, cfg, selected, info, park_all, decision_labels(layer))
        for warning in data.warnings:
            feedback.pushWarning(message_of(warning))

        project = QgsProject()
        project.setCrs(crs)
        context_layers = self._context_layers(parameters, context)
        coverage = coverage_layer(data.pages, geometries, crs)
        work = os.path.join(QgsProcessingUtils.tempFolder(), f"dossier_{uuid.uuid4().hex}.gpkg")
        tables = {"indicators": indicator_layer(data.indicators, work, context),
                  "elements": indexed_table(data.elements, "elements", work, context)}
        map_layers = [coverage] + context_layers + [neighbours_layer(layer)]
        project.addMapLayers(map_layers + list(tables.values()))

        template = self.parameterAsFile(parameters, "TEMPLATE", context) or DEFAULT_TEMPLATE
        layout = load_template(template, project)
        standard_tables = bind(layout, map_layers, tables, crs, feedback)
        atlas = layout.atlas()
        atlas.setCoverageLayer(coverage)
        atlas.setEnabled(True)
        atlas.setPageNameExpression('"pid"')
        settings = pdf_settings()
        slot = follow_pages(atlas, standard_tables)
        output, pages, failed = self._export(parameters, context, layout, settings, feedback)
        atlas.featureChanged.disconnect(slot)
        for pid, error in failed:
            feedback.reportError(tr("Parcel {parcel}: its dossier page could not be printed ({error}); the other pages "
                                    "were written. Check this parcel's geometry and attributes.").format(
                parcel=pid, error=error), False)
        elapsed = time.perf_counter() - started
        feedback.pushInfo(tr("{pages} page(s) written to {output} in {seconds} s ({rate} pages/s).").format(
            pages=pages, output=output, seconds=f"{elapsed:.1f}", rate=f"{pages / max(elapsed, 1e-9):.1f}"))
        return {"OUTPUT": output, "PAGES": pages}

    def _context_layers(self, parameters, context):
        """Copies of the optional ECO_REDLINE, DEV_BOUNDARY and PARKS layers for the dossier maps."""
        layers = []
        for key, label in (("ECO_REDLINE", "生态保护红线"), ("DEV_BOUNDARY", "城镇开发边界"), ("PARKS", "园区")):
            source = self.parameterAsVectorLayer(parameters, key, context) if parameters.get(key) else None
            if source is not None:
                layers.append(context_layer(source, key, label))
        return layers

    def _export(self, parameters, context, layout, settings, feedback):
        """(OUTPUT path or folder, pages written, [(pid, error)]): one PDF, or one per parcel in a folder named
        after OUTPUT with ONE_FILE_PER_PARCEL."""
        output = self.parameterAsFileOutput(parameters, "OUTPUT", context)
        if self.parameterAsBoolean(parameters, "ONE_FILE_PER_PARCEL", context):
            output = os.path.splitext(output)[0]
            os.makedirs(output, exist_ok=True)
            return (output, *export_each(layout, output, settings, feedback))
        return (output, *export_one_file(layout, output, settings, feedback))
