"""landeval:checkvetoes — one-vote veto criteria (一票否决): which parcels fail, and why."""
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
    preset_param,
    read_step_input,
    tr,
)


class CheckVetoes(LandEvalAlgorithm):
    NAME = "checkvetoes"
    DISPLAY = "Check vetoes"
    HELP = ("Applies the rule set's veto criteria (一票否决): yes/no fields such as a legal land certificate or "
            "environmental compliance, and numeric conditions such as a red-line share above 0.5. Failing any one "
            "makes the parcel inefficient whatever its score (Jiangning). A veto that cannot be checked (the "
            "layer lacks its field, or the cell is empty) is not counted as passed: under the rule set's "
            "veto_unknown policy (verify, the default) the parcel is marked needs_verification; pass treats it "
            "as passed, fail as failed.")
    OUTPUT_HELP = ("veto_failed (1 = at least one veto failed, 0 = none), veto_reasons (the ids of the failed "
                   "vetoes, ';'-joined, in rule-set order; shown with their Chinese labels in the report), "
                   "veto_unknown (the ids of the vetoes without data) and needs_verification (1 = some veto could "
                   "not be checked, under the verify policy).")
    METHOD_HELP = "Jiangning paper, Table 1 定性指标 (8 veto criteria in two elements); SPEC §3.3."

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API name
        add_input_parameter(self, tr("the veto fields (e.g. computeindicators' output)"))
        self.addParameter(preset_param())
        self.addParameter(config_file_param("RULE_SET", "Rule set"))
        add_output_parameter(self, tr("Veto check"))

    def execute(self, parameters, context, feedback):
        cfg = load_eval_config(self, parameters, context, rules=True)
        source, table, fids, warnings = read_step_input(self, parameters, context, feedback, cfg)
        push_warnings(feedback, warnings)
        result = run_step(table, cfg, StageRun(), ("vetoes",), feedback)
        failed = int(result["veto_failed"].sum())
        feedback.pushInfo(tr("{failed} of {total} parcel(s) fail at least one veto ({name}).").format(
            failed=failed, total=len(result), name=cfg.name))
        dest = write_step_output(OutputSink(self, parameters, "OUTPUT", context), context, feedback, source, result,
                                 fids,
                                 label_entries("output_name")["veto_check"], cfg=cfg)
        return {"OUTPUT": dest}
