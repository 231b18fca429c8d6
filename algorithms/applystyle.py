"""landeval:applystyle — colour a LandEval layer by tier, category, type, level or score."""
from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingOutputString,
    QgsProcessingOutputVectorLayer,
    QgsProcessingParameterEnum,
    QgsProcessingParameterVectorLayer,
)
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP

from ..core.errors import LandEvalError
from ..qgis_io.styling import STYLE_KINDS, apply_style, save_default_style
from .base import LandEvalAlgorithm
from .params import tr, translated_options, with_help

# The STYLE options, in the order of STYLE_KINDS (a public contract: models store the index).
STYLE_OPTIONS = [QT_TRANSLATE_NOOP("LandEval", "Tier A/B/C/D"), QT_TRANSLATE_NOOP("LandEval", "Final category"),
                 QT_TRANSLATE_NOOP("LandEval", "Inefficiency type"), QT_TRANSLATE_NOOP("LandEval", "Scale level"),
                 QT_TRANSLATE_NOOP("LandEval", "Composite score")]


class ApplyStyle(LandEvalAlgorithm):
    NAME = "applystyle"
    DISPLAY = "Apply LandEval style"
    GROUP = "Presentation"
    GROUP_ID = "presentation"
    HELP = ("Styles a layer made by LandEval: categories of tier (A green → D red, T grey), final category (the "
            "Jiangning legend), inefficiency type or scale level, or a graduated composite score; sets Chinese "
            "field aliases and value maps (the attribute table shows 低效认定 instead of identified). The layer "
            "itself is not rewritten. On a GeoPackage the style is also saved in the file as its default style, "
            "and beside a Shapefile as a .qml, so the layer opens styled wherever the file is opened.")
    OUTPUT_HELP = ("OUTPUT: the styled layer (for chaining in a model); STYLE_SAVED: where the style was saved "
                   "(the GeoPackage, the .qml file) or empty for a memory layer.")
    METHOD_HELP = "Styles in resources/styles/<kind>.qml; labels from the LandEval catalogue."

    def flags(self):
        # The layer is styled in place, which must happen in the main thread.
        return super().flags() | QgsProcessingAlgorithm.Flag.FlagNoThreading

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API name
        self.addParameter(with_help(
            QgsProcessingParameterVectorLayer("INPUT", tr("Evaluated layer")),
            tr("A layer with the field to style by (tier/category/ineff_type from classifyparcels, level from "
               "classifyscale, score from scoreparcels)."),
        ))
        self.addParameter(with_help(
            QgsProcessingParameterEnum("STYLE", tr("Style"), options=translated_options(STYLE_OPTIONS),
                                       defaultValue=0),
            tr("What to colour by, in this order: tier, category, ineff_type, level, score."),
        ))
        self.addOutput(QgsProcessingOutputVectorLayer("OUTPUT", tr("Styled layer")))
        self.addOutput(QgsProcessingOutputString("STYLE_SAVED", tr("Style saved in")))

    def execute(self, parameters, context, feedback):
        layer = self.parameterAsVectorLayer(parameters, "INPUT", context)
        if layer is None:
            raise LandEvalError("INPUT is not a vector layer LandEval can open.")
        kind = STYLE_KINDS[self.parameterAsEnum(parameters, "STYLE", context)]
        apply_style(layer, kind)
        saved = save_default_style(layer, kind, feedback) or ""
        if saved:
            feedback.pushInfo(tr("Styled {layer} by {kind}; default style saved in {saved}").format(
                layer=layer.name(), kind=kind, saved=saved))
        else:
            feedback.pushInfo(tr("Styled {layer} by {kind}").format(layer=layer.name(), kind=kind))
        # A file layer is returned by its path, which means something after the run; a memory layer by its id.
        output = layer.source() if layer.providerType() == "ogr" else layer.id()
        return {"OUTPUT": output, "STYLE_SAVED": str(saved)}
