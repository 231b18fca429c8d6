"""landeval:classifyparcels — inefficiency type, final determination and category, tiers A/B/C/D/T."""
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
    optional_number,
    preset_param,
    read_step_input,
    threshold_param,
    tier_breaks,
    tier_method,
    tier_params,
    tr,
)


class ClassifyParcels(LandEvalAlgorithm):
    NAME = "classifyparcels"
    DISPLAY = "Classify parcels"
    HELP = ("Screens each parcel with the rule set's inefficiency types in order (first match = type, every match "
            "= flags), identifies it (identification: score — a failed veto or a score below THRESHOLD, as the "
            "Jiangning paper; screening — a failed veto or any screen, as the county paper, the score then only "
            "informs), gives its final category by precedence (Jiangning: 正在推进 › 生态清退 › 地方上报 › 低效认定 › "
            "现状保留) and grades tiers A/B/C/D (T = unrated, e.g. new projects) with a failed veto capping the "
            "tier. inefficient = 1 for every category but the last (现状保留). Needs the score (scoreparcels) "
            "and, for vetoes, veto_failed (checkvetoes).")
    OUTPUT_HELP = ("ineff_type (green/efficiency/quality/equity/safety or empty), ineff_flags (every matching type, "
                   "';'-joined), inefficient (1/0), review (1 = score in the review band just above the threshold), "
                   "category (in_progress/eco_exit/reported/identified/retained), tier (A/B/C/D/T). Value maps "
                   "show the Chinese labels.")
    METHOD_HELP = ("County paper §3.3 (five-layer recursive judgement); Jiangning final determination and map "
                   "categories; tiers after Zhejiang/Changle (rank shares 20/55/20/5) or score cuts, Jenks natural "
                   "breaks as an option (SPEC §3.5–3.7).")

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API name
        add_input_parameter(self, tr("a score field (scoreparcels' output)"))
        self.addParameter(preset_param())
        self.addParameter(config_file_param("RULE_SET", "Rule set"))
        self.addParameter(threshold_param())
        for param in tier_params():
            self.addParameter(param)
        add_output_parameter(self, tr("Classification"))

    def execute(self, parameters, context, feedback):
        cfg = load_eval_config(self, parameters, context, rules=True)
        source, table, fids, warnings = read_step_input(self, parameters, context, feedback, cfg)
        push_warnings(feedback, warnings)
        if "veto_failed" not in table.columns and cfg.vetoes:
            feedback.pushWarning(tr("The layer has no veto_failed field: run checkvetoes first, or vetoes are not "
                                    "taken into account."))
        method = tier_method(self, parameters, context)
        run = StageRun(threshold=optional_number(self, parameters, "THRESHOLD", context), tier_method=method,
                       tier_breaks=tier_breaks(self, parameters, context, method or (cfg.tiers and cfg.tiers.method)))
        result = run_step(table, cfg, run, ("types", "categories", "tiers"), feedback)
        tiers = result["tier"].value_counts() if "tier" in result else {}
        feedback.pushInfo(tr("{inefficient} of {total} parcel(s) inefficient; tiers: {tiers}").format(
            inefficient=int(result["inefficient"].sum()), total=len(result),
            tiers=", ".join(f"{k} {v}" for k, v in sorted(tiers.items()))))
        dest = write_step_output(OutputSink(self, parameters, "OUTPUT", context), context, feedback, source, result,
                                 fids,
                                 label_entries("output_name")["classification"], kind="tier", cfg=cfg)
        return {"OUTPUT": dest}
