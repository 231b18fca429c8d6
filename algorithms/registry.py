"""The list of algorithm classes the provider registers (one line per algorithm module)."""
from .ahpweights import AHPWeights
from .applystyle import ApplyStyle
from .checkvetoes import CheckVetoes
from .classifyparcels import ClassifyParcels
from .computeindicators import ComputeIndicators
from .entropyweights import EntropyWeights
from .scoreparcels import ScoreParcels
from .suggest_paths import SuggestPaths

ALGORITHMS = [
    AHPWeights,
    ApplyStyle,
    CheckVetoes,
    ClassifyParcels,
    ComputeIndicators,
    EntropyWeights,
    ScoreParcels,
    SuggestPaths,
]
