"""Styles, aliases and value maps for LandEval layers, in the desktop and in files opened anywhere.

A style kind (`tier`, `category`, `ineff_type`, `level`, `score`) names both the field it colours and the
QML in `resources/styles/<kind>.qml`. Aliases and value maps come from `core.labels`, so the attribute table
shows Parcel ID / Tax per mu (宗地编号 / 亩均税收 in Chinese) instead of raw ids; they, the legend labels and
the layer names speak the language of QGIS at the time of the run (translation.output_language). Headless runs have no desktop to style the result,
so a GeoPackage output carries its style as the default style inside the file (a Shapefile a `.qml` beside
it); on the desktop a layer post-processor styles, names and groups the loaded outputs.
"""
import os

from qgis.core import (
    QgsEditorWidgetSetup,
    QgsMapLayer,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingUtils,
    QgsProject,
)

from ..core import labels
from ..core.errors import LandEvalError
from ..core.units import AREA_UNITS
from ..translation import output_language, tr
from . import postgis

STYLES_DIR = os.path.join(os.path.dirname(os.path.dirname(__file__)), "resources", "styles")

# Order is the `STYLE` enum of landeval:applystyle (a public contract: index 0 first).
STYLE_KINDS = ("tier", "category", "ineff_type", "level", "score")
GROUP_NAME = "LandEval"
# What is styled from a QML; field aliases and widgets are set by label_fields() afterwards, because a QML's
# field section would replace the aliases wholesale.
_QML_CATEGORIES = QgsMapLayer.StyleCategory.Symbology | QgsMapLayer.StyleCategory.Labeling | QgsMapLayer.StyleCategory.Rendering | QgsMapLayer.StyleCategory.Legend

# Post-processors must outlive the algorithm call that creates them (Processing keeps only a C++ pointer),
# so they are held here until they have run.
_PENDING = {}


def style_path(kind, lang=None):
    """The QML file of a style kind, with English legend labels (styles/en/) for lang "en" (default: the
    run's language, output_language). Any kind with a QML works (the decision-support styles too); a missing
    file is an error naming it."""
    lang = lang or output_language()
    folders = [os.path.join(STYLES_DIR, "en")] if lang == "en" else []
    for folder in folders + [STYLES_DIR]:
        path = os.path.join(folder, kind + ".qml")
        if os.path.isfile(path):
            return path
    raise LandEvalError("The style file {path} is missing; use one of "
                        "{kinds}, or reinstall the LandEval plugin.",
                        path=os.path.join(STYLES_DIR, kind + '.qml'), kinds=', '.join(STYLE_KINDS))


def area_unit_of_fields(field_names):
    """The area unit a LandEval layer was computed in, read from its `area_<unit>` field (default mu)."""
    names = {str(n).lower() for n in field_names}
    for unit in AREA_UNITS:
        if "area_" + unit in names:
            return unit
    return "mu"


def area_unit_of(layer):
    """The area unit of a LandEval layer (see area_unit_of_fields)."""
    return area_unit_of_fields(layer.fields().names())


def label_fields(layer, cfg=None, lang=None):
    """Set the alias of every field LandEval knows and a value map on coded fields (tier, category, …) in
    `lang` (default: the run's language); rule labels come from `cfg` when given, else from the shipped presets."""
    lang = lang or output_language()
    unit = area_unit_of(layer)
    for idx, field in enumerate(layer.fields()):
        alias = labels.field_alias(field.name(), lang=lang, area_unit=unit, cfg=cfg)
        if alias and alias != field.name():
            layer.setFieldAlias(idx, alias)
        values = labels.value_labels(field.name(), lang=lang, cfg=cfg)
        if values:
            # The ValueMap config is a list of one-entry {label: stored value} maps, which keeps the order.
            value_map = [{label: code} for code, label in values.items()]
            layer.setEditorWidgetSetup(idx, QgsEditorWidgetSetup("ValueMap", {"map": value_map}))


def apply_style(layer, kind, cfg=None, lang=None):
    """Colour `layer` by the field of `kind` from its QML and label its fields, legend and aliases in `lang`
    (default: the run's language). Returns the layer."""
    lang = lang or output_language()
    if layer.fields().lookupField(kind) < 0:
        raise LandEvalError(
            "Layer {layer!r} has no field {kind!r} to style by. Run the step that makes it first "
            "(tier/category/ineff_type: classifyparcels; level: classifyscale; score: scoreparcels).",
            layer=layer.name(), kind=kind
        )
    message, ok = layer.loadNamedStyle(style_path(kind, lang), _QML_CATEGORIES)
    if not ok:
        raise LandEvalError("Cannot load the {kind} style: {message}", kind=kind, message=message)
    label_fields(layer, cfg, lang)
    layer.triggerRepaint()
    return layer


def _file_of(layer):
    """(path, storage type) of a file-backed OGR layer, or (None, None)."""
    if layer.providerType() != "ogr":
        return None, None
    path = layer.source().split("|")[0]
    return (path, layer.dataProvider().storageType()) if os.path.isfile(path) else (None, None)


def save_default_style(layer, kind=None, feedback=None, lang=None):
    """Store the layer's current style (or, with no kind, its aliases and value maps) where any QGIS finds
    it when the file is opened.

    GeoPackage: the layer_styles table inside the file, marked as default; PostGIS: public.layer_styles of its
    database, marked as the table's default. Shapefile and other files:
    `<name>.qml` beside the file, which QGIS loads as the default style. Memory layers: nothing to do.
    Returns where the style went, or None.
    """
    path, storage = _file_of(layer)
    table = postgis.layer_table(layer)
    if table is not None:
        # PostGIS: the table's default style in public.layer_styles (issue 16), found by any QGIS opening it.
        path = f"{table.schema}.{table.table}"
    if path is None:
        return None
    # What the style colours by (the `style` labels), in the language of the aliases it carries.
    title = labels.label(f"style.{kind or 'labels'}", lang or output_language())
    if storage == "GPKG" or table is not None:
        name = f"LandEval {kind or 'labels'}"
        _drop_saved_style(layer, name)
        error = layer.saveStyleToDatabase(name, f"LandEval: {title}", True, "")
        if error and table is not None and feedback is not None:
            # The results are committed already; a role that may write its table but not the shared style table
            # keeps them, told what is missing.
            feedback.pushWarning(tr("The style could not be saved as the default of {table} in public.layer_styles "
                                    "({error}); the table opens unstyled. Ask the database administrator for INSERT, "
                                    "UPDATE and DELETE on public.layer_styles, or style the layer with "
                                    "landeval:applystyle.").format(table=path, error=error))
            return None
        if error:
            raise LandEvalError("Cannot save the style into {path}: {error}", path=path, error=error)
        return path
    qml = os.path.splitext(path)[0] + ".qml"
    message, ok = layer.saveNamedStyle(qml)
    if not ok:
        if feedback is not None:
            feedback.pushWarning(tr("Could not write the style file {file}: {message}").format(file=qml, message=message))
        return None
    return qml


def _drop_saved_style(layer, name):
    """Delete this layer's saved style called `name` from its GeoPackage. QGIS 3.22 answers a save under an
    existing name with an "overwrite?" dialog, which no headless run can answer (qgis_process hangs)."""
    related, ids, names, _, _ = layer.listStylesInDatabase()
    for style_id, style_name in list(zip(ids, names))[:related]:
        if style_name == name:
            layer.deleteStyleFromDatabase(style_id)


class LandEvalPostProcessor(QgsProcessingLayerPostProcessorInterface):
    """Styles, names (in the user's language) and groups an output when the desktop loads it."""

    def __init__(self, key, kind, names, cfg=None, lang=None):
        super().__init__()
        self.lang = lang or output_language()  # the run's language, not the one when the desktop loads it
        self.key = key
        self.kind = kind
        self.names = names
        self.cfg = cfg

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 - QGIS API name
        try:
            # Processing opens outputs without the style finish_output saved in the file (a decision output's
            # own QML and value maps, for one): restore it before adding ours.
            layer.loadDefaultStyle()
            if self.kind:
                apply_style(layer, self.kind, self.cfg, self.lang)
            else:
                label_fields(layer, self.cfg, self.lang)
            if self.names:
                layer.setName(self.names.get(self.lang) or self.names.get("en") or layer.name())
            move_to_group(layer, context.project() or QgsProject.instance())
        except LandEvalError as err:
            feedback.pushWarning(str(err))
        finally:
            _PENDING.pop(self.key, None)


def move_to_group(layer, project, group_name=GROUP_NAME):
    """Put the layer's legend node into the top-level LandEval group (created first in the legend)."""
    root = project.layerTreeRoot()
    node = root.findLayer(layer.id())
    if node is None:
        return
    group = root.findGroup(group_name) or root.insertGroup(0, group_name)
    if node.parent() is group:
        return
    group.insertChildNode(0, node.clone())
    node.parent().removeChildNode(node)


def finish_output(dest_id, context, feedback, kind=None, names=None, cfg=None, lang=None):
    """Style a freshly written output (`kind` None = aliases and value maps only) and make it stay styled,
    its aliases, value maps, legend and name in `lang` (default: the run's language, output_language).

    The layer is styled in the run's context (so a model's next step and a test see it), its style is saved
    into the file for headless runs, and on the desktop a post-processor repeats it on the loaded layer,
    names it in the user's language ({"zh": …, "en": …}) and groups it.
    """
    lang = lang or output_language()
    layer = QgsProcessingUtils.mapLayerFromString(dest_id, context)
    if kind and layer is not None and layer.fields().lookupField(kind) < 0:
        kind = None  # e.g. scoreparcels' output has no tier yet: label it, colour nothing
    if kind and not os.path.isfile(os.path.join(STYLES_DIR, kind + ".qml")):
        # A broken install should not cost the user the results: label them and say what is missing.
        feedback.pushWarning(tr("The style file {file} is missing from {folder}; the output is not coloured.").format(
            file=f"{kind}.qml", folder=STYLES_DIR))
        kind = None
    if layer is not None:
        if kind:
            apply_style(layer, kind, cfg, lang)
        else:
            label_fields(layer, cfg, lang)
        save_default_style(layer, kind, feedback, lang)
    if context.willLoadLayerOnCompletion(dest_id):
        processor = LandEvalPostProcessor(dest_id, kind, names, cfg, lang)
        _PENDING[dest_id] = processor
        context.layerToLoadOnCompletionDetails(dest_id).setPostProcessor(processor)
        if layer is not None and os.path.isfile(layer.source().split("|")[0]):
            # The desktop would load this very layer, opened here in the worker thread, whose GDAL connection
            # the main thread cannot use ("unable to open database file", feature count -1). Dropping it
            # makes QGIS open the file afresh; the style saved in it comes along, the post-processor adds the rest.
            context.temporaryLayerStore().removeMapLayer(layer)
            layer = None
    return layer
