"""landeval:checkcontracts — land-contract (标准地 / 双合同) compliance at the milestones 竣工, 达产, 运营, 到期."""
from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..core import contracts as core
from ..core.dates import reference_date
from ..core.labels import entries as label_entries
from ..qgis_io.canonical_read import read_canonical
from ..qgis_io.decision_output import aliases, finish_decision_output
from ..qgis_io.styling import area_unit_of_fields
from ..qgis_io.writer import write_output
from ..translation import message_of
from .base import LandEvalAlgorithm
from .params import OutputSink, language, language_param, source_input, tr, with_help

READ = ("area_m2", "contract_fulfilled", "completion_date", "agreed_completion_date", "agreed_production_date", "expiry_date") + tuple(
    name for target in core.TARGETS.values() for name in target if name)


class CheckContracts(LandEvalAlgorithm):
    NAME = "checkcontracts"
    DISPLAY = "Check land contracts"
    GROUP = "Decision support"
    GROUP_ID = "decision"
    HELP = ("Checks each parcel's land-contract targets (标准地, 双合同: 合同投资强度, 合同亩均产值, 合同亩均税收 in "
            "万元/亩, 合同容积率, 约定竣工日期) against what it achieves, at the milestone it has reached on "
            "EVAL_DATE: after the agreed completion date (竣工, 投入评估) investment intensity, plot ratio and "
            "completion on time; after the agreed full-production date (达产, 产出评估; from a year later 正常运营, "
            "过程评估) output and tax per 亩 too; within EXPIRY_WINDOW days of the land-use right's expiry (到期, "
            "续期评估) all of them. Achieved values come from the raw sums and the parcel area (固定资产投资, 总产值, "
            "税收) or from the per-area indicators of an evaluated layer. Each shortfall is flagged with its gap. A "
            "target due without an achieved value is listed as unverified and never counted as met. The fields "
            "are ordinary parcel fields: a rule file can make a breach a veto ({field: contract_breach, is: yes}) "
            "or a type.")
    OUTPUT_HELP = ("A new layer: the input's features and fields plus contract_stage (construction, completion, "
                   "production, operation, expiry or undated), gap_investment, gap_plot_ratio, gap_output, gap_tax "
                   "(achieved − target in 万元/亩 or plot ratio; negative = shortfall; empty when not due), "
                   "gap_completion_days (days late), contract_shortfalls and contract_unverified (target ids, "
                   ";-joined) and contract_breach (1 breach, 0 met, empty = not under contract or not verifiable). "
                   "With SET_VETO_FIELD, also contract_fulfilled (1/0). Coloured by contract_breach.")
    METHOD_HELP = ("Jiangning paper §4.2.3, lines 593–597 (双合同监管; 在项目竣工、达产、正常运营与使用年期到期前，开展投入、"
                   "产出、过程与续期评估); county paper §4.3, line 187 (evaluation of compliance with construction "
                   "progress and achievement of production capacity).")

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API name
        self.addParameter(with_help(
            QgsProcessingParameterFeatureSource("INPUT", tr("Parcels with contracts"),
                                                [QgsProcessing.SourceType.TypeVectorPolygon]),
            tr("Parcels with their contract targets and dates and the achieved values (an evaluated layer, or the "
               "parcel table with 固定资产投资, 总产值, 税收, 容积率)."),
        ))
        self.addParameter(with_help(
            QgsProcessingParameterString("EVAL_DATE", tr("Evaluation date"), optional=True),
            tr("The date the milestones are judged on (2024-12-31, 2024/12/31 or 2024年12月31日); empty: today."),
        ))
        self.addParameter(with_help(
            QgsProcessingParameterNumber("EXPIRY_WINDOW", tr("Renewal window before expiry (days)"),
                                         QgsProcessingParameterNumber.Type.Integer, 365, minValue=0),
            tr("How many days before the land-use right expires the renewal assessment (续期评估) applies; the paper "
               "says only 'before expiry'. Default 365."),
        ))
        self.addParameter(with_help(
            QgsProcessingParameterBoolean("SET_VETO_FIELD", tr("Write contract_fulfilled for the veto"),
                                          False),
            tr("Also write contract_fulfilled (是否按合同约定履行), the field the jiangning preset's veto reads: 0 where a "
               "breach is found or the layer already records 否, 1 where the contract is met, the layer's own value "
               "where the check cannot tell. Then landeval:evaluate or checkvetoes on this output apply the veto."),
        ))
        self.addParameter(language_param())
        self.addParameter(with_help(QgsProcessingParameterFeatureSink("OUTPUT", tr("Contract compliance")),
                                         tr("The input parcels with the fields described under Output.")))

    def execute(self, parameters, context, feedback):
        lang = language(self, parameters, context)
        on = reference_date(self.parameterAsString(parameters, "EVAL_DATE", context))
        window = self.parameterAsInt(parameters, "EXPIRY_WINDOW", context)
        given = source_input(self, parameters, "INPUT", context, feedback)  # a SourceInput: fast paths
        source = given.source
        frame, fids = read_canonical(given, READ, feedback, "parcel layer")
        result = core.check_contracts(frame, on, area_unit_of_fields(source.fields().names()), window)
        for warning in result.warnings:
            feedback.pushWarning(message_of(warning))
        table = result.table
        if self.parameterAsBool(parameters, "SET_VETO_FIELD", context):
            recorded = frame["contract_fulfilled"] if "contract_fulfilled" in frame else None
            table["contract_fulfilled"] = core.fulfilled_flag(table["contract_breach"], recorded)
        feedback.pushInfo(tr("Judged on {date}: {breaches} breach(es), {met} met, {parcels} parcel(s) under "
                             "contract.").format(date=on, breaches=int((table["contract_breach"] == 1).sum()),
                                                 met=int((table["contract_breach"] == 0).sum()),
                                                 parcels=int(table["contract_stage"].notna().sum())))
        field_aliases = aliases(core.FIELD_LABELS, lang=lang)
        dest = write_output(OutputSink(self, parameters, "OUTPUT", context), context, given, table, fids, feedback,
                            field_aliases)
        labels = {"contract_stage": {k: v[lang] for k, v in core.STAGE_LABELS.items()}}
        finish_decision_output(dest, context, feedback, label_entries("output_name")["contracts"],
                               field_aliases, labels, qml="contract_breach", lang=lang)
        return {"OUTPUT": dest}
