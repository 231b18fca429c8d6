"""landeval:potentialclasses — the four potential classes of stock industrial land (county paper §2, Figure 1):
批而未供, 供而未用, underused urban, underused rural."""
from qgis.core import QgsProcessing, QgsProcessingParameterFeatureSink, QgsProcessingParameterFeatureSource

from ..core import potential as core
from ..core.labels import entries as label_entries
from ..core.units import from_m2
from ..qgis_io.canonical_read import parcel_areas, read_canonical
from ..qgis_io.decision_output import aliases, finish_decision_output
from ..qgis_io.writer import write_output
from ..translation import message_of
from .base import LandEvalAlgorithm
from .params import OutputSink, language, language_param, source_input, tr, with_help

READ = ("inefficient", "inside_dev_boundary", "area_m2", "approved", "approval_date", "supply_status", "supply_date",
        "construction_status", "start_date", "completion_date")


class PotentialClasses(LandEvalAlgorithm):
    NAME = "potentialclasses"
    DISPLAY = "Potential classes"
    GROUP = "Decision support"
    GROUP_ID = "decision"
    HELP = ("Puts every parcel of an evaluated layer in one of the county paper's four potential classes of stock "
            "industrial land, across its life cycle: 批而未供 (approved, not supplied), 供而未用 (supplied, "
            "construction not begun), and built land the evaluation finds inefficient — urban inside the urban "
            "development boundary, rural outside it. The stage comes from the columns a parcel table commonly "
            "carries, recognised by their Chinese headers: 供地状态 (已供/未供) or 供地日期; 建设状态 or 开发利用状态 "
            "(未开工/在建/已竣工) or 实际开工日期 and 实际竣工日期; 是否已批 or 批准日期. A parcel whose table says "
            "nothing about supply or construction is taken as built and in use. A status word LandEval cannot read "
            "stops the run and is listed, rather than guessed.")
    OUTPUT_HELP = ("A new layer: the input's features and fields plus land_stage (unapproved / approved / supplied / "
                   "under_construction / built) and potential (approved_unsupplied / supplied_undeveloped / "
                   "underused_urban / underused_rural, empty for efficient or under-construction land), shown in "
                   "Chinese through value maps and coloured by potential class.")
    METHOD_HELP = ("County paper §2 and Figure 1 (line 78: 'approved but un-supplied industrial land, supplied but "
                   "undeveloped industrial land, underutilized industrial land in urban areas, and underutilized "
                   "industrial land in rural areas'); line 74 (rural land outside the urban development boundary).")

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API name
        self.addParameter(with_help(
            QgsProcessingParameterFeatureSource("INPUT", tr("Evaluated parcels"),
                                                [QgsProcessing.SourceType.TypeVectorPolygon]),
            tr("The output of landeval:evaluate (inefficient, inside_dev_boundary) with the parcel table's supply, "
               "approval and construction columns."),
        ))
        self.addParameter(language_param())
        self.addParameter(with_help(QgsProcessingParameterFeatureSink("OUTPUT", tr("Parcels by potential class")),
                                         tr("The input parcels with the fields described under Output.")))

    def execute(self, parameters, context, feedback):
        lang = language(self, parameters, context)
        given = source_input(self, parameters, "INPUT", context, feedback)  # a SourceInput: fast paths
        source = given.source
        frame, fids = read_canonical(given, READ, feedback, "evaluated layer")
        result = core.classify_potential(frame)
        for warning in result.warnings:
            feedback.pushWarning(message_of(warning))
        area = parcel_areas(source, frame, context, feedback, "evaluated layer")
        for cls, (n, a) in core.class_totals(result.table["potential"], area).items():
            feedback.pushInfo(tr("{potential_class}: {parcels} parcel(s), {area} mu").format(
                potential_class=core.CLASS_LABELS[cls][lang], parcels=n, area=f"{from_m2(a, 'mu'):.1f}"))
        field_aliases = aliases(core.FIELD_LABELS, lang=lang)
        dest = write_output(OutputSink(self, parameters, "OUTPUT", context), context, given, result.table, fids,
                            feedback, field_aliases)
        labels = {"potential": {k: v[lang] for k, v in core.CLASS_LABELS.items()},
                  "land_stage": {k: v[lang] for k, v in core.STAGE_LABELS.items()}}
        finish_decision_output(dest, context, feedback, label_entries("output_name")["potential"], field_aliases,
                               labels, qml="potential", lang=lang)
        return {"OUTPUT": dest}
