"""landeval:entropyweights — objective weights (entropy or CRITIC) from the values of layer fields."""
import pandas as pd
from qgis.core import (
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
)
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP

from ..core import tables, weighting
from ..core.errors import LandEvalError
from ..core.labels import entries as label_entries
from ..qgis_io.layer_io import read_frame
from ..translation import message_of
from .base import LandEvalAlgorithm
from .params import (add_weight_outputs, source_parameter, split_names, tr, translated_options, weight_outputs,
                     with_help)

# Enum order is a public contract: entropy, CRITIC.
METHODS = ("entropy", "critic")
METHOD_OPTIONS = [QT_TRANSLATE_NOOP("LandEval", "entropy"), QT_TRANSLATE_NOOP("LandEval", "CRITIC")]
_FUNCTIONS = {"entropy": weighting.entropy_weights, "critic": weighting.critic_weights}


class EntropyWeights(LandEvalAlgorithm):
    NAME = "entropyweights"
    DISPLAY = "Entropy / CRITIC weights"
    GROUP = "Weights"
    GROUP_ID = "weights"
    HELP = ("Objective weights of indicator fields from how much their values vary across the parcels: the "
            "entropy weight method, or CRITIC (contrast × conflict). A constant field gets weight 0; missing "
            "values are left out of their field.")
    OUTPUT_HELP = ("WEIGHTS: JSON object {field: weight} (sums to 1); OUTPUT_WEIGHT_SET (optional): a YAML weight "
                   "set with one element holding the fields as indicators (catalogue ids where a field is one, "
                   "otherwise custom columns; COST_FIELDS as cost).")
    METHOD_HELP = ("Entropy (SPEC §5): min-max normalize (cost reversed), p_ij = x_ij/Σ_i x_ij, "
                   "H_j = −(1/ln m) Σ p_ij ln p_ij, w_j = (1 − H_j)/Σ(1 − H_j). CRITIC (Diakoulaki et al. 1995): "
                   "C_j = σ_j Σ_k (1 − r_jk), w = C/ΣC. Both named by the county paper as objective weighting.")

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API name
        self.addParameter(with_help(
            QgsProcessingParameterFeatureSource("INPUT", tr("Parcels")),
            tr("A layer (or table) with one row per parcel and the indicator fields, e.g. computeindicators' output."),
        ))
        self.addParameter(with_help(
            QgsProcessingParameterField("FIELDS", tr("Indicator fields"), parentLayerParameterName="INPUT",
                                        type=QgsProcessingParameterField.DataType.Any, allowMultiple=True),
            tr("The indicator fields to weight (qgis_process: FIELDS=plot_ratio;tax_per_area;idle_rate). Text such as "
               "'1,234' or '12万' is read as a number; other text is an error naming the value."),
        ))
        self.addParameter(with_help(
            QgsProcessingParameterField("COST_FIELDS", tr("Cost fields (less is better)"),
                                        parentLayerParameterName="INPUT", type=QgsProcessingParameterField.DataType.Any,
                                        allowMultiple=True, optional=True),
            tr("Those of FIELDS where a smaller value is better (idle rate, energy per output); they are reversed "
               "before weighting."),
        ))
        self.addParameter(with_help(
            QgsProcessingParameterEnum("METHOD", tr("Method"), options=translated_options(METHOD_OPTIONS), defaultValue=0),
            tr("entropy (default) or CRITIC."),
        ))
        add_weight_outputs(self)

    def execute(self, parameters, context, feedback):
        source = source_parameter(self, parameters, "INPUT", context, feedback)
        fields = split_names(self.parameterAsFields(parameters, "FIELDS", context))
        cost = split_names(self.parameterAsFields(parameters, "COST_FIELDS", context))
        if not fields:
            raise LandEvalError("FIELDS is empty: choose at least two indicator fields.")
        stray = [c for c in cost if c not in fields]
        if stray:
            raise LandEvalError("COST_FIELDS {stray} are not among FIELDS; a cost field must also be "
                                "one of the fields weighted.", stray=', '.join(stray))
        frame, _ = read_frame(source, fields, feedback, what=QT_TRANSLATE_NOOP("LandEvalError", "input layer"))
        values = {}
        for name in fields:
            values[name], warnings = tables.to_numeric(frame[name], name)
            for warning in warnings:
                feedback.pushWarning(message_of(warning))
        method = METHODS[self.parameterAsEnum(parameters, "METHOD", context)]
        weights = _FUNCTIONS[method](pd.DataFrame(values, columns=fields), cost=cost)
        result = {name: float(weights[name]) for name in fields}
        for name, w in result.items():
            feedback.pushInfo(f"{name}: {w:.4f}" + (" " + tr("(cost)") if name in cost else ""))
        label = label_entries("weight_method")[method]
        return weight_outputs(self, parameters, context, result, method, label,
                              f"{label['en']} weights from {len(frame)} parcels", cost)
