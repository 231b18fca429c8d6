"""Units. Area units: 1 亩 = 10000/15 m² exactly (so 1 km² = 1500 亩); money is always in 万元 in the engine.

Units written in table headers (税收总额（元）) are parsed and converted to the catalogue's unit by the families
below (core.tables.canonical_table does the converting, one whole column at a time)."""
import re
import unicodedata

import numpy as np

from .errors import LandEvalError

AREA_UNITS = ("mu", "ha", "km2")

# Square metres in one unit. The 亩 is defined as 1/15 公顷, hence 10000/15 and not the rounded 666.67.
M2_PER_UNIT = {"mu": 10000.0 / 15.0, "ha": 10000.0, "km2": 1.0e6}

def check_unit(unit):
    """Return `unit` if it is one of AREA_UNITS, else raise a LandEvalError saying which units exist."""
    if unit not in M2_PER_UNIT:
        raise LandEvalError("Unknown area unit {unit!r}: use one of {area_units} (亩, 公顷, 平方千米).", unit=unit,
                            area_units=', '.join(AREA_UNITS))
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
    # Imported here: core.labels reads the catalogue, which imports this module.
    from .labels import LANGUAGES, label

    return label(f"unit.{check_unit(unit)}", lang if lang in LANGUAGES else "en")


def unit_text(unit, lang="zh"):
    """A catalogue unit in `lang`: as written for Chinese, else part by part in English from the label store
    (unit_text("万元/亩", "en") == "10k yuan/mu"); a part the store does not name is kept as written."""
    if lang == "zh" or not unit:
        return unit
    from .labels import entries

    # The area units (亩, 公顷, 平方千米) and the other units, keyed by their Chinese spelling.
    english = {text["zh"]: text["en"] for group in ("unit", "unit_name") for text in entries(group).values()}
    return "/".join(english.get(part, part) for part in str(unit).split("/"))


# --------------------------------------------------------------------------------- units written in headers
# How many base units one unit is, per family (what a statistics or tax office writes after a header).
# Spellings are compared after unit_key (NFKC, no spaces, Latin letters lower case), so "ｋＷｈ", "KWH" and
# "kWh" are one unit, and "㎡", "m²" and "m2" too. A spelling may sit in two families (吨 of water is 1 m³, and
# 吨 is also a mass): a conversion uses a family holding both units, and the factor is the same in either.
UNIT_FAMILIES = {
    "money": {"元": 1.0, "千元": 1.0e3, "万元": 1.0e4, "亿元": 1.0e8},
    "area": {"m²": 1.0, "平方米": 1.0, "亩": 10000.0 / 15.0, "公顷": 1.0e4, "ha": 1.0e4, "km²": 1.0e6,
             "平方千米": 1.0e6, "平方公里": 1.0e6},
    "electricity": {"kWh": 1.0, "千瓦时": 1.0, "度": 1.0, "MWh": 1.0e3, "兆瓦时": 1.0e3, "万kWh": 1.0e4,
                    "万千瓦时": 1.0e4, "万度": 1.0e4},
    "water": {"m³": 1.0, "立方米": 1.0, "吨": 1.0, "万m³": 1.0e4, "万立方米": 1.0e4, "万吨": 1.0e4},
    "energy": {"千克标准煤": 1.0e-3, "kgce": 1.0e-3, "吨标准煤": 1.0, "吨标煤": 1.0, "tce": 1.0,
               "万吨标准煤": 1.0e4, "万吨标煤": 1.0e4, "万tce": 1.0e4},
    "mass": {"千克": 1.0e-3, "公斤": 1.0e-3, "kg": 1.0e-3, "吨": 1.0, "t": 1.0, "万吨": 1.0e4},
    "people": {"人": 1.0, "万人": 1.0e4},
    "share": {"fraction": 1.0, "%": 1.0e-2, "‰": 1.0e-3},
}

# A unit in brackets at the end of a header, full- or half-width: 税收总额（元）, 面积(m²), 用电量[万kWh], 产值【万元】.
_BRACKETS = r"[(\[（【]\s*([^()\[\]（）【】]*?)\s*[)\]）】]"
_TRAILING_UNIT = re.compile(_BRACKETS + r"\s*$")
# "单位:万元" / "单位：万元", in brackets or after the name: 税收总额（单位：万元）, 税收总额 单位:万元.
_UNIT_WORD = re.compile(r"单位\s*[:：]\s*(.+?)\s*$")


def unit_key(text):
    """Comparable spelling of a unit: NFKC (full-width letters, ㎡ → m2), no spaces, Latin lower case."""
    key = re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(text)))
    return key.lower().replace("²", "2").replace("³", "3")


_FACTORS = {}  # unit_key → [(family, factor, spelling)]
for _family, _members in UNIT_FAMILIES.items():
    for _spelling, _factor in _members.items():
        _FACTORS.setdefault(unit_key(_spelling), []).append((_family, _factor, _spelling))


def header_unit(header):
    """The unit a header states, as written ("元", "万kWh"), or None: 税收总额（元） → "元",
    "工业总产值(万元)" → "万元", "用电量 单位:千瓦时" → "千瓦时", "税收总额（单位：万元）" → "万元", 税收 → None.
    Of several brackets the last holding a unit counts; without one, the last bracket's text is returned, unit
    or not (see is_unit)."""
    text = unicodedata.normalize("NFKC", str(header)).strip()
    word = _UNIT_WORD.search(text)
    if word and not _TRAILING_UNIT.search(text):
        return word.group(1)
    groups = [_UNIT_WORD.sub(r"\1", g).strip() for g in re.findall(_BRACKETS, text)]
    # The last bracket that holds a unit: 工业总产值（万元）（2023年） states 万元.
    return next((g for g in reversed(groups) if is_unit(g)), groups[-1] if groups and groups[-1] else None)


def _parts(unit):
    """A unit split at "/" into (numerator, denominator or None): "万元/亩" → ("万元", "亩")."""
    num, _, den = str(unit).partition("/")
    return num, (den if den else None)


def simple_factors(unit):
    """[(family, factor)] of a simple unit; [] when it is not one LandEval knows."""
    return [(family, factor) for family, factor, _ in _FACTORS.get(unit_key(unit), ())]


def is_unit(text):
    """Whether `text` is a unit LandEval knows: a simple one (元, 亩, %) or a ratio of two (元/亩)."""
    num, den = _parts(text)
    return bool(simple_factors(num)) and (den is None or bool(simple_factors(den)))


def _simple_conversion(stated, target):
    """Factor from `stated` to `target` (simple units): 1 when equal, None when no family holds both."""
    if unit_key(stated) == unit_key(target):
        return 1.0
    target_factors = dict(simple_factors(target))
    for family, factor in simple_factors(stated):
        if family in target_factors:
            return factor / target_factors[family]
    return None


def conversion_factor(stated, target):
    """What a value in `stated` is multiplied by to be in `target` (both simple or both ratios), or None
    when the two are not the same kind of quantity: ("元", "万元") → 1e-4, ("元/亩", "万元/亩") → 1e-4,
    ("%", "fraction") → 0.01, ("亩", "万元") → None."""
    stated_num, stated_den = _parts(stated)
    target_num, target_den = _parts(target)
    if (stated_den is None) != (target_den is None):
        return None
    factor = _simple_conversion(stated_num, target_num)
    if factor is None or stated_den is None:
        return factor
    den = _simple_conversion(stated_den, target_den)
    return None if den is None else factor / den


def money_factor(unit):
    """元 in one `unit` of money (its numerator for a ratio such as 万元/亩), or None when it is no money unit.
    Cells such as "12万" or "5000元" are read in their own magnitude and converted with it."""
    return UNIT_FAMILIES["money"].get(_parts(unit)[0])


def known_units():
    """The units of every family, for messages: "元, 千元, 万元, 亿元; m², 平方米, …"."""
    return "; ".join(", ".join(members) for members in UNIT_FAMILIES.values())


def with_unit(header, unit):
    """The header written with `unit` instead of the one it states: with_unit("税收总额（元）", "万元") →
    "税收总额（万元）" (for messages that say what to write)."""
    text = unicodedata.normalize("NFKC", str(header)).strip()
    base = re.sub(r"[,;]?\s*单位\s*:.*$", "", _TRAILING_UNIT.sub("", text)).strip()
    return f"{base or header}（{unit}）"
