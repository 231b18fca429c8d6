"""landeval:ahpweights — AHP priority weights from a pairwise comparison matrix."""
from fractions import Fraction

import numpy as np
from qgis.core import (
    QgsProcessingOutputBoolean,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterMatrix,
    QgsProcessingParameterString,
)
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP

from ..core import weighting
from ..core.errors import LandEvalError
from ..core.labels import entries as label_entries
from .base import LandEvalAlgorithm
from .params import add_weight_outputs, split_names, tr, translated_options, weight_outputs, with_help

# Enum order is a public contract: eigenvector, geometric mean, column mean.
METHODS = weighting.AHP_METHODS
METHOD_OPTIONS = [QT_TRANSLATE_NOOP("LandEval", "eigenvector"), QT_TRANSLATE_NOOP("LandEval", "geometric mean"),
                  QT_TRANSLATE_NOOP("LandEval", "column mean")]


def parse_cell(value, position):
    """A matrix cell: 3, 0.333, "1/3" or "3"; anything else is an error naming the cell."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    text = str(value).strip()
    try:
        return float(Fraction(text)) if "/" in text else float(text)
    except (ValueError, ZeroDivisionError):
        raise LandEvalError("MATRIX value {position} is {text!r}: write a number such as 3, 0.2 or 1/5.",
                            position=position, text=text) from None


def build_matrix(values, criteria):
    """The n×n matrix from the flat values: all n² row by row, or the n(n−1)/2 cells above the diagonal
    row by row (the diagonal is 1 and the lower half the reciprocals)."""
    n = len(criteria)
    cells = [parse_cell(v, k + 1) for k, v in enumerate(values)]
    if len(cells) == n * n:
        return np.array(cells, dtype=float).reshape(n, n)
    if len(cells) == n * (n - 1) // 2:
        a = np.ones((n, n))
        rows, cols = np.triu_indices(n, k=1)
        a[rows, cols] = cells
        a[cols, rows] = 1.0 / np.asarray(cells)
        return a
    raise LandEvalError(
        "MATRIX has {cells} values for {n} criteria ({criteria}): give all {cells_all} cells row by "
        "row, or the {cells_above} cells above the diagonal row by row.",
        cells=len(cells), n=n, criteria=', '.join(criteria), cells_all=n * n, cells_above=n * (n - 1) // 2
    )


class AHPWeights(LandEvalAlgorithm):
    NAME = "ahpweights"
    DISPLAY = "AHP weights"
    GROUP = "Weights"
    GROUP_ID = "weights"
    HELP = ("Priority weights of criteria from a reciprocal pairwise comparison matrix on Saaty's 1–9 scale "
            "(a_ij = how much more important criterion i is than j; a_ji = 1/a_ij), with the consistency "
            "check. The weights can be written as a LandEval weight set for scoreparcels.")
    OUTPUT_HELP = ("WEIGHTS: JSON object {criterion: weight} (sums to 1); LAMBDA_MAX: principal eigenvalue λmax; "
                   "CR: consistency ratio CI/RI(n) with CI = (λmax − n)/(n − 1), 0 for n ≤ 2; CONSISTENT: "
                   "CR ≤ 0.10; OUTPUT_WEIGHT_SET (optional): a YAML weight set with one element holding the "
                   "criteria as indicators (directions from the catalogue; unknown ids as custom benefit columns) "
                   "and the matrix under meta: ahp_matrix (what landeval:robustness perturbs with METHOD 2).")
    METHOD_HELP = ("Saaty, The Analytic Hierarchy Process (1980); random index RI(n) for n = 1…15: 0, 0, 0.58, 0.90, "
                   "1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59 (SPEC §5).")

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API name
        self.addParameter(with_help(
            QgsProcessingParameterString("CRITERIA", tr("Criteria")),
            tr("Criterion ids in matrix order, separated by ';' (e.g. plot_ratio;tax_per_area;output_per_area). Use "
               "catalogue indicator ids to get a weight set scoreparcels can use directly."),
        ))
        self.addParameter(with_help(
            QgsProcessingParameterMatrix("MATRIX", tr("Pairwise comparison matrix"), numberRows=3,
                                         hasFixedNumberRows=False, headers=[tr("a_ij (row by row)")]),
            tr("The matrix values row by row (qgis_process: MATRIX=1,3,5,1/3,1,3,1/5,1/3,1). Either all n² cells, or "
               "only the n(n−1)/2 cells above the diagonal (the rest follows from reciprocity). Fractions such as 1/3 "
               "are accepted."),
        ))
        self.addParameter(with_help(
            QgsProcessingParameterEnum("METHOD", tr("Method"), options=translated_options(METHOD_OPTIONS), defaultValue=0),
            tr("How the priority vector is derived: principal eigenvector (Saaty, default), normalized row geometric "
               "means, or the mean of the column-normalized matrix."),
        ))
        self.addParameter(with_help(
            QgsProcessingParameterBoolean("STRICT", tr("Refuse inconsistent judgements"),
                                          defaultValue=False),
            tr("When checked, a matrix with CR > 0.10 is an error and nothing is written; otherwise it is a warning "
               "naming the judgement to revise and the weights are still returned."),
        ))
        add_weight_outputs(self)
        self.addOutput(QgsProcessingOutputNumber("LAMBDA_MAX", tr("λmax")))
        self.addOutput(QgsProcessingOutputNumber("CR", tr("Consistency ratio CR")))
        self.addOutput(QgsProcessingOutputBoolean("CONSISTENT", tr("Consistent (CR ≤ 0.10)")))

    def execute(self, parameters, context, feedback):
        criteria = split_names(self.parameterAsString(parameters, "CRITERIA", context))
        if not criteria:
            raise LandEvalError("CRITERIA is empty: name the criteria in matrix order, separated by ';'.")
        if len(set(criteria)) != len(criteria):
            raise LandEvalError("CRITERIA names a criterion twice: {criteria}.", criteria=';'.join(criteria))
        matrix = build_matrix(self.parameterAsMatrix(parameters, "MATRIX", context), criteria)
        method = METHODS[self.parameterAsEnum(parameters, "METHOD", context)]
        result = weighting.ahp(matrix, method=method, labels=criteria)
        weights = {c: float(w) for c, w in zip(criteria, result.weights)}
        for c, w in weights.items():
            feedback.pushInfo(f"{c}: {w:.4f}")
        feedback.pushInfo(tr("λmax = {lambda_max}, CI = {ci}, CR = {cr}").format(
            lambda_max=f"{result.lambda_max:.4f}", ci=f"{result.ci:.4f}", cr=f"{result.cr:.4f}"))
        if not result.consistent:
            worst = result.worst_pair
            values = {"cr": f"{result.cr:.3f}", "row": worst.row, "col": worst.col, "given": f"{worst.given:.3g}",
                      "consistent": f"{worst.consistent:.3g}"}
            if self.parameterAsBoolean(parameters, "STRICT", context):
                raise LandEvalError(
                    "CR = {cr} > 0.10: the judgements are not consistent enough. The comparison furthest from the "
                    "weights is {row} vs {col}: given {given}, consistent value {consistent}. Revise it and run "
                    "again. (STRICT is set, so no weights were produced.)", **values)
            feedback.pushWarning(tr(
                "CR = {cr} > 0.10: the judgements are not consistent enough. The comparison furthest from the "
                "weights is {row} vs {col}: given {given}, consistent value {consistent}. Revise it and run again."
            ).format(**values))
        # The matrix goes with the weights, so landeval:robustness can perturb these judgements (METHOD 2).
        out = weight_outputs(self, parameters, context, weights, "ahp", label_entries("weight_method")["ahp"],
                             f"AHP ({method}), CR = {result.cr:.4f}", meta={"ahp_matrix": matrix.tolist()})
        out.update({"LAMBDA_MAX": result.lambda_max, "CR": result.cr, "CONSISTENT": result.consistent})
        return out
