"""The HTML evaluation report: `write_report` (what landeval:evaluate calls with REPORT) and the
`landeval:report` algorithm for a layer evaluated earlier."""
import configparser
import os

from qgis.core import (
    Qgis,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingOutputFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterVectorLayer,
)

from ..core import report_html
from ..core.catalogue import load_catalogue
from ..core.errors import LandEvalError
from .base import LandEvalAlgorithm
from .layer_io import read_frame
from .params import config_file_param, load_eval_config, preset_param, with_help
from .report_map import render_map
from .styling import area_unit_of

PLUGIN_DIR = os.path.dirname(os.path.dirname(__file__))
# What the report reads from the layer: the output fields of docs/design.md; every indicator too, for the
# missing-value table of a layer reported on its own.
REPORT_FIELDS = ("area_m2", "score", "score_rank", "tier", "category", "ineff_type", "ineff_flags", "level",
                 "inefficient", "review", "veto_failed", "veto_reasons", "weakest", "missing_count", "n_enterprises")


def plugin_version():
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(os.path.join(PLUGIN_DIR, "metadata.txt"), encoding="utf-8")
    return parser.get("general", "version", fallback="")


def report_frame(layer, feedback=None):
    """The layer's report fields as a DataFrame; the parcel id and town columns (found by their catalogue
    aliases, e.g. 宗地编号 / 街镇) renamed parcel_id / town."""
    catalogue = load_catalogue()
    names = layer.fields().names()
    unit_field = f"area_{area_unit_of(layer)}"
    wanted = [n for n in names if n in REPORT_FIELDS or n == unit_field or n in catalogue.indicators]
    keys = {}
    for name in names:
        fid = catalogue.canonical_id(name)
        if fid in ("parcel_id", "town") and fid not in keys:
            keys[fid] = name
    frame, _ = read_frame(layer, wanted + [n for n in keys.values() if n not in wanted], feedback, "evaluated layer")
    return frame.rename(columns={name: fid for fid, name in keys.items() if name != fid})


def config_info(cfg):
    """The run-settings part of run_info described by a configuration."""
    label = cfg.data.get("label")
    tiers = cfg.tiers
    return {
        "preset": cfg.name,
        "label": label.get("zh") if isinstance(label, dict) else label,
        "digest": cfg.digest(),
        "threshold": cfg.threshold,
        "review_band": cfg.review_band,
        "tier_method": tiers.method if tiers else None,
        "tier_breaks": list(tiers.breaks) if tiers else None,
        "area_unit": cfg.area_unit,
    }


def write_report(layer, html_path, run_info, feedback=None, map_path=None, cfg=None, kind="tier"):
    """Write the self-contained HTML report of an evaluated `layer` to `html_path`.

    run_info: preset (weight-set name), label, digest, threshold, review_band, tier_method, tier_breaks,
    area_unit, warnings (list), quality (dict: the engine's quality plus unmatched_enterprises and
    repaired_geometries), elapsed_s. `map_path`: also save the map PNG there. `cfg`: the EvalConfig, for rule
    labels of a custom rule set. Returns {"html": html_path, "map": map_path or None}.
    """
    if layer is None or not layer.isValid():
        raise LandEvalError("The report needs a valid evaluated layer.")
    frame = report_frame(layer, feedback)
    if "score" not in frame and "tier" not in frame:
        raise LandEvalError(f"Layer {layer.name()!r} has neither 'score' nor 'tier': run landeval:evaluate (or "
                            "scoreparcels and classifyparcels) first, then report on its output.")
    info = dict(run_info or {})
    info.setdefault("area_unit", area_unit_of(layer))
    info.update(layer=layer.name(), qgis_version=Qgis.QGIS_VERSION, plugin_version=plugin_version())
    style = kind if kind in frame else ("score" if "score" in frame else None)
    png = None
    if style:
        if feedback is not None:
            feedback.pushInfo(f"Rendering the {style} map…")
        png = render_map(layer, style)
    page = report_html.build_report(frame, info, png, cfg)
    try:
        folder = os.path.dirname(os.path.abspath(html_path))
        os.makedirs(folder, exist_ok=True)
        with open(html_path, "w", encoding="utf-8") as fh:
            fh.write(page)
        if map_path and png:
            with open(map_path, "wb") as fh:
                fh.write(png)
    except OSError as err:
        raise LandEvalError(f"Cannot write the report {err.filename}: {err.strerror}. Choose a folder you can "
                            "write to.") from None
    return {"html": html_path, "map": map_path if png else None}


class Report(LandEvalAlgorithm):
    NAME = "report"
    DISPLAY = "Evaluation report (HTML) / 评价报告"
    GROUP = "Presentation / 展示"
    GROUP_ID = "presentation"
    HELP = ("Writes a self-contained HTML report of an evaluated parcel layer (no internet needed to open it): "
            "the run settings (weight set, its sha256 digest, threshold, tier method, date, QGIS and LandEval "
            "versions), counts and areas by tier, final category, inefficiency type and scale level, a tier map "
            "rendered by QGIS with its legend, a score histogram with the threshold, tier shares by level, the "
            "weakest indicators of inefficient parcels, the list of inefficient parcels with their reasons, and "
            "a data-quality section (parcels without enterprises, missing indicator values). Headings are in "
            "Chinese and English.")
    OUTPUT_HELP = "OUTPUT: the HTML file; MAP: the tier map as PNG when a path is given."
    METHOD_HELP = "Map styles from resources/styles (palette.yaml); labels from the LandEval catalogue and presets."

    def flags(self):
        # Map rendering and layer cloning are safest in the main thread of the desktop.
        return super().flags() | QgsProcessingAlgorithm.FlagNoThreading

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API name
        self.addParameter(with_help(
            QgsProcessingParameterVectorLayer("INPUT", "Evaluated layer / 评价结果图层",
                                              [QgsProcessing.TypeVectorPolygon]),
            "The output of landeval:evaluate (or of classifyparcels): parcels with score, tier, category, …",
        ))
        self.addParameter(preset_param(optional=True))
        self.addParameter(config_file_param("WEIGHT_SET", "Weight set"))
        self.addParameter(with_help(
            QgsProcessingParameterFileDestination("OUTPUT", "Report / 报告", "HTML files (*.html)"),
            "Where to write the HTML report.",
        ))
        self.addParameter(with_help(
            QgsProcessingParameterFileDestination("MAP", "Map image / 地图图片", "PNG files (*.png)", optional=True,
                                                  createByDefault=False),
            "Optional: also save the tier map as a PNG file.",
        ))
        self.addOutput(QgsProcessingOutputFile("MAP_OUT", "Map image / 地图图片"))

    def execute(self, parameters, context, feedback):
        layer = self.parameterAsVectorLayer(parameters, "INPUT", context)
        if layer is None:
            raise LandEvalError("INPUT is not a vector layer LandEval can open.")
        html_path = self.parameterAsFileOutput(parameters, "OUTPUT", context)
        map_path = self.parameterAsFileOutput(parameters, "MAP", context) if parameters.get("MAP") else None
        cfg = None
        info = {}
        if parameters.get("PRESET") or parameters.get("WEIGHT_SET"):
            cfg = load_eval_config(self, parameters, context, weights=True)
            info = config_info(cfg)
            info["area_unit"] = area_unit_of(layer)
        written = write_report(layer, html_path, info, feedback, map_path, cfg)
        feedback.pushInfo(f"Report written to {html_path}")
        return {"OUTPUT": html_path, "MAP_OUT": written["map"] or ""}
