"""Parameters several LandEval algorithms share, and how their values are turned into engine arguments.

Enum orders are a public contract (models and scripts store indices): AREA_UNIT mu, ha, km2; TIER_METHOD
quantile, threshold, jenks; NORMALIZATION minmax, benchmark, percentile, zscore.
"""
import os

from qgis.core import (
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..core.config import NORMALIZATIONS, TIER_METHODS, list_presets, load_config, merge_configs
from ..core.errors import LandEvalError
from ..core.units import AREA_UNITS

AREA_UNIT_OPTIONS = ["mu / 亩", "ha / 公顷", "km² / 平方千米"]
TIER_METHOD_OPTIONS = ["quantile (rank shares) / 分位", "threshold (score cuts) / 阈值", "jenks (natural breaks) / 自然断点"]
NORMALIZATION_OPTIONS = ["minmax / 极差", "benchmark / 基准值比", "percentile / 百分位", "zscore / 标准分"]
DEFAULT_PRESET = "jiangning"


def with_help(param, text):
    """Attach the help text Processing shows beside a parameter (tooltip and the help panel)."""
    param.setHelp(text)
    return param


def preset_param(name="PRESET", optional=False):
    presets = list_presets()
    default = DEFAULT_PRESET if DEFAULT_PRESET in presets else (presets[0] if presets else None)
    # Static strings: a model or script stores "jiangning", not an index that shifts when presets are added.
    param = QgsProcessingParameterEnum(
        name, "Preset / 预设方案", options=presets, defaultValue=default, optional=optional, usesStaticStrings=True
    )
    return with_help(param, "A weight and rule set shipped with LandEval (resources/presets): jiangning (Jiangning "
                            "paper, Table 1: weights, 8 vetoes, threshold 0.6), county_table2 (county paper, "
                            "Table 2), zhejiang_mujun (亩均论英雄 benchmark scoring). A WEIGHT_SET or RULE_SET "
                            "file, when given, takes precedence.")


def config_file_param(name, what):
    param = QgsProcessingParameterFile(
        name, f"{what} file (YAML) / {'权重方案' if name == 'WEIGHT_SET' else '规则方案'}",
        behavior=QgsProcessingParameterFile.Behavior.File, extension="yaml", optional=True,
    )
    keys = "elements, normalization, missing, aggregation" if name == "WEIGHT_SET" else \
        "threshold, review_band, vetoes, types, categories, tiers"
    return with_help(param, f"A {what.lower()} YAML file ({keys}); see docs/design.md. Takes precedence over "
                            "PRESET. Loaded with safe YAML only.")


def area_unit_param(name="AREA_UNIT", optional=False):
    param = QgsProcessingParameterEnum(name, "Area unit / 面积单位", options=AREA_UNIT_OPTIONS,
                                       defaultValue=None if optional else 0, optional=optional)
    extra = " Empty: the weight set's area_unit." if optional else ""
    return with_help(param, "Unit of per-area indicators and of the area_<unit> field: 亩 (1 亩 = 10000/15 m²), "
                            f"公顷 (10 000 m²) or km² (10⁶ m²).{extra}")


def threshold_param():
    param = QgsProcessingParameterNumber("THRESHOLD", "Score threshold / 低效阈值", QgsProcessingParameterNumber.Type.Double,
                                         optional=True, minValue=0.0, maxValue=1.0)
    return with_help(param, "A parcel whose composite score is below this is inefficient (Jiangning: 0.6). Empty: "
                            "the rule set's threshold.")


def tier_params():
    method = QgsProcessingParameterEnum("TIER_METHOD", "Tier method / 分级方法", options=TIER_METHOD_OPTIONS,
                                        optional=True)
    with_help(method, "How A/B/C/D are cut: quantile = shares of parcels by rank (Zhejiang practice); threshold = "
                      "score cuts; jenks = natural breaks of the scores. Empty: the rule set's tiers.method.")
    breaks = QgsProcessingParameterString("TIER_BREAKS", "Tier breaks / 分级断点", optional=True)
    with_help(breaks, "Comma-separated. quantile: % shares of A,B,C,D from the best, e.g. 20,55,20,5 (Changle) or "
                      "20,40,35,5 (Huai'an); threshold: score cuts for A,B,C, e.g. 0.8,0.6,0.4. Empty: the rule "
                      "set's tiers.breaks.")
    return method, breaks


def normalization_param():
    param = QgsProcessingParameterEnum("NORMALIZATION", "Normalization override / 标准化方法", options=NORMALIZATION_OPTIONS,
                                       optional=True)
    return with_help(param, "Use one normalization for every indicator instead of the weight set's: min-max, "
                            "benchmark ratio (cap from the weight set), percentile rank or clipped z-score. Empty: "
                            "as the weight set says.")


def enum_value(alg, parameters, name, context, values):
    """The chosen value of an index enum, or None when an optional enum is left empty."""
    if parameters.get(name) is None or parameters.get(name) == "":
        return None
    return values[alg.parameterAsEnum(parameters, name, context)]


def area_unit(alg, parameters, context, default=None):
    return enum_value(alg, parameters, "AREA_UNIT", context, AREA_UNITS) or default


def tier_method(alg, parameters, context):
    return enum_value(alg, parameters, "TIER_METHOD", context, TIER_METHODS)


def normalization(alg, parameters, context):
    return enum_value(alg, parameters, "NORMALIZATION", context, NORMALIZATIONS)


def optional_number(alg, parameters, name, context):
    value = parameters.get(name)
    if value is None or value == "":
        return None
    return alg.parameterAsDouble(parameters, name, context)


def parse_numbers(text, name):
    """'20,55,20,5' → [20.0, 55.0, 20.0, 5.0]; empty → None; anything else names the bad item."""
    text = (text or "").strip()
    if not text:
        return None
    out = []
    for item in text.replace("，", ",").replace(";", ",").split(","):
        try:
            out.append(float(item.strip()))
        except ValueError:
            raise LandEvalError(f"{name}: {item.strip()!r} is not a number; write numbers separated by commas, "
                                "e.g. 20,55,20,5 or 0.8,0.6,0.4.") from None
    return out


def split_names(value):
    """Field or criterion names as qgis_process 3.22 passes them ('a;b;c'), as a list, or a list as is."""
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        items = [str(v) for v in value]
    else:
        items = str(value).replace("；", ";").split(";")
    return [v.strip() for v in items if v and v.strip()]


def _file(alg, parameters, name, context):
    """The path given for file parameter `name`, or "" when it is empty; a path that is no file names both."""
    path = alg.parameterAsFile(parameters, name, context) if parameters.get(name) else ""
    if path and not os.path.isfile(path):
        what = "is a folder, not a file" if os.path.isdir(path) else "does not exist"
        raise LandEvalError(f"{name}: the file {os.path.abspath(path)} {what}. Check the path (a relative path is "
                            f"read from the folder the run starts in, {os.getcwd()}), or leave {name} empty to use "
                            "PRESET.")
    return path


def _report_sources(feedback, weight_file, rule_file, preset, weight_cfg):
    """Tell the log which half of the configuration came from where; a warning when a WEIGHT_SET's own rules
    are passed over for PRESET's."""
    weights = f"WEIGHT_SET {weight_file}" if weight_file else f"PRESET {preset}"
    rules = f"RULE_SET {rule_file}" if rule_file else f"PRESET {preset}"
    text = f"Weights from {weights}; rules (vetoes, types, categories, tiers) from {rules}"
    if weight_file and not rule_file and weight_cfg.has_rules:
        feedback.pushWarning(f"{text}: {weight_file} also holds rules, which are not used. Give the file as "
                             "RULE_SET too to use them.")
    elif weight_file and not rule_file:
        feedback.pushInfo(f"{text}, as {weight_file} has none.")
    else:
        feedback.pushInfo(f"{text}.")


def load_eval_config(alg, parameters, context, weights=False, rules=False, feedback=None):
    """The EvalConfig for a run: WEIGHT_SET / RULE_SET files take precedence over PRESET.

    `weights` / `rules` say which halves the algorithm needs; when both come from different sources they are
    merged (rules from the rule set or PRESET, weights from the weight set or PRESET) and `feedback` is told
    which half came from where.
    """
    weight_file = _file(alg, parameters, "WEIGHT_SET", context) if weights else ""
    rule_file = _file(alg, parameters, "RULE_SET", context) if rules else ""
    preset = alg.parameterAsEnumString(parameters, "PRESET", context) if parameters.get("PRESET") else None
    weight_src = weight_file or preset
    rule_src = rule_file or preset
    if (weights and not weight_src) or (rules and not rule_src):
        raise LandEvalError("Choose a PRESET or give a WEIGHT_SET / RULE_SET file.")
    if weights and rules and weight_src != rule_src:
        weight_cfg = load_config(weight_src)
        if feedback is not None:
            _report_sources(feedback, weight_file, rule_file, preset, weight_cfg)
        return merge_configs(weight_cfg, load_config(rule_src))
    cfg = load_config(weight_src if weights else rule_src)
    if weights and not cfg.has_weights:
        raise LandEvalError(f"{cfg.source} has no 'elements' (indicator weights); give a weight set.")
    if rules and not cfg.has_rules:
        raise LandEvalError(f"{cfg.source} has no rules (vetoes, types, categories, tiers); give a rule set.")
    return cfg
