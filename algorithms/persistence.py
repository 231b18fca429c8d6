"""landeval:persistence — parcels inefficient (or at or below a chosen tier) in each of the last N yearly rounds."""
from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP

from ..core.decision import monitoring as core
from ..core.errors import LandEvalError
from ..core.keys import key_strings
from ..core.labels import entries as label_entries, label
from ..qgis_io.canonical_read import read_canonical
from ..qgis_io.decision_output import aliases, finish_decision_output
from ..qgis_io.writer import write_output
from ..translation import output_language
from .base import LandEvalAlgorithm
from .params import OutputSink, split_names, tr, translated_options, with_help

KEY = "parcel_id"
# (worst tier, inefficiency type) per CRITERION option; the order is public (models store the index).
CRITERIA = ((None, None), ("B", None), ("C", None), ("D", None), (None, "efficiency"), (None, "equity"))
CRITERION_OPTIONS = [QT_TRANSLATE_NOOP("LandEval", "inefficient = 1"), QT_TRANSLATE_NOOP("LandEval", "tier B or worse"),
                     QT_TRANSLATE_NOOP("LandEval", "tier C or worse"),
                     QT_TRANSLATE_NOOP("LandEval", "tier D"),
                     QT_TRANSLATE_NOOP("LandEval", "efficiency-deficient: low output per mu"),
                     QT_TRANSLATE_NOOP("LandEval", "equity-deficient: low tax per mu")]


class Persistence(LandEvalAlgorithm):
    NAME = "persistence"
    DISPLAY = "Persistent inefficiency"
    GROUP = "Decision support"
    GROUP_ID = "decision"
    HELP = ("Many cities act only on parcels that stay inefficient, e.g. low output three years in a row. Give the "
            "evaluated layers of two or more years, oldest first: every parcel of the latest round is flagged "
            "persistent when each of the last N rounds flags it — inefficient = 1, or rated at or below a chosen "
            "tier. Parcels are matched by id (宗地编号) across rounds. A parcel absent from a round, or whose "
            "flag that round cannot tell, is not flagged in that round: persistence has to be shown by the data.")
    OUTPUT_HELP = ("The latest round's features and fields plus flagged_rounds (how many of the last N flag it), "
                   "streak (consecutive flagged rounds ending with the latest), persistent (1/0) and history (one "
                   "mark per round, oldest first: 1 flagged, 0 not, ? unknown, - absent). Coloured by persistent.")
    METHOD_HELP = ("SPEC §3.12 (cities act on persistence, e.g. low output three years in a row); county paper "
                   "§4.3, line 187 (annual project evaluations, addressing non-compliance).")

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API name
        self.addParameter(with_help(
            QgsProcessingParameterMultipleLayers("ROUNDS", tr("Evaluated rounds, oldest first"),
                                                 QgsProcessing.SourceType.TypeVector),
            tr("Two or more evaluated layers (landeval:evaluate outputs), one per year, oldest first. The output "
               "keeps the features of the last one."),
        ))
        self.addParameter(with_help(
            QgsProcessingParameterString("ID_FIELD", tr("Parcel id field"), "parcel_id", optional=True),
            tr("Field with the parcel id in every round; empty: parcel_id or a field with a recognised header "
               "(宗地编号, 地块编号, …). Ids are compared as text (101, 101.0 and '101' match)."),
        ))
        self.addParameter(with_help(
            QgsProcessingParameterNumber("N", tr("Consecutive rounds N"), QgsProcessingParameterNumber.Type.Integer,
                                         3, minValue=1),
            tr("How many of the latest rounds must all flag a parcel (default 3: three years in a row)."),
        ))
        self.addParameter(with_help(
            QgsProcessingParameterEnum("CRITERION", tr("Flagged when"), options=translated_options(CRITERION_OPTIONS),
                                       defaultValue=0),
            tr("What flags a parcel in one round: inefficient = 1 (default), its tier at or below B, C or D (T, "
               "unrated, never counts), or an inefficiency type among its ineff_flags — efficiency (low output per 亩: "
               "'low output three years in a row') or equity (low tax per 亩)."),
        ))
        self.addParameter(with_help(
            QgsProcessingParameterString("NAMES", tr("Round names"), optional=True),
            tr("Optional names of the rounds in the same order, comma-separated (e.g. 2022,2023,2024), used in "
               "messages."),
        ))
        self.addParameter(with_help(QgsProcessingParameterFeatureSink("OUTPUT", tr("Persistently inefficient parcels")),
                                         tr("The input parcels with the fields described under Output.")))

    def execute(self, parameters, context, feedback):
        layers = self.parameterAsLayerList(parameters, "ROUNDS", context)
        names = split_names(self.parameterAsString(parameters, "NAMES", context).replace(",", ";").replace("，", ";"))
        if names and len(names) != len(layers):
            raise LandEvalError("NAMES gives {names} name(s) for {rounds} round(s): give one per round "
                                "or none.", names=len(names), rounds=len(layers))
        names = names or [layer.name() for layer in layers]
        id_field = self.parameterAsString(parameters, "ID_FIELD", context) or KEY
        n_last = self.parameterAsInt(parameters, "N", context)
        worst, flag_type = CRITERIA[self.parameterAsEnum(parameters, "CRITERION", context)]
        rounds = [_read_round(layer, id_field, name, feedback) for layer, name in zip(layers, names)]
        table = core.persistence([r for r, _ in rounds], KEY, n_last, worst, names, flag_type)
        feedback.pushInfo(tr("{flagged} of {total} parcel(s) of {round} are flagged in each of the last {n} "
                             "round(s).").format(flagged=int(table["persistent"].sum()), total=len(table),
                                                 round=names[-1], n=n_last))
        # Aliases in the run's language (QGIS's locale), as every output's.
        lang = output_language()
        field_aliases = aliases(core.PERSISTENCE_LABELS, lang=lang)
        field_aliases["flagged_rounds"] = label("persistence_field.flagged_rounds", lang).format(n=n_last)
        dest = write_output(OutputSink(self, parameters, "OUTPUT", context), context, layers[-1],
                            table.drop(columns=[KEY]),
                            rounds[-1][1], feedback, field_aliases)
        finish_decision_output(dest, context, feedback, label_entries("output_name")["persistence"],
                               field_aliases, {}, qml="persistent")
        return {"OUTPUT": dest}


def _read_round(layer, id_field, name, feedback):
    """(round as DataFrame with parcel_id as comparable text, inefficient and tier; feature ids)."""
    frame, fids = read_canonical(layer, (KEY, id_field, "inefficient", "tier", "ineff_flags"), feedback,
                                 f"round {name}")
    column = id_field if id_field in frame else KEY if KEY in frame else None
    if column is None:
        raise LandEvalError("Round {name!r} has no parcel id field {id_field!r} (nor a 宗地编号 column): set "
                            "ID_FIELD to the field that holds the parcel id.", name=name, id_field=id_field)
    frame[KEY] = key_strings(frame[column].to_numpy())
    return frame, fids
