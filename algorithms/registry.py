"""The list of algorithm classes the provider registers (one line per algorithm module)."""
from .ahpweights import AHPWeights
from .entropyweights import EntropyWeights

ALGORITHMS = [
    AHPWeights,
    EntropyWeights,
]
