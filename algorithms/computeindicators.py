"""landeval:computeindicators — parcel areas, enterprise join, spatial inputs and every computable indicator."""
from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
)

from ..core.indicators import compute_indicators
from ..core.tables import Note, magnitude_warnings
from .assemble import Inputs, assemble, load_field_map
from .base import LandEvalAlgorithm
from .layer_io import field_name, source_parameter
from .params import area_unit, area_unit_param, with_help
from .results import write_results

COUNT_OUTPUTS = {
    "PARCELS_WITHOUT_ENTERPRISE": ("parcels_without_enterprise", "Parcels without enterprise / 无企业宗地数"),
    "UNMATCHED_ENTERPRISES": ("unmatched_enterprises", "Enterprises matching no parcel / 未匹配企业数"),
    "REPAIRED_GEOMETRIES": ("repaired_geometries", "Repaired geometries / 修复几何数"),
    "EMPTY_GEOMETRIES": ("empty_geometries", "Parcels without geometry / 无几何宗地数"),
}


def add_input_parameters(alg):
    """The data-assembly parameters, shared with landeval:evaluate (same names, same meaning)."""
    alg.addParameter(with_help(
        QgsProcessingParameterFeatureSource("PARCELS", "Parcels / 宗地", [QgsProcessing.SourceType.TypeVectorPolygon]),
        "Industrial land parcels (polygons) in a geographic or projected CRS; the area is measured on the "
        "ellipsoid in a geographic CRS and in the plane in a projected one. Invalid geometries are repaired "
        "for measuring and reported.",
    ))
    alg.addParameter(with_help(
        QgsProcessingParameterField("PARCEL_ID", "Parcel id field / 宗地编号字段", parentLayerParameterName="PARCELS"),
        "The field identifying each parcel (宗地编号); enterprises join on it.",
    ))
    alg.addParameter(with_help(
        QgsProcessingParameterFeatureSource("ENTERPRISES", "Enterprises / 企业表", [QgsProcessing.SourceType.TypeVector],
                                            optional=True),
        "Optional enterprise table (CSV in UTF-8 or GBK, XLSX, GeoPackage, …) with Chinese or canonical headers, "
        "or a point layer. Several firms on one parcel are aggregated: quantities summed, rates weighted, "
        "categories from the largest firm, veto flags failing when any firm fails.",
    ))
    alg.addParameter(with_help(
        QgsProcessingParameterField("ENTERPRISE_PARCEL_ID", "Enterprise parcel id field / 企业所在宗地字段",
                                    parentLayerParameterName="ENTERPRISES", optional=True),
        "The enterprise field holding the parcel id. Empty: a column recognised as 宗地编号, else — for a point "
        "layer — the parcel containing each point.",
    ))
    alg.addParameter(with_help(
        QgsProcessingParameterFile("FIELD_MAP", "Field mapping (YAML) / 字段映射", extension="yaml", optional=True),
        "Optional YAML mapping of canonical ids to your column names for headers LandEval does not recognise, "
        "e.g. 'tax: 实缴税金' or 'parcel_id: ZDBH'; an entry may state the column's unit, "
        "'tax: {field: 实缴税金, unit: 元}', which is converted to the catalogue's (as a unit in a header such as "
        "税收总额（元） is). Applies to the parcel layer and the enterprise table.",
    ))
    alg.addParameter(with_help(
        QgsProcessingParameterFeatureSource("ECO_REDLINE", "Ecological red line / 生态保护红线",
                                            [QgsProcessing.SourceType.TypeVectorPolygon], optional=True),
        "Optional polygons; gives redline_share, the fraction (0–1) of each parcel inside them. Any CRS.",
    ))
    alg.addParameter(with_help(
        QgsProcessingParameterFeatureSource("DEV_BOUNDARY", "Urban development boundary / 城镇开发边界",
                                            [QgsProcessing.SourceType.TypeVectorPolygon], optional=True),
        "Optional polygons; gives inside_dev_boundary = 1 when at least half of the parcel lies inside. Any CRS.",
    ))
    alg.addParameter(with_help(
        QgsProcessingParameterFeatureSource("POIS", "Public-service POIs / 公共服务设施点",
                                            [QgsProcessing.SourceType.TypeVectorPoint], optional=True),
        "Optional points; gives poi_count (POIs within POI_RADIUS of the parcel centroid) and poi_density "
        "(per km² of that circle). Any CRS.",
    ))
    alg.addParameter(with_help(
        QgsProcessingParameterNumber("POI_RADIUS", "POI radius (m) / 服务半径(米)", QgsProcessingParameterNumber.Type.Double,
                                     defaultValue=1000.0, minValue=1.0),
        "Search radius in metres (default 1000: the 15-minute industrial living circle).",
    ))


def read_inputs(alg, parameters, context, feedback):
    """The Inputs of a run from the shared parameters."""
    def optional(name):
        return source_parameter(alg, parameters, name, context, feedback) if parameters.get(name) else None

    parcels, enterprises = source_parameter(alg, parameters, "PARCELS", context, feedback), optional("ENTERPRISES")
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
        alg.addOutput(QgsProcessingOutputNumber(name, description))


def count_results(counts):
    return {name: counts.get(key, 0) for name, (key, _) in COUNT_OUTPUTS.items()}


def push_messages(messages, feedback):
    """The run's messages to the log: notes of what was done to the data (units converted, ids compared as
    numbers; core.tables.Note) as information, everything else as warnings."""
    for message in messages:
        if isinstance(message, Note):
            feedback.pushInfo(message)
        else:
            feedback.pushWarning(message)


def report_missing(reasons, feedback):
    """One log line per indicator with missing values, with the reasons and how often."""
    for iid, series in reasons.items():
        counts = series.dropna().value_counts()
        if len(counts):
            why = ", ".join(f"{reason}: {n}" for reason, n in counts.items())
            feedback.pushInfo(f"{iid}: {int(counts.sum())} missing ({why})")


class ComputeIndicators(LandEvalAlgorithm):
    NAME = "computeindicators"
    DISPLAY = "Compute indicators"
    HELP = ("Assembles the evaluation data of every parcel: its area from the geometry, the enterprises on it "
            "(joined by parcel id or by location, several per parcel aggregated), the spatial inputs when the "
            "layers are given, and every indicator of the catalogue whose inputs exist (plot ratio, tax per "
            "area, …). Division by zero or a missing input gives a missing value with the reason in the log, "
            "never infinity. Enterprises matching no parcel and parcels without enterprises are counted in the "
            "log and in the outputs.")
    OUTPUT_HELP = ("A new layer: the parcels with their attributes plus area_m2 (m²), area_<unit>, n_enterprises, "
                   "the aggregated enterprise inputs under their canonical ids (floor_area m², output_value and "
                   "tax 万元, employees 人, yes/no flags as 1/0, …), redline_share (0–1), inside_dev_boundary "
                   "(1/0), poi_count, poi_density (per km²) and one field per indicator (plot_ratio, "
                   "building_density, green_ratio and idle_rate as fractions; output_per_area and tax_per_area in "
                   "万元 per area unit; employees_per_area in persons per area unit; electricity_per_output etc. "
                   "per 万元). Chinese aliases on every field. Counts: PARCELS_WITHOUT_ENTERPRISE, "
                   "UNMATCHED_ENTERPRISES, REPAIRED_GEOMETRIES, EMPTY_GEOMETRIES.")
    METHOD_HELP = ("Indicator formulas: docs/design.md and resources/presets/catalogue.yaml; aggregation of tenants "
                   "and spatial inputs: SPEC §3.1–3.2 (county paper; Shanghai 15-minute industrial living circle "
                   "for the 1 km POI radius). 1 亩 = 10000/15 m².")

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API name
        add_input_parameters(self)
        self.addParameter(area_unit_param())
        self.addParameter(with_help(
            QgsProcessingParameterFeatureSink("OUTPUT", "Indicators / 评价指标", QgsProcessing.SourceType.TypeVectorPolygon),
            "The new parcel layer with the indicator fields (memory, GeoPackage, Shapefile, …).",
        ))
        add_count_outputs(self)

    def execute(self, parameters, context, feedback):
        inputs = read_inputs(self, parameters, context, feedback)
        unit = area_unit(self, parameters, context, default="mu")
        assembled = assemble(inputs, context, feedback)
        table, reasons = compute_indicators(assembled.table, unit)
        push_messages(assembled.warnings + magnitude_warnings(table, unit, assembled.warnings), feedback)
        report_missing(reasons, feedback)
        dest = write_results(self, parameters, context, feedback, inputs.parcels, assembled, table, unit,
                             names={"zh": "评价指标", "en": "Indicators"})
        return {"OUTPUT": dest, **count_results(assembled.counts)}
