"""landeval:computeindicators — parcel areas, enterprise join, spatial inputs and every computable indicator."""
from qgis.core import QgsProcessing, QgsProcessingParameterFeatureSink

from ..core.indicators import compute_indicators
from ..core.labels import entries as label_entries
from ..core.tables import magnitude_warnings
from ..qgis_io.assemble import assemble
from ..qgis_io.results import write_results
from ..qgis_io.steps import push_messages, report_missing
from .base import LandEvalAlgorithm
from .params import (
    OutputSink,
    add_count_outputs,
    add_input_parameters,
    area_unit,
    area_unit_param,
    count_results,
    read_inputs,
    tr,
    with_help,
)


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
            QgsProcessingParameterFeatureSink("OUTPUT", tr("Indicators"), QgsProcessing.SourceType.TypeVectorPolygon),
            tr("The new parcel layer with the indicator fields (memory, GeoPackage, Shapefile, …)."),
        ))
        add_count_outputs(self)

    def execute(self, parameters, context, feedback):
        inputs = read_inputs(self, parameters, context, feedback)
        unit = area_unit(self, parameters, context, default="mu")
        assembled = assemble(inputs, context, feedback)
        table, reasons = compute_indicators(assembled.table, unit)
        push_messages(assembled.warnings + magnitude_warnings(table, unit, assembled.warnings), feedback)
        report_missing(reasons, feedback)
        dest = write_results(OutputSink(self, parameters, "OUTPUT", context), context, feedback, inputs.parcels,
                             assembled, table, unit,
                             names=label_entries("output_name")["indicators"])
        return {"OUTPUT": dest, **count_results(assembled.counts)}
