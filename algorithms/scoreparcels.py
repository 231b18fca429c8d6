"""landeval:scoreparcels — normalized, weighted composite score with sub-scores, rank and weakest indicators."""
from qgis.core import QgsProcessingParameterField

from ..core.labels import entries as label_entries
from ..core.pipeline import StageRun
from ..qgis_io.steps import push_warnings, run_step, write_step_output
from .base import LandEvalAlgorithm
from .params import (
    OutputSink,
    add_input_parameter,
    add_output_parameter,
    config_file_param,
    load_eval_config,
    normalization,
    normalization_param,
    preset_param,
    read_step_input,
    tr,
    with_help,
)


class ScoreParcels(LandEvalAlgorithm):
    NAME = "scoreparcels"
    DISPLAY = "Score parcels"
    HELP = ("Normalizes every indicator of the weight set to 0–1 (min-max, benchmark ratio, percentile or clipped "
            "z-score; cost indicators reversed; categorical ones through their score map), multiplies by the "
            "combined weight (element weight × indicator weight) and sums (or takes the weighted geometric mean). "
            "Missing values follow the weight set's policy (re-weight, mean, zero). When the layer has veto_failed "
            "(checkvetoes), the parcels failing a veto are left out of the statistics (min, max, median, ranks) "
            "the others are scored against — the papers score only the parcels that pass — and are scored "
            "against them too. Raw indicator values stay in the layer beside the scores.")
    OUTPUT_HELP = ("score (0–1, higher is better), score_rank (1 = best; ties share the best rank), s_<element> "
                   "(element sub-scores 0–1), missing_count (indicators missing for the parcel), weakest (up to 3 "
                   "indicator ids with the largest weighted shortfall, ';'-joined).")
    METHOD_HELP = ("SPEC §4–§6: Jiangning two-level weights (Table 1), county paper Table 2 marks, Zhejiang "
                   "亩均论英雄 benchmark scoring; normalization formulas in SPEC §6.")

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API name
        add_input_parameter(self, tr("indicator fields (computeindicators' or checkvetoes' output)"))
        self.addParameter(preset_param())
        self.addParameter(config_file_param("WEIGHT_SET", "Weight set"))
        self.addParameter(normalization_param())
        self.addParameter(with_help(
            QgsProcessingParameterField("GROUP_FIELD", tr("Normalize within groups of"),
                                        parentLayerParameterName="INPUT", optional=True),
            tr("Optional field (industry code, scale level, town): each indicator is normalized within each group, "
               "because output per 亩 of a chemical plant and of a garment workshop are not comparable."),
        ))
        add_output_parameter(self, tr("Scores"))

    def execute(self, parameters, context, feedback):
        cfg = load_eval_config(self, parameters, context, weights=True)
        group = self.parameterAsString(parameters, "GROUP_FIELD", context) or None
        source, table, fids, warnings = read_step_input(self, parameters, context, feedback, cfg, [group])
        push_warnings(feedback, warnings)
        run = StageRun(normalization=normalization(self, parameters, context), group_field=group)
        result = run_step(table, cfg, run, ("score",), feedback)
        scored = int(result["score"].notna().sum())
        feedback.pushInfo(tr("{scored} of {total} parcel(s) scored with {name} ({normalization}, {aggregation}, "
                             "missing: {missing}).").format(scored=scored, total=len(table), name=cfg.name,
                                                            normalization=cfg.normalization,
                                                            aggregation=cfg.aggregation, missing=cfg.missing))
        dest = write_step_output(OutputSink(self, parameters, "OUTPUT", context), context, feedback, source,
                                 result, fids,
                                 label_entries("output_name")["scores"], kind="score", cfg=cfg)
        return {"OUTPUT": dest}
