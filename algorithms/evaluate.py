"""landeval:evaluate — the whole evaluation in one pass, in memory: indicators → vetoes → score → classify
(→ scale level when parks are given), a styled output and optionally the HTML report."""
import time

from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputFile,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
    QgsProcessingUtils,
)

from ..core.labels import entries as label_entries
from ..core.pipeline import StageRun, dropped_columns, evaluate_parsed, needed_inputs
from ..core.tables import magnitude_warnings
from ..qgis_io.assemble import assemble
from ..qgis_io.memory import release_free_memory
from ..qgis_io.results import write_results
from ..qgis_io.steps import push_messages
from .base import LandEvalAlgorithm
from .params import (
    OutputSink,
    add_count_outputs,
    add_input_parameters,
    add_scale_parameters,
    area_unit,
    area_unit_param,
    config_file_param,
    count_results,
    keep_fields,
    keep_fields_param,
    load_eval_config,
    normalization,
    normalization_param,
    optional_number,
    preset_param,
    read_inputs,
    report_language,
    report_language_param,
    scale_levels,
    threshold_param,
    tier_breaks,
    tier_method,
    tier_params,
    tr,
    with_help,
)


class Evaluate(LandEvalAlgorithm):
    NAME = "evaluate"
    DISPLAY = "Evaluate industrial land (one step)"
    HELP = ("Runs the whole evaluation in memory in one pass: computes areas, joins the enterprises, computes the "
            "spatial inputs and indicators (as computeindicators), checks the vetoes, scores, screens the "
            "inefficiency types, decides the final category and grades the tiers (as checkvetoes, scoreparcels "
            "— against the parcels that pass the vetoes — "
            "and classifyparcels), and with PARKS gives every parcel its scale level first (so GROUP_FIELD=level "
            "normalizes within levels). The output is styled by tier; a GeoPackage keeps the style. With REPORT, "
            "also writes the HTML report.")
    OUTPUT_HELP = ("The parcels with their attributes, the fields of computeindicators that KEEP_FIELDS keeps "
                   "(area_m2, area_<unit>, n_enterprises, raw inputs, spatial inputs, indicators), veto_failed, "
                   "veto_reasons, veto_unknown, needs_verification, score, score_rank, s_<element>, missing_count, "
                   "weakest, ineff_type, ineff_flags, inefficient, review, category, tier and, with PARKS, level. "
                   "Counts as in computeindicators; REPORT: the HTML file.")
    METHOD_HELP = ("The pipeline of SPEC §3 (Jiangning paper: vetoes, two-level weights, threshold 0.6, map "
                   "categories; county paper: inefficiency types, levels; Zhejiang/Changle tiers).")

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API name
        add_input_parameters(self)
        self.addParameter(area_unit_param(optional=True))
        self.addParameter(preset_param())
        self.addParameter(config_file_param("WEIGHT_SET", "Weight set"))
        self.addParameter(config_file_param("RULE_SET", "Rule set"))
        self.addParameter(normalization_param())
        self.addParameter(with_help(
            QgsProcessingParameterString("GROUP_FIELD", tr("Normalize within groups of"), optional=True),
            tr("Optional column to normalize within: a parcel field, an enterprise column such as industry_code, or "
               "level (with PARKS)."),
        ))
        self.addParameter(threshold_param())
        for param in tier_params():
            self.addParameter(param)
        add_scale_parameters(self, optional=True)
        self.addParameter(keep_fields_param())
        self.addParameter(with_help(
            QgsProcessingParameterFeatureSink("OUTPUT", tr("Evaluation result"), QgsProcessing.SourceType.TypeVectorPolygon),
            tr("The evaluated parcels (memory, GeoPackage — styled by tier inside the file —, Shapefile, …)."),
        ))
        self.addParameter(with_help(
            QgsProcessingParameterFileDestination("REPORT", tr("Evaluation report (HTML)"), "HTML files (*.html)",
                                                  optional=True, createByDefault=False),
            tr("Optional: write the self-contained HTML report of the run here."),
        ))
        self.addParameter(report_language_param("REPORT_LANGUAGE"))
        add_count_outputs(self)
        self.addOutput(QgsProcessingOutputFile("REPORT", tr("Evaluation report")))

    def execute(self, parameters, context, feedback):
        started = time.monotonic()
        cfg = load_eval_config(self, parameters, context, weights=True, rules=True, feedback=feedback)
        inputs = read_inputs(self, parameters, context, feedback)
        inputs.keep_geometries = bool(parameters.get("PARKS"))  # scale levels need the parcel geometries
        keep = keep_fields(self, parameters, context)
        group_field = self.parameterAsString(parameters, "GROUP_FIELD", context) or None
        # Only the columns the written fields need are read and parsed (issue 17: ~30 of the firms' ~50).
        inputs.only = needed_inputs(cfg, keep, group_field)
        unit = area_unit(self, parameters, context, default=cfg.area_unit)
        assembled = assemble(inputs, context, feedback)
        table = assembled.table
        if parameters.get("PARKS"):
            scale, _ = scale_levels(self, parameters, context, feedback, assembled.geometries,
                                    table["area_m2"].to_numpy(dtype=float), inputs.parcels.source.sourceCrs())
            assembled.warnings += scale.warnings
            table["level"] = scale.parcel_level
        method = tier_method(self, parameters, context)
        threshold = optional_number(self, parameters, "THRESHOLD", context)
        breaks = tier_breaks(self, parameters, context, method or (cfg.tiers and cfg.tiers.method))
        run = StageRun(unit, threshold, normalization(self, parameters, context),
                       group_field, method, breaks)
        # assemble parsed the parcel and enterprise tables: the stages run on its table as it is, which becomes
        # the result's (the assembled reference is dropped so that it is not kept alive beside it).
        result = evaluate_parsed(table, cfg, run)
        assembled.table = table = None
        release_free_memory()  # the stages' temporaries, before the write
        warnings = assembled.warnings + result.warnings
        warnings += magnitude_warnings(result.table, unit, warnings)
        push_messages(warnings, feedback)
        tiers = result.table["tier"].value_counts() if "tier" in result.table else {}
        feedback.pushInfo(tr("{total} parcel(s) evaluated with {name}: {inefficient} inefficient; tiers {tiers}").format(
            total=len(result.table), name=cfg.name, inefficient=int(result.table["inefficient"].sum()),
            tiers=", ".join(f"{k} {v}" for k, v in sorted(tiers.items()))))
        drop = dropped_columns(result.table.columns, cfg, keep, result.area_unit, group_field)
        dest = write_results(OutputSink(self, parameters, "OUTPUT", context), context, feedback, inputs.parcels,
                             assembled, result.table, unit,
                             names=label_entries("output_name")["evaluation"], kind="tier", cfg=cfg, drop=drop)
        out = {"OUTPUT": dest, **count_results(assembled.counts)}
        report_path = self.parameterAsFileOutput(parameters, "REPORT", context) if parameters.get("REPORT") else ""
        if report_path:
            out["REPORT"] = self._report(report_path, dest, context, feedback, cfg, result, assembled, warnings,
                                         dict(threshold=threshold, tier_method=method, tier_breaks=breaks,
                                              area_unit=unit, started=started),
                                         report_language(self, parameters, context, "REPORT_LANGUAGE"))
        return out

    @staticmethod
    def _report(path, dest, context, feedback, cfg, result, assembled, warnings, run, lang):
        # Imported here: the report module renders maps and builds HTML, which only this branch needs.
        from ..qgis_io.report_io import config_info, write_report

        info = config_info(cfg)
        info.update({k: v for k, v in run.items() if k != "started" and v is not None})
        info["warnings"] = warnings
        info["quality"] = {**result.quality, **assembled.counts}
        info["elapsed_s"] = round(time.monotonic() - run["started"], 2)
        layer = QgsProcessingUtils.mapLayerFromString(dest, context)
        feedback.pushInfo(tr("Writing the report {path}…").format(path=path))
        write_report(layer, path, info, feedback, cfg=cfg, lang=lang)
        return path
