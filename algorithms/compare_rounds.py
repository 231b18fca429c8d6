"""landeval:comparerounds — two evaluated rounds joined by parcel id: transitions of tier and category,
parcels that improved, worsened, appeared or disappeared, and the score change (yearly monitoring)."""
from qgis.core import (
    QgsCoordinateTransform,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP

from ..core.decision import monitoring as core
from ..core.keys import key_strings
from ..core.labels import entries as label_entries, label
from ..qgis_io.decision_output import aliases, finish_decision_output
from ..qgis_io.layer_io import read_features
from ..qgis_io.writer import write_frame
from ..translation import output_language
from .base import LandEvalAlgorithm
from .params import OutputSink, source_parameter, tr, with_help

ROUND_FIELDS = ("tier", "category", "score", "inefficient")
KEY = "parcel_id"
NAMES = {
    "OUTPUT": label_entries("output_name")["rounds"],
    "OUTPUT_TIER_MATRIX": label_entries("output_name")["tier_matrix"],
    "OUTPUT_CATEGORY_MATRIX": label_entries("output_name")["category_matrix"],
}


class CompareRounds(LandEvalAlgorithm):
    NAME = "comparerounds"
    DISPLAY = "Compare evaluation rounds"
    GROUP = "Decision support"
    GROUP_ID = "decision"
    HELP = ("Joins two evaluated layers of different years by parcel id and shows what changed: the transition "
            "matrix of tiers (A/B/C/D/T) and of final categories, each parcel's direction of change, and its "
            "score change. Direction: the tier decides when the parcel is rated A–D in both rounds (A best); "
            "otherwise the inefficient flag (1 → 0 improved, 0 → 1 worsened); otherwise unchanged. Parcels only "
            "in the later round have appeared, those only in the earlier one disappeared (drawn with their old "
            "outline). The score change is shown but does not decide the direction, because min-max and "
            "percentile scores are relative to the parcels of their own round.")
    OUTPUT_HELP = ("OUTPUT: one feature per parcel id of either round (later geometry, earlier for disappeared "
                   "parcels) with parcel_id, change (improved / worsened / unchanged / appeared / disappeared, "
                   "shown in Chinese), tier_old, tier_new, tier_steps (new − old; negative = better), "
                   "category_old, category_new, score_old, score_new, score_change; styled by change. "
                   "OUTPUT_TIER_MATRIX / OUTPUT_CATEGORY_MATRIX: rows = class in the earlier round (plus `new`), "
                   "columns = class in the later round (plus `gone`), counts of parcels, with totals.")
    METHOD_HELP = ("SPEC §3.12 (evaluations repeated yearly, full life-cycle supervision; track parcels that moved "
                   "between tiers); county paper §4.3 (annual review of project performance).")

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API name
        self.addParameter(with_help(
            QgsProcessingParameterFeatureSource("EARLIER", tr("Earlier round"), [QgsProcessing.SourceType.TypeVector]),
            tr("The evaluated layer of the earlier year (tier, category, score, inefficient — those it has are used)."),
        ))
        self.addParameter(with_help(
            QgsProcessingParameterFeatureSource("LATER", tr("Later round"), [QgsProcessing.SourceType.TypeVector]),
            tr("The evaluated layer of the later year."),
        ))
        self.addParameter(with_help(
            QgsProcessingParameterField("ID_FIELD", tr("Parcel id field (later)"), "parcel_id",
                                        parentLayerParameterName="LATER", optional=True),
            tr("Field of LATER with the parcel id (宗地编号); empty: parcel_id. Ids are compared as text, so 101, "
               "101.0 and '101' match."),
        ))
        self.addParameter(with_help(
            QgsProcessingParameterField("EARLIER_ID_FIELD", tr("Parcel id field (earlier)"),
                                        parentLayerParameterName="EARLIER", optional=True),
            tr("Field of EARLIER with the parcel id; empty: the same name as ID_FIELD."),
        ))
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT", tr("Changes")))
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT_TIER_MATRIX", tr("Tier transitions"),
                                                            QgsProcessing.SourceType.TypeVector))
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT_CATEGORY_MATRIX",
                                                            tr("Category transitions"),
                                                            QgsProcessing.SourceType.TypeVector))

    def execute(self, parameters, context, feedback):
        later_key = self.parameterAsString(parameters, "ID_FIELD", context) or KEY
        earlier_key = self.parameterAsString(parameters, "EARLIER_ID_FIELD", context) or later_key
        earlier = source_parameter(self, parameters, "EARLIER", context, feedback)
        later = source_parameter(self, parameters, "LATER", context, feedback)
        old, old_geoms = _read_round(earlier, earlier_key, feedback,
                                       QT_TRANSLATE_NOOP("LandEvalError", "earlier round"))
        new, new_geoms = _read_round(later, later_key, feedback,
                                       QT_TRANSLATE_NOOP("LandEvalError", "later round"))
        result = core.compare_rounds(old, new, KEY)
        # The log speaks QGIS's language: the change classes' labels in it, not always the Chinese ones.
        lang = output_language()
        feedback.pushInfo(", ".join(f"{core.CHANGE_LABELS[c][lang]} {n}" for c, n in result.counts.items()))

        # Geometry: the later outline, or the earlier one (in the later CRS) for a disappeared parcel.
        crs = later.sourceCrs()
        xform = None
        if earlier.sourceCrs().isValid() and crs.isValid() and earlier.sourceCrs() != crs:
            xform = QgsCoordinateTransform(earlier.sourceCrs(), crs, context.transformContext())
        new_at = dict(zip(new[KEY], range(len(new))))
        old_at = dict(zip(old[KEY], range(len(old))))
        geoms = [_geometry(k, new_at, new_geoms, old_at, old_geoms, xform) for k in result.parcels[KEY]]
        wkb = later.wkbType()
        if QgsWkbTypes.geometryType(wkb) not in (QgsWkbTypes.GeometryType.NullGeometry, QgsWkbTypes.GeometryType.UnknownGeometry):
            wkb = QgsWkbTypes.multiType(wkb)
            geoms = [_as_multi(g) for g in geoms]
        field_aliases = aliases(core.FIELD_LABELS, lang=lang)
        field_aliases[KEY] = label("rounds_field.parcel_id", lang)
        out = {"OUTPUT": write_frame(OutputSink(self, parameters, "OUTPUT", context), context, result.parcels, feedback,
                                     field_aliases,
                                     crs=crs, geometries=geoms, wkb_type=wkb)}
        labels = {"change": {c: t[lang] for c, t in core.CHANGE_LABELS.items()}}
        finish_decision_output(out["OUTPUT"], context, feedback, NAMES["OUTPUT"], field_aliases, labels, qml="change")
        for name, matrix in (("OUTPUT_TIER_MATRIX", result.tier_matrix),
                             ("OUTPUT_CATEGORY_MATRIX", result.category_matrix)):
            table = matrix.reset_index()
            table.columns = [str(c) for c in table.columns]
            out[name] = write_frame(OutputSink(self, parameters, name, context), context, table, feedback,
                                    {"from": label("rounds_field.from", lang)})
            finish_decision_output(out[name], context, feedback, NAMES[name], {}, {})
        return out


def _read_round(source, key, feedback, what):
    """(DataFrame with parcel_id as comparable text and the round fields it has, geometries)."""
    present = [f for f in ROUND_FIELDS if source.fields().lookupField(f) >= 0]
    read = read_features(source, [key] + present, geometry=True, feedback=feedback, what=what)
    frame = read.frame.drop(columns=[key]).copy()
    frame.insert(0, KEY, key_strings(read.frame[key].to_numpy()))
    return frame, read.geometries


def _geometry(key, new_at, new_geoms, old_at, old_geoms, xform):
    if key in new_at:
        return new_geoms[new_at[key]]
    g = QgsGeometry(old_geoms[old_at[key]])
    if xform is not None and not g.isNull():
        g.transform(xform)
    return g


def _as_multi(g):
    if g is None or g.isNull() or g.isMultipart():
        return g
    g = QgsGeometry(g)
    g.convertToMultiType()
    return g

