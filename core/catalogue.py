"""The indicator catalogue (resources/presets/catalogue.yaml): ids, labels, units, directions, header aliases."""
import functools
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .errors import LandEvalError, Problem, Problems
from .units import is_unit, known_units, unit_label, unit_text

PRESETS_DIR = Path(__file__).resolve().parents[1] / "resources" / "presets"
CATALOGUE_PATH = PRESETS_DIR / "catalogue.yaml"

# The C implementation of the *safe* loader when PyYAML has it (it parses ~10× faster); never the full Loader.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

KINDS = ("key", "text", "group", "extensive", "intensive", "categorical", "flag", "spatial")
AGGREGATES = ("first", "sum", "wmean", "dominant", "any", "all")
DIRECTIONS = ("benefit", "cost", "categorical")
# Denominators a formula may use besides raw inputs: the parcel area in m² or in the chosen area unit.
AREA_TERMS = ("area_m2", "area")

# A unit in brackets after a header ("总产值（万元）", "面积(m²)") is not part of the field's name.
_BRACKETED = re.compile(r"[(\[（【].*?[)\]）】]")
# So is a unit stated after the name with 单位: ("税收总额 单位:万元", "税收总额，单位：万元").
_UNIT_SUFFIX = re.compile(r"[,，;；]?\s*单位\s*[:：].*$")


def header_key(name):
    """Comparable form of a table header: NFKC, lower case, no spaces, no bracketed unit."""
    text = unicodedata.normalize("NFKC", str(name)).strip().lower()
    return re.sub(r"\s+", "", _UNIT_SUFFIX.sub("", _BRACKETED.sub("", text)))


def _plausible_range(where, entry, problems):
    """(low, high) from an entry's `range: [low, high]`, () when it has none."""
    value = entry.get("range")
    if value is None:
        return ()
    if (not isinstance(value, list) or len(value) != 2 or not all(isinstance(v, (int, float)) for v in value)
            or not value[0] < value[1]):
        problems.append(Problem("{where}.range: {value!r} is not [low, high] with low < high", where=where,
                                value=value))
        return ()
    return (float(value[0]), float(value[1]))


def field_column(value):
    """The column a FIELD_MAP value names: `实缴税金` or `{field: 实缴税金, unit: 元}`."""
    return value.get("field") if isinstance(value, dict) else value


def field_units(field_map):
    """{canonical id: unit} of the FIELD_MAP entries that state a unit."""
    return {fid: v["unit"] for fid, v in (field_map or {}).items() if isinstance(v, dict) and v.get("unit")}


def check_field_map(data, source):
    """A FIELD_MAP as read from YAML, checked: {canonical id: column} or {canonical id: {field, unit}}.

    A stated unit must be one LandEval knows (core.units); whether it suits the field is checked where the
    column is read (core.tables.canonical_table), which names both."""
    example = "e.g. 'tax: 实缴税金' or 'tax: {field: 实缴税金, unit: 元}'"
    if not isinstance(data, dict):
        raise LandEvalError("{source}: FIELD_MAP must be a YAML mapping of canonical ids to column names, "
                            "{example}.", source=source, example=example)
    problems = []
    for fid, value in data.items():
        if isinstance(value, dict):
            extra = set(value) - {"field", "unit"}
            if not isinstance(value.get("field"), str) or extra:
                problems.append(Problem("{fid}: give 'field' (the column) and optionally 'unit', nothing else",
                                        fid=fid))
            elif value.get("unit") is not None and not is_unit(str(value["unit"])):
                problems.append(Problem("{fid}: unit {unit!r} is not a unit LandEval knows ({units})", fid=fid,
                                        unit=value['unit'], units=known_units()))
        elif not isinstance(value, str):
            problems.append(Problem("{fid}: {value!r} is not a column name", fid=fid, value=value))
    if problems:
        raise LandEvalError("{source}: FIELD_MAP is not valid ({example}):\n{problems}", source=source,
                            example=example, problems=Problems(problems, prefix="  - "))
    return {str(k): ({"field": v["field"], "unit": str(v["unit"])}
                     if isinstance(v, dict) and v.get("unit") is not None else field_column(v))
            for k, v in data.items()}


@dataclass(frozen=True)
class FieldDef:
    """One catalogue entry: a raw input (kind/aggregate set) or an indicator (direction set)."""

    id: str
    zh: str
    en: str
    unit: str = ""
    kind: str = ""
    aggregate: str = ""
    weight_by: str = ""
    direction: str = ""
    formula: dict = field(default_factory=dict)
    aliases: tuple = ()
    plausible: tuple = ()  # (low, high) of a district's median, in `unit` (per 亩 for "{area}"); () = unchecked

    @property
    def inputs(self):
        """Raw ids (and area terms) this field is computed from; a raw input depends on itself."""
        if "share" in self.formula:
            return (self.formula["share"],)
        if self.formula:
            return (self.formula["num"], self.formula["den"])
        return (self.id,)


class Catalogue:
    """Read-only view of catalogue.yaml. `.raw` and `.indicators` map canonical id → FieldDef."""

    def __init__(self, data, source="catalogue"):
        problems = []
        self.raw = {rid: self._raw_entry(rid, entry, problems) for rid, entry in (data.get("raw") or {}).items()}
        self.indicators = {
            iid: self._indicator_entry(iid, entry or {}, problems)
            for iid, entry in (data.get("indicators") or {}).items()
        }
        self._alias_index = self._build_alias_index(problems)
        if problems:
            raise LandEvalError("{source} is inconsistent:\n{problems}", source=source,
                                problems=Problems(problems, prefix="  - "))

    @staticmethod
    def _raw_entry(rid, entry, problems):
        if entry.get("kind") not in KINDS:
            problems.append(Problem("raw.{rid}.kind: {kind!r} is not one of {kinds}", rid=rid,
                                    kind=entry.get('kind'), kinds=KINDS))
        if entry.get("aggregate") not in AGGREGATES:
            problems.append(Problem("raw.{rid}.aggregate: {aggregate!r} is not one of {aggregates}", rid=rid,
                                    aggregate=entry.get('aggregate'), aggregates=AGGREGATES))
        return FieldDef(
            id=rid, zh=entry.get("zh", rid), en=entry.get("en", rid), unit=str(entry.get("unit") or ""),
            kind=entry.get("kind", ""), aggregate=entry.get("aggregate", ""),
            weight_by=entry.get("weight_by", ""), aliases=tuple(entry.get("aliases") or ()),
            plausible=_plausible_range(f"raw.{rid}", entry, problems),
        )

    def _indicator_entry(self, iid, entry, problems):
        if entry.get("direction") not in DIRECTIONS:
            problems.append(Problem("indicators.{iid}.direction: {direction!r} is not one of {directions}",
                                    iid=iid, direction=entry.get('direction'), directions=DIRECTIONS))
        formula = dict(entry.get("formula") or {})
        if not formula:
            base = self.raw.get(iid)
            if base is None:
                problems.append(Problem("indicators.{iid}: no formula and no raw input of that id", iid=iid))
                return FieldDef(id=iid, zh=iid, en=iid, direction=entry.get("direction", ""))
            return FieldDef(id=iid, zh=base.zh, en=base.en, unit=base.unit, direction=entry["direction"],
                            aliases=base.aliases,
                            plausible=_plausible_range(f"indicators.{iid}", entry, problems) or base.plausible)
        for term in formula.values():
            if term not in self.raw and term not in AREA_TERMS:
                problems.append(Problem("indicators.{iid}.formula: unknown input {term!r}", iid=iid, term=term))
        return FieldDef(
            id=iid, zh=entry.get("zh", iid), en=entry.get("en", iid), unit=str(entry.get("unit") or ""),
            direction=entry.get("direction", ""), formula=formula, aliases=tuple(entry.get("aliases") or ()),
            plausible=_plausible_range(f"indicators.{iid}", entry, problems),
        )

    def _build_alias_index(self, problems):
        index = {}
        for entry in list(self.raw.values()) + list(self.indicators.values()):
            for name in (entry.id, entry.zh) + entry.aliases:
                key = header_key(name)
                owner = index.setdefault(key, entry.id)
                if owner != entry.id:
                    problems.append(Problem("alias {name!r} names both {owner!r} and {id!r}", name=name,
                                            owner=owner, id=entry.id))
        return index

    def get(self, fid):
        """The FieldDef of an indicator or raw input id (indicator entry first), or None."""
        return self.indicators.get(fid) or self.raw.get(fid)

    def is_indicator(self, fid):
        return fid in self.indicators

    def label(self, fid, lang="zh"):
        """Chinese (lang="zh") or English label of a raw input or indicator; an unknown id is returned as is."""
        entry = self.get(fid)
        if entry is None:
            return fid
        return entry.zh if lang == "zh" else entry.en

    def unit_of(self, fid, area_unit="mu", lang="zh"):
        """Unit text of a field in `lang`, with "{area}" replaced by the area unit's name; "" when unknown or
        unitless."""
        entry = self.get(fid)
        if entry is None:
            entry = self.get(self._alias_index.get(header_key(fid), ""))
        if entry is None:
            return ""
        # Chinese as the catalogue writes it; any other language in English ("万元/亩" → "10k yuan/mu").
        return unit_text(entry.unit.replace("{area}", unit_label(area_unit, lang)), lang)

    def canonical_id(self, header):
        """Canonical id a table header stands for, or None."""
        return self._alias_index.get(header_key(header))

    def resolve_columns(self, columns, field_map=None):
        """Map canonical ids to the table's column names: `{canonical id: column name}`.

        `field_map` ({canonical id: column} or {canonical id: {field: column, unit: …}}) wins; then columns named
        exactly by an id; then header aliases in column order. A column is used for one id only; the first column
        that matches an id keeps it.
        """
        columns = [str(c) for c in columns]
        resolved = {}
        used = set()
        for fid, value in (field_map or {}).items():
            column = field_column(value)
            if not column:
                continue
            if self.get(fid) is None and fid != "area_m2":
                raise LandEvalError("Field mapping names unknown field id {fid!r}; known ids are in catalogue.yaml.",
                                    fid=fid)
            if column not in columns:
                raise LandEvalError(
                    "Field mapping {fid} → {column!r}: the table has no column {column!r} (columns: {columns}).",
                    fid=fid, column=column, columns=', '.join(columns[:30])
                )
            resolved[fid] = column
            used.add(column)
        known = set(self.raw) | set(self.indicators)
        for exact in (True, False):
            for column in columns:
                if column in used:
                    continue
                fid = column if exact and column in known else (None if exact else self.canonical_id(column))
                if fid and fid not in resolved:
                    resolved[fid] = column
                    used.add(column)
        return resolved


@functools.lru_cache(maxsize=1)
def load_catalogue(path=None):
    """The catalogue shipped in resources/presets/catalogue.yaml (cached)."""
    source = Path(path) if path else CATALOGUE_PATH
    try:
        with open(source, encoding="utf-8") as handle:
            data = yaml.load(handle, Loader=SAFE_LOADER)
    except (OSError, yaml.YAMLError) as err:
        raise LandEvalError("Cannot read the indicator catalogue {source}: {err}", source=source, err=err) from None
    return Catalogue(data or {}, source=str(source))
