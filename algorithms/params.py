"""Parameters several LandEval algorithms share, and how their values are turned into engine arguments.

Enum orders are a public contract (models and scripts store indices): AREA_UNIT mu, ha, km2; TIER_METHOD
quantile, threshold, jenks; NORMALIZATION minmax, benchmark, percentile, zscore.
"""
import json
import os
import re

from qgis.core import (
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterEnum,
    QgsProcessingParameterExpression,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
    QgsProperty,
)
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP

from ..core.config import NORMALIZATIONS, TIER_METHODS, list_presets, load_config, merge_configs
from ..core.errors import LandEvalError
from ..core.labels import LANGUAGES
from ..core.inputs import load_field_map
from ..core.units import AREA_UNITS
from ..qgis_io.assemble import Inputs
from ..qgis_io.layer_io import TABLE_EXTENSIONS, field_name, gbk_shapefile, open_table
from ..qgis_io.parks import SHARE, ZONE_LEVEL, ZONE_TYPE, ParkFields, scale_levels as read_scale_levels
from ..qgis_io.sources import SourceInput, geopackage_table, postgis_source
from ..qgis_io.steps import read_step_table
from ..qgis_io.weight_sets import save_weight_set
from ..translation import output_language, tr

# Option labels are marked here and translated where the parameter is made (translated_options): the module is
# imported before the plugin installs its translator.
AREA_UNIT_OPTIONS = [QT_TRANSLATE_NOOP("LandEval", "mu"), QT_TRANSLATE_NOOP("LandEval", "ha"),
                     QT_TRANSLATE_NOOP("LandEval", "km²")]
TIER_METHOD_OPTIONS = [QT_TRANSLATE_NOOP("LandEval", "quantile (rank shares)"),
                       QT_TRANSLATE_NOOP("LandEval", "threshold (score cuts)"),
                       QT_TRANSLATE_NOOP("LandEval", "jenks (natural breaks)")]
NORMALIZATION_OPTIONS = [QT_TRANSLATE_NOOP("LandEval", "minmax"), QT_TRANSLATE_NOOP("LandEval", "benchmark"),
                         QT_TRANSLATE_NOOP("LandEval", "percentile"), QT_TRANSLATE_NOOP("LandEval", "zscore")]
KEEP_FIELDS_OPTIONS = [QT_TRANSLATE_NOOP("LandEval", "results and the weight set's indicators"),
                       QT_TRANSLATE_NOOP("LandEval", "also every computed indicator"),
                       QT_TRANSLATE_NOOP("LandEval", "everything (every raw input)")]
DEFAULT_PRESET = "jiangning"


def translated_options(options):
    """Enum option labels (marked with QT_TRANSLATE_NOOP) in the installed translation."""
    return [tr(option) for option in options]


def with_help(param, text):
    """Attach the help text Processing shows beside a parameter (tooltip and the help panel)."""
    param.setHelp(text)
    return param


def preset_param(name="PRESET", optional=False):
    presets = list_presets()
    default = DEFAULT_PRESET if DEFAULT_PRESET in presets else (presets[0] if presets else None)
    # Static strings: a model or script stores "jiangning", not an index that shifts when presets are added.
    param = QgsProcessingParameterEnum(
        name, tr("Preset"), options=presets, defaultValue=default, optional=optional, usesStaticStrings=True
    )
    return with_help(param, tr("A weight and rule set shipped with LandEval (resources/presets): jiangning (Jiangning "
                               "paper, Table 1: weights, 8 vetoes, threshold 0.6), county_table2 (county paper, "
                               "Table 2), zhejiang_mujun (亩均论英雄 benchmark scoring). A WEIGHT_SET or RULE_SET "
                               "file, when given, takes precedence."))


def config_file_param(name, what):
    param = QgsProcessingParameterFile(
        name, tr("Weight set file (YAML)") if name == "WEIGHT_SET" else tr("Rule set file (YAML)"),
        behavior=QgsProcessingParameterFile.Behavior.File, extension="yaml", optional=True,
    )
    if name == "WEIGHT_SET":
        return with_help(param, tr("A weight set YAML file (elements, normalization, missing, aggregation); see "
                                   "docs/design.md. Takes precedence over PRESET. Loaded with safe YAML only."))
    return with_help(param, tr("A rule set YAML file (threshold, review_band, vetoes, types, categories, tiers); see "
                               "docs/design.md. Takes precedence over PRESET. Loaded with safe YAML only."))


def area_unit_param(name="AREA_UNIT", optional=False):
    param = QgsProcessingParameterEnum(name, tr("Area unit"), options=translated_options(AREA_UNIT_OPTIONS),
                                       defaultValue=None if optional else 0, optional=optional)
    text = tr("Unit of per-area indicators and of the area_<unit> field: 亩 (1 亩 = 10000/15 m²), 公顷 (10 000 m²) or "
              "km² (10⁶ m²).")
    return with_help(param, text + (" " + tr("Empty: the weight set's area_unit.") if optional else ""))


def threshold_param():
    param = QgsProcessingParameterNumber("THRESHOLD", tr("Score threshold"), QgsProcessingParameterNumber.Type.Double,
                                         optional=True, minValue=0.0, maxValue=1.0)
    return with_help(param, tr("A parcel whose composite score is below this is inefficient (Jiangning: 0.6). Empty: "
                               "the rule set's threshold."))


def tier_params():
    method = QgsProcessingParameterEnum("TIER_METHOD", tr("Tier method"), options=translated_options(TIER_METHOD_OPTIONS),
                                        optional=True)
    with_help(method, tr("How A/B/C/D are cut: quantile = shares of parcels by rank (Zhejiang practice); threshold = "
                         "score cuts; jenks = natural breaks of the scores. Empty: the rule set's tiers.method."))
    breaks = QgsProcessingParameterString("TIER_BREAKS", tr("Tier breaks"), optional=True)
    with_help(breaks, tr("Comma-separated. quantile: % shares of A,B,C,D from the best, e.g. 20,55,20,5 (Changle) or "
                         "20,40,35,5 (Huai'an); threshold: score cuts for A,B,C, e.g. 0.8,0.6,0.4. Empty: the rule "
                         "set's tiers.breaks."))
    return method, breaks


def normalization_param():
    param = QgsProcessingParameterEnum("NORMALIZATION", tr("Normalization override"), options=translated_options(NORMALIZATION_OPTIONS),
                                       optional=True)
    return with_help(param, tr("Use one normalization for every indicator instead of the weight set's: min-max, "
                               "benchmark ratio (cap from the weight set), percentile rank or clipped z-score. Empty: "
                               "as the weight set says."))


def keep_fields_param():
    """KEEP_FIELDS: how many of the computed columns a full result writes (core.pipeline.dropped_columns)."""
    param = QgsProcessingParameterEnum("KEEP_FIELDS", tr("Fields to write"),
                                       options=translated_options(KEEP_FIELDS_OPTIONS), defaultValue=0)
    return with_help(param, tr("0: the parcel's own fields, the results (areas, n_enterprises, vetoes, score, "
                               "sub-scores, types, category, tier), the indicators the weight set scores and their "
                               "inputs, the fields the rules read, and the inputs that are not sums of the firms' "
                               "figures (firm, sector, town, flags, dates, spatial inputs); 1: also every other "
                               "computed indicator; 2: everything, the firms' other sums included (the widest and "
                               "slowest output)."))


def keep_fields(alg, parameters, context):
    """The KEEP_FIELDS level chosen (0, 1 or 2; 0 when the parameter is not given)."""
    if parameters.get("KEEP_FIELDS") is None or parameters.get("KEEP_FIELDS") == "":
        return 0
    return alg.parameterAsEnum(parameters, "KEEP_FIELDS", context)


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
            raise LandEvalError("{name}: {value!r} is not a number; write numbers separated by commas, "
                                "e.g. 20,55,20,5 or 0.8,0.6,0.4.", name=name, value=item.strip()) from None
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
        raise LandEvalError("{name}: the file {path} {what}. Check the path (a relative path is "
                            "read from the folder the run starts in, {folder}), or leave {name} empty to use "
                            "PRESET.", name=name, path=os.path.abspath(path), what=what, folder=os.getcwd())
    return path


def _report_sources(feedback, weight_file, rule_file, preset, weight_cfg):
    """Tell the log which half of the configuration came from where; a warning when a WEIGHT_SET's own rules
    are passed over for PRESET's."""
    weights = f"WEIGHT_SET {weight_file}" if weight_file else f"PRESET {preset}"
    rules = f"RULE_SET {rule_file}" if rule_file else f"PRESET {preset}"
    text = tr("Weights from {weights}; rules (vetoes, types, categories, tiers) from {rules}").format(
        weights=weights, rules=rules)
    if weight_file and not rule_file and weight_cfg.has_rules:
        feedback.pushWarning(tr("{text}: {file} also holds rules, which are not used. Give the file as RULE_SET "
                                "too to use them.").format(text=text, file=weight_file))
    elif weight_file and not rule_file:
        feedback.pushInfo(tr("{text}, as {file} has none.").format(text=text, file=weight_file))
    else:
        feedback.pushInfo(tr("{text}.").format(text=text))


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
        raise LandEvalError("{source} has no 'elements' (indicator weights); give a weight set.", source=cfg.source)
    if rules and not cfg.has_rules:
        raise LandEvalError("{source} has no rules (vetoes, types, categories, tiers); give a rule set.",
                            source=cfg.source)
    return cfg


# ------------------------------------------------------------------ decision support: language, rule files




# Indices 0 and 1 are what saved models and qgis_process batches have always used; 2 (QGIS's language) came
# later and is the default.
LANGUAGE_OPTIONS = [QT_TRANSLATE_NOOP("LandEval", "Chinese"), QT_TRANSLATE_NOOP("LandEval", "English"),
                    QT_TRANSLATE_NOOP("LandEval", "QGIS's language")]
LANGUAGE_AUTO = 2


def language_param():
    return with_help(
        QgsProcessingParameterEnum("LANGUAGE", tr("Language of texts"), options=translated_options(LANGUAGE_OPTIONS),
                                   defaultValue=LANGUAGE_AUTO),
        tr("Language of the explanations, field aliases and legend labels written into the output (reasons, "
           "disposal hints): 0 Chinese, 1 English, 2 the language QGIS runs in when the algorithm runs "
           "(default; Chinese for any Chinese locale, else English). Coded fields keep their ids either way."),
    )


def language(alg, parameters, context):
    """"zh" or "en": the LANGUAGE chosen, QGIS's language for index 2."""
    index = alg.parameterAsEnum(parameters, "LANGUAGE", context)
    return output_language() if index == LANGUAGE_AUTO else LANGUAGES[index]


# The report's LANGUAGE (landeval:report; REPORT_LANGUAGE of evaluate and robustness): a report is often sent to
# people with another locale, so it keeps an explicit choice besides QGIS's language.
REPORT_LANGUAGES = ("auto", "zh", "en", "bilingual")
REPORT_LANGUAGE_OPTIONS = [QT_TRANSLATE_NOOP("LandEval", "QGIS's language"),
                           QT_TRANSLATE_NOOP("LandEval", "Chinese (zh_CN)"),
                           QT_TRANSLATE_NOOP("LandEval", "English"),
                           QT_TRANSLATE_NOOP("LandEval", "Bilingual (Chinese, then English)")]


def report_language_param(name="LANGUAGE"):
    return with_help(
        QgsProcessingParameterEnum(name, tr("Report language"), options=translated_options(REPORT_LANGUAGE_OPTIONS),
                                   defaultValue=0),
        tr("Language of the report's headings, texts, labels and map legend: 0 the language QGIS runs in "
           "(default; Chinese for any Chinese locale, else English), 1 Chinese, 2 English, 3 both (Chinese "
           "first, then English). The parcels' own names and values are shown as they are."),
    )


def report_language(alg, parameters, context, name="LANGUAGE"):
    """"zh", "en" or "bilingual": the report language chosen, QGIS's language for index 0."""
    chosen = REPORT_LANGUAGES[alg.parameterAsEnum(parameters, name, context)]
    return output_language() if chosen == "auto" else chosen


def rules_param(name, description, shipped, keys):
    return with_help(
        QgsProcessingParameterFile(name, description, behavior=QgsProcessingParameterFile.Behavior.File, extension="yaml",
                                   optional=True),
        tr("A rule file (YAML: {keys}) to use instead of the shipped resources/rules/{shipped}.yaml; copy that "
           "file, edit it and give it here. Loaded with safe YAML only; every problem is reported with its place "
           "in the file.").format(keys=keys, shipped=shipped),
    )


def file_value(alg, parameters, name, context):
    """The path of an optional file parameter, or None when it is empty."""
    return alg.parameterAsFile(parameters, name, context) if parameters.get(name) else None


# ------------------------------------------------------------------ deliverables: the parcel filter, parks


DEFAULT_FILTER = '"inefficient" = 1'


def filter_param():
    param = QgsProcessingParameterExpression("FILTER", tr("Parcel filter"), defaultValue=DEFAULT_FILTER,
                                             parentLayerParameterName="INPUT", optional=True)
    return with_help(param, tr("A QGIS expression choosing the parcels; default the inefficient ones (\"inefficient\" "
                               "= 1). Empty: every parcel."))


def parks_param():
    param = QgsProcessingParameterVectorLayer("PARKS", tr("Parks"), [QgsProcessing.SourceType.TypeVectorPolygon],
                                              optional=True)
    return with_help(param, tr("Optional park polygons: each parcel is given the name of the park containing it (from "
                               "the field 园区名称, park_name or name, else the first text field)."))


# ------------------------------------------------------------------ weighting algorithms


def add_weight_outputs(alg):
    """The OUTPUT_WEIGHT_SET file parameter and the WEIGHTS output of a weighting algorithm."""
    alg.addParameter(with_help(
        QgsProcessingParameterFileDestination("OUTPUT_WEIGHT_SET", tr("Weight set (YAML)"),
                                              fileFilter="YAML (*.yaml *.yml)", optional=True, createByDefault=False),
        tr("Optional: write the weights as a LandEval weight set (YAML)."),
    ))
    alg.addOutput(QgsProcessingOutputString("WEIGHTS", tr("Weights (JSON)")))


def weight_outputs(alg, parameters, context, weights, name, label, note, cost=(), meta=None):
    """The results of add_weight_outputs: WEIGHTS ({criterion: weight} as JSON) and, when OUTPUT_WEIGHT_SET was
    given, the weight set written there (save_weight_set with `name`, `label`, `note`, `cost` and `meta`)."""
    out = {"WEIGHTS": json.dumps(weights, ensure_ascii=False)}
    path = alg.parameterAsFileOutput(parameters, "OUTPUT_WEIGHT_SET", context)
    if path:
        out["OUTPUT_WEIGHT_SET"] = str(save_weight_set(weights, path, name, label, note, cost, meta))
    return out


# ------------------------------------------------------------------ the single steps after computeindicators


def add_input_parameter(alg, what):
    alg.addParameter(with_help(
        QgsProcessingParameterFeatureSource("INPUT", tr("Parcels"), [QgsProcessing.SourceType.TypeVector]),
        # `what` comes translated from the algorithm.
        tr("Parcels with {what} (usually the output of the previous LandEval step). Fields are recognised by "
           "canonical id or Chinese header.").format(what=what),
    ))


def add_output_parameter(alg, description):
    alg.addParameter(with_help(
        QgsProcessingParameterFeatureSink("OUTPUT", description, QgsProcessing.SourceType.TypeVectorAnyGeometry),
        tr("A new layer: the input features and fields plus this step's fields (a field of the same name is "
           "replaced). The input is never changed."),
    ))


def tier_breaks(alg, parameters, context, method):
    """TIER_BREAKS as the engine wants them: % shares or score cuts, or the class count for jenks."""
    breaks = parse_numbers(alg.parameterAsString(parameters, "TIER_BREAKS", context), "TIER_BREAKS")
    if breaks is None or method != "jenks":
        return breaks
    if len(breaks) != 1 or breaks[0] != int(breaks[0]):
        raise LandEvalError("TIER_BREAKS for jenks is the number of classes, 2–4 (e.g. 4).")
    return int(breaks[0])


# ------------------------------------------------------------------ data assembly (computeindicators, evaluate)


COUNT_OUTPUTS = {
    "PARCELS_WITHOUT_ENTERPRISE": ("parcels_without_enterprise",
        QT_TRANSLATE_NOOP("LandEval", "Parcels without enterprise")),
    "UNMATCHED_ENTERPRISES": ("unmatched_enterprises",
        QT_TRANSLATE_NOOP("LandEval", "Enterprises matching no parcel")),
    "REPAIRED_GEOMETRIES": ("repaired_geometries",
        QT_TRANSLATE_NOOP("LandEval", "Repaired geometries")),
    "EMPTY_GEOMETRIES": ("empty_geometries",
        QT_TRANSLATE_NOOP("LandEval", "Parcels without geometry")),
}


def add_input_parameters(alg):
    """The data-assembly parameters, shared with landeval:evaluate (same names, same meaning)."""
    alg.addParameter(with_help(
        QgsProcessingParameterFeatureSource("PARCELS", tr("Parcels"), [QgsProcessing.SourceType.TypeVectorPolygon]),
        tr("Industrial land parcels (polygons) in a geographic or projected CRS; the area is measured on the "
           "ellipsoid in a geographic CRS and in the plane in a projected one. Invalid geometries are repaired "
           "for measuring and reported."),
    ))
    alg.addParameter(with_help(
        QgsProcessingParameterField("PARCEL_ID", tr("Parcel id field"), parentLayerParameterName="PARCELS"),
        tr("The field identifying each parcel (宗地编号); enterprises join on it."),
    ))
    alg.addParameter(with_help(
        QgsProcessingParameterFeatureSource("ENTERPRISES", tr("Enterprises"), [QgsProcessing.SourceType.TypeVector],
                                            optional=True),
        tr("Optional enterprise table (CSV in UTF-8 or GBK, XLSX, GeoPackage, …) with Chinese or canonical headers, "
           "or a point layer. Several firms on one parcel are aggregated: quantities summed, rates weighted, "
           "categories from the largest firm, veto flags failing when any firm fails."),
    ))
    alg.addParameter(with_help(
        QgsProcessingParameterField("ENTERPRISE_PARCEL_ID", tr("Enterprise parcel id field"),
                                    parentLayerParameterName="ENTERPRISES", optional=True),
        tr("The enterprise field holding the parcel id. Empty: a column recognised as 宗地编号, else — for a point "
           "layer — the parcel containing each point."),
    ))
    alg.addParameter(with_help(
        QgsProcessingParameterFile("FIELD_MAP", tr("Field mapping (YAML)"), extension="yaml", optional=True),
        tr("Optional YAML mapping of canonical ids to your column names for headers LandEval does not recognise, "
           "e.g. 'tax: 实缴税金' or 'parcel_id: ZDBH'; an entry may state the column's unit, "
           "'tax: {field: 实缴税金, unit: 元}', which is converted to the catalogue's (as a unit in a header such as "
           "税收总额（元） is). Applies to the parcel layer and the enterprise table."),
    ))
    alg.addParameter(with_help(
        QgsProcessingParameterFeatureSource("ECO_REDLINE", tr("Ecological red line"),
                                            [QgsProcessing.SourceType.TypeVectorPolygon], optional=True),
        tr("Optional polygons; gives redline_share, the fraction (0–1) of each parcel inside them. Any CRS."),
    ))
    alg.addParameter(with_help(
        QgsProcessingParameterFeatureSource("DEV_BOUNDARY", tr("Urban development boundary"),
                                            [QgsProcessing.SourceType.TypeVectorPolygon], optional=True),
        tr("Optional polygons; gives inside_dev_boundary = 1 when at least half of the parcel lies inside. Any CRS."),
    ))
    alg.addParameter(with_help(
        QgsProcessingParameterFeatureSource("POIS", tr("Public-service POIs"),
                                            [QgsProcessing.SourceType.TypeVectorPoint], optional=True),
        tr("Optional points; gives poi_count (POIs within POI_RADIUS of the parcel centroid) and poi_density "
           "(per km² of that circle). Any CRS."),
    ))
    alg.addParameter(with_help(
        QgsProcessingParameterNumber("POI_RADIUS", tr("POI radius (m)"), QgsProcessingParameterNumber.Type.Double,
                                     defaultValue=1000.0, minValue=1.0),
        tr("Search radius in metres (default 1000: the 15-minute industrial living circle)."),
    ))


def read_inputs(alg, parameters, context, feedback):
    """The Inputs of a run from the shared parameters."""
    def optional(name):
        return source_parameter(alg, parameters, name, context, feedback) if parameters.get(name) else None

    # The parcels and the enterprise table may be large GeoPackages: read as SourceInputs for the fast paths.
    parcels = source_input(alg, parameters, "PARCELS", context, feedback)
    enterprises = source_input(alg, parameters, "ENTERPRISES", context, feedback)
    return Inputs(
        parcels=parcels,
        parcel_id=field_name(parcels, alg.parameterAsString(parameters, "PARCEL_ID", context)),
        enterprises=enterprises,
        enterprise_parcel_id=field_name(enterprises,
                                        alg.parameterAsString(parameters, "ENTERPRISE_PARCEL_ID", context) or ""),
        field_map=load_field_map(alg.parameterAsFile(parameters, "FIELD_MAP", context)
                                 if parameters.get("FIELD_MAP") else ""),
        redline=optional("ECO_REDLINE"),
        dev_boundary=optional("DEV_BOUNDARY"),
        pois=optional("POIS"),
        poi_radius=alg.parameterAsDouble(parameters, "POI_RADIUS", context),
    )


def add_count_outputs(alg):
    for name, (_, description) in COUNT_OUTPUTS.items():
        alg.addOutput(QgsProcessingOutputNumber(name, tr(description)))


def count_results(counts):
    return {name: counts.get(key, 0) for name, (key, _) in COUNT_OUTPUTS.items()}


# ------------------------------------------------------------------ scale levels (classifyscale, evaluate)


# Field names looked for when the parameter is left empty: the English name first, then what Chinese park
# tables commonly call it (the bundled sample county uses the latter).
DEFAULT_FIELDS = {
    "ZONE_TYPE_FIELD": (ZONE_TYPE, "园区类型"),
    "ZONE_LEVEL_FIELD": (ZONE_LEVEL, "园区级别"),
    "SHARE_FIELD": (SHARE, "工业用地占比"),
}


def add_scale_parameters(alg, optional):
    alg.addParameter(with_help(
        QgsProcessingParameterFeatureSource("PARKS", tr("Parks"), [QgsProcessing.SourceType.TypeVectorPolygon],
                                            optional=optional),
        tr("Park polygons (development zones, high-tech zones, municipal parks, town industrial points). The level "
           "comes from the park's standing, read from its zone type (国家级经济技术开发区, 省级高新区, 市级工业园区, "
           "镇级工业集中点, …) and/or its level (国家级/省级/市级/县级/镇级); a park whose standing cannot be read is "
           "levelled by area and named in a warning. The industrial share (0–1) is reported against Jiangning's "
           "targets; without a share field it is the area of the parcels inside the park divided by its area."),
    ))
    alg.addParameter(with_help(
        QgsProcessingParameterField("ZONE_TYPE_FIELD", tr("Zone type field"), parentLayerParameterName="PARKS",
                                    optional=True),
        tr("Field of PARKS holding the zone type (经济技术开发区, 高新区, 市级工业园区, …); empty: a field called "
           "zone_type or 园区类型, if there is one."),
    ))
    alg.addParameter(with_help(
        QgsProcessingParameterField("ZONE_LEVEL_FIELD", tr("Zone level field"), parentLayerParameterName="PARKS",
                                    optional=True),
        tr("Field of PARKS holding the park's administrative level (国家级, 省级, 市级, 县级, 镇级, or 国家/省/市/县/镇); "
           "it takes precedence over a level written in the zone type. Empty: a field called zone_level or 园区级别, "
           "if there is one."),
    ))
    alg.addParameter(with_help(
        QgsProcessingParameterField("SHARE_FIELD", tr("Industrial share field"),
                                    parentLayerParameterName="PARKS", optional=True),
        tr("Field of PARKS holding the industrial land share (0–1); empty: a field called industrial_share or "
           "工业用地占比, if there is one."),
    ))
    alg.addParameter(with_help(
        QgsProcessingParameterNumber("BASE_KM2", tr("Base minimum area (km²)"), QgsProcessingParameterNumber.Type.Double,
                                     defaultValue=4.0, minValue=0.0),
        tr("County paper: a base (a park in a development or high-tech zone) is 'generally' over 4 km². Standing "
           "decides the level; a base of this size or less is named in a warning. A park whose standing cannot be "
           "read is a base when larger than this."),
    ))
    alg.addParameter(with_help(
        QgsProcessingParameterNumber("COMMUNITY_KM2", tr("Community minimum area (km²)"),
                                     QgsProcessingParameterNumber.Type.Double, defaultValue=1.0, minValue=0.0),
        tr("County paper: a community (a park at municipal level or above, not a base) is 'typically' over 1 km². "
           "Standing decides the level; a community of this size or less, and a park below municipal level larger "
           "than this, are named in a warning. A park whose standing cannot be read is a community when larger than "
           "this (and not a base). Parcels in no park are industrial blocks."),
    ))


def _park_field(alg, parameters, context, name, parks):
    """The field named by parameter `name`, else the first of its DEFAULT_FIELDS the park layer has, else ""."""
    chosen = alg.parameterAsString(parameters, name, context)
    if chosen:
        return chosen
    return next((f for f in DEFAULT_FIELDS[name] if parks.fields().lookupField(f) >= 0), "")


def scale_levels(alg, parameters, context, feedback, parcel_geoms, parcel_area_m2, crs):
    """(ScaleResult, park source) of the parcels from the PARKS parameters (see qgis_io.parks.scale_levels)."""
    parks = source_parameter(alg, parameters, "PARKS", context, feedback)
    fields = ParkFields(*(_park_field(alg, parameters, context, name, parks)
                          for name in ("ZONE_TYPE_FIELD", "ZONE_LEVEL_FIELD", "SHARE_FIELD")))
    result = read_scale_levels(parks, fields, alg.parameterAsDouble(parameters, "BASE_KM2", context),
                               alg.parameterAsDouble(parameters, "COMMUNITY_KM2", context), context, feedback,
                               parcel_geoms, parcel_area_m2, crs)
    return result, parks


# ------------------------------------------------------------------ feature sources and sinks
# memory:, ogr:, postgres:, … are not files; a one-letter prefix is a Windows drive.
_PROVIDER_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_]+:")


def _whole_source(definition):
    """Whether a source parameter asks for every feature of its layer (no selection, limit or filter)."""
    return definition is None or (not definition.selectedFeaturesOnly and definition.featureLimit == -1
                                  and not getattr(definition, "filterExpression", ""))


def source_input(alg, parameters, name, context, feedback=None):
    """A feature-source parameter as a qgis_io SourceInput, or None when an optional one is empty.

    A CSV/XLSX given as a file path (the usual headless case) is opened with `open_table`, so a GBK file
    reads correctly; Processing would open it as UTF-8 and garble the Chinese headers. A GBK Shapefile without
    a .cpg, given as a path or a loaded layer, is read as GB18030 with a warning (gbk_shapefile). A whole
    GeoPackage layer on disk comes with its GeoPackageTable, for the bulk fast paths.
    """
    value = parameters.get(name)
    definition = value if isinstance(value, QgsProcessingFeatureSourceDefinition) else None
    if definition is not None:
        value = value.source.staticValue()
    if isinstance(value, str) and os.path.splitext(value.split("|")[0])[1].lower() in TABLE_EXTENSIONS:
        path = value.split("|")[0]
        if os.path.isfile(path):
            layer = open_table(path, feedback)
            # Keep the layer alive as long as the source: the context owns it from here on.
            context.temporaryLayerStore().addMapLayer(layer)
            return SourceInput(layer)
    if value is None or value == "":
        return None
    # A selection or feature limit belongs to the loaded layer: such a source is read as it is.
    whole = _whole_source(definition)
    if whole:
        is_path = isinstance(value, str) and os.path.isfile(value.split("|")[0])
        layer = None if is_path else alg.parameterAsVectorLayer(parameters, name, context)
        recoded = gbk_shapefile(value, layer, name, feedback) if is_path or layer is not None else None
        if recoded is not None and recoded.source.isValid():
            context.temporaryLayerStore().addMapLayer(recoded.source)
            return recoded
    source = alg.parameterAsSource(parameters, name, context)
    if source is None:
        raise QgsProcessingException(alg.invalidSourceError(parameters, name))
    if not whole:
        return SourceInput(source)
    layer = alg.parameterAsVectorLayer(parameters, name, context)
    return SourceInput(source, geopackage_table(layer, context.project()), postgis=postgis_source(layer, context.project()))


def source_parameter(alg, parameters, name, context, feedback=None):
    """The feature source of source_input, for a source the run reads through QGIS only (no fast path)."""
    found = source_input(alg, parameters, name, context, feedback)
    return None if found is None else found.source


class OutputSink:
    """A feature-sink parameter of a running algorithm as the bridge's writer takes it (qgis_io.staging.open_sink:
    a SinkTarget): `file`, the plain file it names (or None), and the sink made by parameterAsSink."""

    def __init__(self, alg, parameters, name, context):
        self.alg, self.parameters, self.name, self.context = alg, parameters, name, context
        self.file = file_destination(parameters, name, context)

    def create(self, fields, wkb, crs, path=None):
        """(sink, destination id) of the parameter, written to `path` instead when given (creation options kept)."""
        parameters = self.parameters if path is None else {**self.parameters, self.name: self._redirected(path)}
        if path is None and self._is_memory():
            # QGIS (3.40+) warns twice per field with an alias that a scratch layer cannot hold it: 2 × ~90
            # English lines in every run to a temporary layer. The aliases are set on the loaded layer afterwards
            # (qgis_io.styling.finish_output), so the sink gets the fields without them.
            fields = _without_aliases(fields)
        return self.alg.parameterAsSink(parameters, self.name, self.context, fields, wkb, crs)

    def _is_memory(self):
        value = self.parameters.get(self.name)
        if isinstance(value, QgsProcessingOutputLayerDefinition):
            value, _ = value.sink.valueAsString(self.context.expressionContext())
        return isinstance(value, str) and (value == QgsProcessing.TEMPORARY_OUTPUT or value.lower().startswith("memory:"))

    def _redirected(self, path):
        value = self.parameters[self.name]
        if isinstance(value, QgsProcessingOutputLayerDefinition):
            staged = QgsProcessingOutputLayerDefinition(value)
            staged.sink = QgsProperty.fromValue(path)
            return staged
        return path

    def invalid_error(self):
        return self.alg.invalidSinkError(self.parameters, self.name)

    def write_error(self, sink):
        return self.alg.writeFeatureError(sink, self.parameters, self.name)


def _without_aliases(fields):
    """A copy of `fields` whose fields have no alias."""
    out = QgsFields()
    for field in fields:
        copy = QgsField(field)
        copy.setAlias("")
        out.append(copy)
    return out


def file_destination(parameters, name, context):
    """The absolute path of a sink parameter that names a plain file (e.g. out.gpkg), else None."""
    value = parameters.get(name)
    if isinstance(value, QgsProcessingOutputLayerDefinition):
        value, _ = value.sink.valueAsString(context.expressionContext())
    if not isinstance(value, str) or not value or value == QgsProcessing.TEMPORARY_OUTPUT:
        return None
    if "|" in value or _PROVIDER_RE.match(value) or not os.path.splitext(value)[1]:
        return None
    return os.path.abspath(value)


def read_step_input(alg, parameters, context, feedback, cfg, extra=()):
    """(INPUT as a SourceInput, table, fids, warnings) of a single-step algorithm (qgis_io.steps.read_step_table)."""
    source = source_input(alg, parameters, "INPUT", context, feedback)
    return (source, *read_step_table(source, cfg, feedback, extra))
