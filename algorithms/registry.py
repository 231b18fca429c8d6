"""The list of algorithm classes the provider registers (one line per algorithm module)."""
from .ahpweights import AHPWeights
from .applystyle import ApplyStyle
from .computeindicators import ComputeIndicators
from .entropyweights import EntropyWeights
from .suggest_paths import SuggestPaths

ALGORITHMS = [
    AHPWeights,
    ApplyStyle,
    ComputeIndicators,
    EntropyWeights,
    SuggestPaths,
]
