"""The list of algorithm classes the provider registers (one line per algorithm module)."""
from .aggregatezones import AggregateZones
from .ahpweights import AHPWeights
from .applystyle import ApplyStyle
from .checkvetoes import CheckVetoes
from .check_contracts import CheckContracts
from .classifyparcels import ClassifyParcels
from .classifyscale import ClassifyScale
from .compare_rounds import CompareRounds
from .computeindicators import ComputeIndicators
from .dossier import Dossier
from .entropyweights import EntropyWeights
from .evaluate import Evaluate
from .excel_list import ExportList
from .persistence import Persistence
from .potential_classes import PotentialClasses
from .registerround import RegisterRound
from .renewal_scenarios import RenewalScenarios
from .report import Report
from .robustness import Robustness
from .scoreparcels import ScoreParcels
from .suggest_paths import SuggestPaths
from .two_evaluations import TwoEvaluations

ALGORITHMS = [
    AggregateZones,
    AHPWeights,
    ApplyStyle,
    CheckContracts,
    CheckVetoes,
    ClassifyParcels,
    ClassifyScale,
    CompareRounds,
    ComputeIndicators,
    Dossier,
    EntropyWeights,
    Evaluate,
    ExportList,
    Persistence,
    PotentialClasses,
    RegisterRound,
    RenewalScenarios,
    Report,
    Robustness,
    ScoreParcels,
    SuggestPaths,
    TwoEvaluations,
]
