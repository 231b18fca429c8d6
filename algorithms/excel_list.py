"""landeval:exportlist — the inefficient-land list (低效用地清单) as a formatted Excel workbook, or a GB18030 CSV."""
import datetime
import os

import numpy as np
from qgis.core import (
    QgsFeatureRequest,
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterVectorLayer,
)

from ..core import excel_list
from ..core.errors import LandEvalError
from ..qgis_io.deliverables import commit, decision_labels, park_names, read_parcels, selected_mask, staged_path
from ..qgis_io.report_io import config_info, plugin_version
from ..qgis_io.styling import area_unit_of
from .base import LandEvalAlgorithm
from .params import config_file_param, filter_param, load_eval_config, parks_param, preset_param, tr, with_help


def settings_rows(layer, expression, cfg, n_rows):
    """The run's settings as (name, value) rows for the summary sheet."""
    info = config_info(cfg) if cfg is not None else {}
    rows = [("评价图层", layer.name()), ("图层来源", layer.source()), ("筛选条件", expression or "（全部宗地）"),
            ("清单宗数", n_rows)]
    if info:
        rows += [("权重方案", f"{info['preset']}（{info['label'] or ''}）"), ("方案摘要 sha256", info["digest"]),
                 ("低效阈值", info["threshold"]), ("分级方法", f"{info['tier_method']} {info['tier_breaks']}")]
    rows += [("面积单位", area_unit_of(layer)), ("生成日期", datetime.date.today().isoformat()),
             ("LandEval 版本", plugin_version())]
    return rows


class ExportList(LandEvalAlgorithm):
    NAME = "exportlist"
    DISPLAY = "Inefficient-land list (Excel)"
    GROUP = "Presentation"
    GROUP_ID = "presentation"
    HELP = ("Writes the list of the chosen parcels (default: the inefficient ones) that goes to the city and the "
            "province: one sheet per final category (正在推进, 生态清退, 地方上报, 低效认定, …) with the columns a "
            "reviewer needs — parcel id, street, park, scale level, area in the layer's unit and in m², "
            "enterprises, the key per-亩 indicators, score and rank, failed vetoes, type and flags, category, "
            "tier, weakest indicators, and the redevelopment path, clearance zone, robustness class and "
            "verification flag when the layer has them — Chinese headers with units, a frozen header row, fitted "
            "widths, number formats and a totals row; and a summary sheet (汇总) with the run's settings and "
            "counts and areas by category, type, tier, street and level, with totals (counted as the HTML "
            "report counts them). An OUTPUT ending in .csv writes every row to one CSV in GB18030 instead, for "
            "systems that import only CSV.")
    OUTPUT_HELP = "OUTPUT: the .xlsx (or .csv) file; ROWS: the number of parcels listed."
    METHOD_HELP = "清单 of the inefficient-land identification practice (SPEC); written with openpyxl."

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API name
        self.addParameter(with_help(
            QgsProcessingParameterVectorLayer("INPUT", tr("Evaluated layer"),
                                              [QgsProcessing.SourceType.TypeVectorPolygon]),
            tr("The output of landeval:evaluate (or suggestpaths, for the path and clearance zone columns)."),
        ))
        self.addParameter(filter_param())
        self.addParameter(preset_param(optional=True))
        self.addParameter(config_file_param("RULE_SET", "Rule set"))
        self.addParameter(parks_param())
        self.addParameter(with_help(
            QgsProcessingParameterFileDestination("OUTPUT", tr("List"), "Excel workbook (*.xlsx);;CSV GB18030 (*.csv)"),
            tr("The .xlsx workbook to write; a name ending in .csv writes a GB18030 CSV."),
        ))
        self.addOutput(QgsProcessingOutputNumber("ROWS", tr("Rows")))

    def execute(self, parameters, context, feedback):
        layer = self.parameterAsVectorLayer(parameters, "INPUT", context)
        if layer is None or not layer.isValid():
            raise LandEvalError("INPUT is not a vector layer LandEval can open.")
        if not (parameters.get("PRESET") or parameters.get("RULE_SET")):
            parameters = dict(parameters, PRESET=self.parameterDefinition("PRESET").defaultValue())
        # Only for the labels of vetoes, types and categories and the settings on the summary sheet.
        cfg = load_eval_config(self, parameters, context, rules=True)
        frame, fids = read_parcels(layer, cfg, feedback)
        expression = self.parameterAsExpression(parameters, "FILTER", context)
        selected = selected_mask(layer, expression, fids, feedback)
        part = frame[selected]
        park = None
        parks = self.parameterAsVectorLayer(parameters, "PARKS", context) if parameters.get("PARKS") else None
        if parks is not None:
            request = QgsFeatureRequest().setFilterFids([int(f) for f in fids[selected]]).setNoAttributes()
            geometry_of = {f.id(): f.geometry() for f in layer.getFeatures(request)}
            park = park_names(parks, [geometry_of.get(int(f)) for f in fids[selected]], layer.crs(), context,
                              feedback)
        unit = area_unit_of(layer)
        rows, columns = excel_list.list_rows(part, cfg, unit, park, decision_labels(layer))
        output = self.parameterAsFileOutput(parameters, "OUTPUT", context)
        staged = staged_path(output)
        try:
            if output.lower().endswith(".csv"):
                excel_list.write_csv(staged, rows, columns)
            else:
                sheets = excel_list.category_sheets(rows, part, cfg)
                if not sheets:
                    sheets = [("清单", rows)]
                summary = excel_list.summary_tables(part, unit, cfg)
                excel_list.write_workbook(staged, columns, sheets, summary,
                                          settings_rows(layer, expression, cfg, len(rows)))
        except OSError as err:
            if os.path.exists(staged):
                os.remove(staged)
            raise LandEvalError("Cannot write {output}: {reason}. Choose a folder you can write to.",
                                output=output, reason=err.strerror) from None
        commit(staged, output)
        area = float(np.nansum(rows[[c.header for c in columns if c.kind == "area"][0]])) if len(rows) else 0.0
        feedback.pushInfo(tr("{parcels} parcel(s), {area} {unit} listed in {output}.").format(
            parcels=len(rows), area=f"{area:,.2f}", unit=unit, output=output))
        return {"OUTPUT": output, "ROWS": len(rows)}
