"""landeval:registerround — append an evaluated round to the inefficient-land database's history table (issue 16)."""
from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterString,
)

from ..core.errors import LandEvalError
from ..core.keys import key_strings
from ..qgis_io import history
from ..qgis_io.canonical_read import read_canonical
from .base import LandEvalAlgorithm
from .params import config_file_param, load_eval_config, preset_param, source_parameter, tr, with_help

KEY = "parcel_id"
RESULT_FIELDS = ("score", "tier", "category", "inefficient", "ineff_type", "ineff_flags")


class RegisterRound(LandEvalAlgorithm):
    NAME = "registerround"
    DISPLAY = "Register an evaluated round"
    GROUP = "Decision support"
    GROUP_ID = "decision"
    HELP = ("Keeps the inefficient-land database (低效用地数据库): appends one evaluated round — its year or date, and "
            "for every parcel its id, score, tier, category, inefficient flag and type, with the weight set's name "
            "and digest — to a history table in PostGIS or in a GeoPackage, created on first use. A round already "
            "in the table is refused, so each year is registered once. One round of the table, read as a layer "
            "filtered on it (sql=\"round\" = '2024'), is a round for persistence and comparerounds.")
    OUTPUT_HELP = ("The history table (default landeval_rounds, no geometry): round, parcel_id, score, tier, "
                   "category, inefficient, ineff_type, ineff_flags, weight_set, weight_digest, registered_at (UTC). "
                   "Outputs REGISTERED (parcels appended) and HISTORY (where, without any password).")
    METHOD_HELP = ("SPEC §3.12 (evaluations repeated yearly; cities act on parcels inefficient several years in a "
                   "row).")

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API name
        self.addParameter(with_help(
            QgsProcessingParameterFeatureSource("INPUT", tr("Evaluated layer"), [QgsProcessing.SourceType.TypeVector]),
            tr("The evaluated parcels of this round (a landeval:evaluate output, from a file or PostGIS)."),
        ))
        self.addParameter(with_help(
            QgsProcessingParameterString("ROUND", tr("Round (year or date)")),
            tr("The round's year (2024) or the date of its evaluation (2024-06-30)."),
        ))
        self.addParameter(with_help(
            QgsProcessingParameterField("ID_FIELD", tr("Parcel id field"), parentLayerParameterName="INPUT",
                                        optional=True),
            tr("Field with the parcel id; empty: parcel_id or a field with a recognised header (宗地编号, 地块编号, "
               "…). Stored as text."),
        ))
        self.addParameter(preset_param())
        self.addParameter(config_file_param("WEIGHT_SET", "Weight set"))
        self.addParameter(with_help(
            QgsProcessingParameterString("HISTORY", tr("History table")),
            tr("Where the rounds are kept: a PostGIS table (postgis:dbname='city' host=… authcfg=… "
               "table=\"land\".\"landeval_rounds\") or a GeoPackage (history.gpkg, or history.gpkg|layername=name; "
               "default table landeval_rounds). Created when missing."),
        ))
        self.addOutput(QgsProcessingOutputNumber("REGISTERED", tr("Parcels registered")))
        self.addOutput(QgsProcessingOutputString("HISTORY", tr("History table")))

    def execute(self, parameters, context, feedback):
        round_name = history.check_round(self.parameterAsString(parameters, "ROUND", context))
        target = self.parameterAsString(parameters, "HISTORY", context)
        history.split_history(target)  # a HISTORY that is neither PostGIS nor a GeoPackage fails before reading
        cfg = load_eval_config(self, parameters, context, weights=True, feedback=feedback)
        source = source_parameter(self, parameters, "INPUT", context, feedback)
        id_field = self.parameterAsString(parameters, "ID_FIELD", context) or KEY
        frame, _ = read_canonical(source, (KEY, id_field, *RESULT_FIELDS), feedback, "INPUT")
        column = id_field if id_field in frame else KEY if KEY in frame else None
        if column is None:
            raise LandEvalError("INPUT has no parcel id field {id_field!r} (nor a 宗地编号 column): set ID_FIELD to "
                                "the field that holds the parcel id.", id_field=id_field)
        if not any(field in frame for field in ("score", "tier", "inefficient")):
            raise LandEvalError("INPUT has none of score, tier and inefficient: register a landeval:evaluate "
                                "output.")
        frame[KEY] = key_strings(frame[column].to_numpy())
        rows = history.round_rows(frame, round_name, cfg.name, cfg.digest())
        where = history.append_round(target, rows)
        feedback.pushInfo(tr("Round {round}: {count} parcel(s) registered in {where}").format(
            round=round_name, count=len(rows), where=where))
        return {"REGISTERED": len(rows), "HISTORY": where}
