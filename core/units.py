"""Area units. 1 亩 = 10000/15 m² exactly (so 1 km² = 1500 亩); money is always in 万元."""
import numpy as np

from .errors import LandEvalError

AREA_UNITS = ("mu", "ha", "km2")

# Square metres in one unit. The 亩 is defined as 1/15 公顷, hence 10000/15 and not the rounded 666.67.
M2_PER_UNIT = {"mu": 10000.0 / 15.0, "ha": 10000.0, "km2": 1.0e6}

_LABELS = {
    "mu": {"zh": "亩", "en": "mu"},
    "ha": {"zh": "公顷", "en": "ha"},
    "km2": {"zh": "平方千米", "en": "km²"},
}


def check_unit(unit):
    """Return `unit` if it is one of AREA_UNITS, else raise a LandEvalError saying which units exist."""
    if unit not in M2_PER_UNIT:
        raise LandEvalError(f"Unknown area unit {unit!r}: use one of {', '.join(AREA_UNITS)} (亩, 公顷, 平方千米).")
    return unit


def from_m2(values, unit):
    """Convert areas in m² to `unit` (mu, ha or km2). Scalars give a float, sequences a float ndarray."""
    factor = M2_PER_UNIT[check_unit(unit)]
    out = np.asarray(values, dtype=float) / factor
    return float(out) if out.ndim == 0 else out


def to_m2(values, unit):
    """Convert areas in `unit` to m² (the inverse of from_m2)."""
    factor = M2_PER_UNIT[check_unit(unit)]
    out = np.asarray(values, dtype=float) * factor
    return float(out) if out.ndim == 0 else out


def unit_label(unit, lang="zh"):
    """Display name of an area unit: unit_label("mu", "zh") == "亩", unit_label("km2", "en") == "km²"."""
    labels = _LABELS[check_unit(unit)]
    return labels.get(lang, labels["en"])
