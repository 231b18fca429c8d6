"""Weight sets and rule sets: one YAML format (docs/design.md "Config files"), loaded safely and validated whole.

A file is read with PyYAML's safe loader only, so it can never build Python objects. Validation walks the whole
file and collects every problem with its path (`elements[2].indicators[0].weight: …`) before raising one
ConfigError, so a planner fixes a file in one pass. Keys a file leaves out take the documented defaults of
DEFAULTS (nothing hidden); rule keys without a value stay None and the step that needs them says so.
"""
import copy
import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .catalogue import DIRECTIONS, PRESETS_DIR, SAFE_LOADER, load_catalogue
from .conditions import is_number, validate_benchmark, validate_condition
from .errors import ConfigError, LandEvalError, Problem
from .normalize import METHODS as NORMALIZATIONS
from .units import AREA_UNITS
from .weighting import WEIGHT_TOLERANCE, level_uses_marks, mark_count, marks_weights, sums_to_one

AGGREGATIONS = ("arithmetic", "geometric")
MISSING_POLICIES = ("reweight", "mean", "zero")
TIER_METHODS = ("quantile", "threshold", "jenks")
TIER_LABELS = ("A", "B", "C", "D")
# How a parcel is identified inefficient (docs/methods.md): `score` — a failed veto or a score below the
# threshold (Jiangning); `screening` — a failed veto or a flag of the ordered inefficiency screens (county
# paper §3.3), the score then informs but never decides.
IDENTIFICATIONS = ("score", "screening")
# What a veto whose value is missing (no column, or empty for a parcel) means: `verify` — the parcel is not
# failed but marked needs_verification and listed; `pass` — treated as passed; `fail` — treated as failed.
VETO_UNKNOWN_POLICIES = ("verify", "pass", "fail")

# Documented defaults for method keys a file leaves out (design.md: minmax, arithmetic, reweight, 亩).
DEFAULTS = {"normalization": "minmax", "aggregation": "arithmetic", "missing": "reweight", "area_unit": "mu"}
WEIGHT_KEYS = ("normalization", "benchmark", "cap", "aggregation", "missing", "area_unit", "group_by", "elements")
RULE_KEYS = ("threshold", "review_band", "identification", "veto_unknown", "vetoes", "types", "categories",
             "tiers")
_INFO_KEYS = ("name", "label", "source", "description", "notes", "meta")
_TOP_KEYS = set(_INFO_KEYS + WEIGHT_KEYS + RULE_KEYS)
_ELEMENT_KEYS = {"id", "label", "weight", "marks", "indicators", "note", "meta"}
_INDICATOR_KEYS = {
    "id", "label", "weight", "marks", "direction", "field", "normalization", "benchmark", "cap", "scores",
    "group_by", "custom", "note", "meta",
}
_RULE_ITEM_KEYS = {"id", "label", "when", "note"}
_TIER_KEYS = {"method", "breaks", "veto_cap", "cap_when", "unrated_when", "never_d_when", "note"}
# Ids of a weight set (elements, rules; the custom indicators weight_sets writes): element ids become output
# fields s_<id>, so they must be plain ASCII identifiers short enough for any format's field names.
ID_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,30}$")


def _indicator_defaults(data):
    """Top-level normalization, benchmark and cap: what an indicator without its own keys uses."""
    return {"normalization": data.get("normalization", DEFAULTS["normalization"]),
            "benchmark": data.get("benchmark"), "cap": data.get("cap", 1.0)}


@dataclass
class IndicatorSpec:
    """One scored indicator. `weight` is its weight inside its element (marks already turned into weights)."""

    id: str
    weight: float
    direction: str
    field: str
    normalization: str = None
    benchmark: object = None
    cap: float = 1.0
    scores: dict = None
    group_by: str = None
    label: dict = None


@dataclass
class ElementSpec:
    id: str
    weight: float
    indicators: list
    label: dict = None


@dataclass
class RuleSpec:
    """A veto, an inefficiency type or a category: an id, a label and a condition (None = always)."""

    id: str
    when: dict
    label: dict = None


@dataclass
class TierSpec:
    method: str
    breaks: list
    veto_cap: str = None
    cap_when: dict = None      # parcels matching it are capped like a failed veto (e.g. a red-line exit)
    unrated_when: dict = None
    never_d_when: dict = None


@dataclass
class EvalConfig:
    """A validated weight set and/or rule set. Build it with load_config() or EvalConfig.from_dict()."""

    name: str
    data: dict = field(repr=False)
    source: str = ""
    normalization: str = "minmax"
    aggregation: str = "arithmetic"
    missing: str = "reweight"
    area_unit: str = "mu"
    group_by: str = None
    threshold: float = None
    review_band: float = 0.0
    identification: str = "score"
    veto_unknown: str = "verify"
    elements: list = field(default_factory=list)
    vetoes: list = field(default_factory=list)
    types: list = field(default_factory=list)
    categories: list = field(default_factory=list)
    tiers: TierSpec = None

    @classmethod
    def from_dict(cls, data, source="<configuration>"):
        """Validate `data` (a parsed YAML mapping) and build the config; raises ConfigError with every problem."""
        problems = []
        if not isinstance(data, dict):
            raise ConfigError(source, [
                Problem("(top level): the file must be a mapping of keys (name:, elements:, …)")])
        _validate(data, problems)
        if problems:
            raise ConfigError(source, problems)
        return _build(cls, copy.deepcopy(data), source)

    @property
    def has_weights(self):
        return bool(self.elements)

    @property
    def has_rules(self):
        return any(k in self.data for k in RULE_KEYS)

    def indicators(self):
        """Every IndicatorSpec, element by element, as (ElementSpec, IndicatorSpec) pairs."""
        return [(element, ind) for element in self.elements for ind in element.indicators]

    def combined_weights(self):
        """{indicator id: element weight × indicator weight}; they sum to 1 for a valid weight set."""
        return {ind.id: element.weight * ind.weight for element, ind in self.indicators()}

    def label_of(self, item, lang="zh"):
        """Label of an element/indicator/rule spec in `lang`, falling back to the catalogue and the id."""
        label = item.label
        if isinstance(label, dict) and label.get(lang):
            return label[lang]
        if isinstance(label, str) and label:
            return label
        return load_catalogue().label(item.id, lang)

    def to_dict(self):
        """The configuration as a plain mapping (what save_config writes); a deep copy, safe to edit."""
        return copy.deepcopy(self.data)

    def digest(self):
        """sha256 of the canonical content (sorted keys, no comments): the same rules give the same digest."""
        text = json.dumps(self.data, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()


def check_label(value, path, problems):
    """Append a problem to `problems` unless `value` is absent, text or a {lang: text} mapping (a label).
    `path` names the place in the file ("elements[2].label"). Shared with the rule files (core.decision)."""
    if value is None or isinstance(value, str):
        return
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        problems.append(Problem("{path}: a label is text or {{zh: 中文, en: English}}", path=path))


def check_keys(item, allowed, path, problems):
    """Append a problem to `problems` naming the keys of mapping `item` that are not in `allowed` (a set), and
    listing the allowed ones: a misspelt key would otherwise be ignored without a word. Shared with the rule
    files (core.decision)."""
    unknown = sorted(set(item) - allowed)
    if unknown:
        problems.append(Problem("{path}: unknown key(s) {unknown} (allowed: {allowed})", path=path,
                                unknown=', '.join(map(str, unknown)), allowed=', '.join(sorted(allowed))))


def check_entry(item, allowed, path, seen, problems, what="", is_id=ID_RE.match):
    """The checks every entry of a list of named items shares (elements; vetoes, types and categories; the
    rules of a rule file): only `allowed` keys, and an `id` that is a short identifier (`is_id`) not used
    before in the list. `seen` holds the ids so far and gains this one; `what` names the kind of item in the
    duplicate message ("element ")."""
    check_keys(item, allowed, path, problems)
    rid = item.get("id")
    if not isinstance(rid, str) or not is_id(rid):
        problems.append(Problem("{path}.id: {rid!r} must be a short identifier (letters, digits, _)", path=path,
                                rid=rid))
    elif rid in seen:
        # A whole sentence per kind of item (not a word put in one), so that each translates.
        problems.append(Problem("{path}.id: duplicate element id {rid!r}", path=path, rid=rid) if what == "element "
                        else Problem("{path}.id: duplicate id {rid!r}", path=path, rid=rid))
    else:
        seen.add(rid)


# The kinds of weighted item, named in the weight problems and translated with them.
ELEMENT, INDICATOR = Problem("element"), Problem("indicator")


def _level_weights(items, path, problems, what):
    """Resolved weights of one level (weights or "+" marks), checking sign and that they sum to 1."""
    uses_marks = level_uses_marks(items)
    if not uses_marks and any("marks" in item for item in items):
        problems.append(Problem("{path}: give every {what} a weight or every {what} marks, not a mix", path=path,
                                what=what))
        return None
    key = "marks" if uses_marks else "weight"
    values = []
    for i, item in enumerate(items):
        value = mark_count(item.get(key)) if uses_marks else item.get(key)
        if not is_number(value):
            problems.append(Problem("{path}[{i}].{key}: missing or not a number ({value!r})", path=path, i=i,
                                    key=key, value=value))
            values.append(None)
        else:
            if value < 0:
                problems.append(Problem("{path}[{i}].{key}: negative {key} {value}; weights must be ≥ 0",
                                        path=path, i=i, key=key, value=value))
            values.append(float(value))
    if None in values:
        return None
    if uses_marks:
        if min(values) < 0:
            return None  # reported above; marks_weights would refuse them
        if sum(values) <= 0:
            problems.append(Problem("{path}: the marks sum to 0; give at least one {what} a mark", path=path,
                                    what=what))
            return None
        return [float(w) for w in marks_weights(values)]
    if not sums_to_one(values):
        problems.append(
            Problem("{path}: the {what} weights sum to {count:.6g}, not 1 (tolerance {weight_tolerance:g}); "
                    "correct them so each level sums to 1", path=path, what=what, count=sum(values),
                    weight_tolerance=WEIGHT_TOLERANCE)
        )
    return values


def _validate(data, problems):
    check_keys(data, _TOP_KEYS, "(top level)", problems)
    if "name" in data and not isinstance(data["name"], str):
        problems.append(Problem("name: must be text"))
    check_label(data.get("label"), "label", problems)
    for key, allowed in (("normalization", NORMALIZATIONS), ("aggregation", AGGREGATIONS),
                         ("missing", MISSING_POLICIES), ("area_unit", AREA_UNITS)):
        if key in data and data[key] not in allowed:
            problems.append(Problem("{key}: {value!r} is not one of {allowed}", key=key, value=data[key],
                                    allowed=', '.join(allowed)))
    if "group_by" in data and data["group_by"] is not None and not isinstance(data["group_by"], str):
        problems.append(Problem("group_by: must be a field name"))
    if "threshold" in data and not (is_number(data["threshold"]) and 0 <= data["threshold"] <= 1):
        problems.append(Problem("threshold: {threshold!r} must be a number between 0 and 1",
                                threshold=data['threshold']))
    for key, allowed in (("identification", IDENTIFICATIONS), ("veto_unknown", VETO_UNKNOWN_POLICIES)):
        if key in data and data[key] not in allowed:
            problems.append(Problem("{key}: {value!r} is not one of {allowed}", key=key, value=data[key],
                                    allowed=', '.join(allowed)))
    if "review_band" in data and not (is_number(data["review_band"]) and data["review_band"] >= 0):
        problems.append(Problem("review_band: {review_band!r} must be a number ≥ 0",
                                review_band=data['review_band']))
    if "benchmark" in data:
        validate_benchmark(data["benchmark"], "benchmark", problems)
    if "cap" in data and not (is_number(data["cap"]) and data["cap"] > 0):
        problems.append(Problem("cap: {cap!r} must be a positive number", cap=data['cap']))
    if "elements" in data:
        _validate_elements(data["elements"], _indicator_defaults(data), problems)
    for key in ("vetoes", "types", "categories"):
        if key in data:
            _validate_rules(data[key], key, problems)
    if "tiers" in data and data["tiers"] is not None:
        _validate_tiers(data["tiers"], problems)


def _validate_elements(elements, defaults, problems):
    if not isinstance(elements, list) or not elements:
        problems.append(Problem("elements: must be a non-empty list of elements"))
        return
    seen_elements, seen_indicators = set(), {}
    catalogue = load_catalogue()
    for e, element in enumerate(elements):
        path = f"elements[{e}]"
        if not isinstance(element, dict):
            problems.append(Problem("{path}: must be a mapping with id, weight and indicators", path=path))
            continue
        check_entry(element, _ELEMENT_KEYS, path, seen_elements, problems, what="element ")
        check_label(element.get("label"), f"{path}.label", problems)
        indicators = element.get("indicators")
        if not isinstance(indicators, list) or not indicators:
            problems.append(Problem("{path}.indicators: must be a non-empty list", path=path))
            continue
        for i, ind in enumerate(indicators):
            ipath = f"{path}.indicators[{i}]"
            if not isinstance(ind, dict):
                problems.append(Problem("{ipath}: must be a mapping such as {{id: plot_ratio, weight: 0.4}}",
                                        ipath=ipath))
                continue
            _validate_indicator(ind, ipath, defaults, catalogue, problems)
            iid = ind.get("id")
            if isinstance(iid, str):
                if iid in seen_indicators:
                    problems.append(Problem("{ipath}.id: duplicate indicator id {iid!r} (also at {first})",
                                            ipath=ipath, iid=iid, first=seen_indicators[iid]))
                else:
                    seen_indicators[iid] = ipath
        if all(isinstance(ind, dict) for ind in indicators):
            _level_weights(indicators, f"{path}.indicators", problems, INDICATOR)
    if all(isinstance(el, dict) for el in elements):
        _level_weights(elements, "elements", problems, ELEMENT)


def _validate_indicator(ind, path, defaults, catalogue, problems):
    check_keys(ind, _INDICATOR_KEYS, path, problems)
    iid = ind.get("id")
    entry = catalogue.indicators.get(iid) if isinstance(iid, str) else None
    if not isinstance(iid, str) or not iid:
        problems.append(Problem("{path}.id: missing indicator id", path=path))
    elif entry is None and not ind.get("custom"):
        problems.append(
            Problem("{path}.id: unknown indicator {iid!r}; use an id of catalogue.yaml or mark a column of your "
                    "own with custom: true, field: and direction:", path=path, iid=iid)
        )
    direction = ind.get("direction", entry.direction if entry else None)
    if direction not in DIRECTIONS:
        problems.append(Problem("{path}.direction: {direction!r} is not one of {directions}", path=path,
                                direction=direction, directions=', '.join(DIRECTIONS)))
    if "field" in ind and not isinstance(ind["field"], str):
        problems.append(Problem("{path}.field: must be a column name", path=path))
    check_label(ind.get("label"), f"{path}.label", problems)
    if direction == "categorical":
        scores = ind.get("scores")
        if not isinstance(scores, dict) or not scores:
            problems.append(Problem("{path}.scores: a categorical indicator needs a value→score map, e.g. {{国有企业: "
                                    "1.0}}", path=path))
        else:
            for value, score in scores.items():
                if not (is_number(score) and 0 <= score <= 1):
                    problems.append(Problem("{path}.scores.{value}: score {score!r} must be a number between 0 "
                                            "and 1", path=path, value=value, score=score))
    elif "scores" in ind:
        problems.append(Problem("{path}.scores: only categorical indicators take a value→score map", path=path))
    norm = ind.get("normalization", defaults["normalization"])
    if "normalization" in ind and norm not in NORMALIZATIONS:
        problems.append(Problem("{path}.normalization: {norm!r} is not one of {normalizations}", path=path,
                                norm=norm, normalizations=', '.join(NORMALIZATIONS)))
    if norm == "benchmark" and direction != "categorical":
        if "benchmark" not in ind and defaults["benchmark"] is None:
            problems.append(Problem("{path}.benchmark: benchmark normalization needs a benchmark (number or "
                                    "{{stat: mean}}) here or at the top level", path=path))
        elif "benchmark" in ind:
            validate_benchmark(ind["benchmark"], f"{path}.benchmark", problems)
    elif "benchmark" in ind and norm != "benchmark":
        problems.append(Problem("{path}.benchmark: given, but normalization is {norm!r}, not benchmark", path=path,
                                norm=norm))
    if "cap" in ind and not (is_number(ind["cap"]) and ind["cap"] > 0):
        problems.append(Problem("{path}.cap: {cap!r} must be a positive number", path=path, cap=ind['cap']))
    if "group_by" in ind and ind["group_by"] is not None and not isinstance(ind["group_by"], str):
        problems.append(Problem("{path}.group_by: must be a field name", path=path))


def _validate_rules(items, key, problems):
    if not isinstance(items, list):
        problems.append(Problem("{key}: must be a list", key=key))
        return
    seen = set()
    for i, item in enumerate(items):
        path = f"{key}[{i}]"
        if not isinstance(item, dict):
            problems.append(Problem("{path}: must be a mapping with id, label and when", path=path))
            continue
        check_entry(item, _RULE_ITEM_KEYS, path, seen, problems)
        check_label(item.get("label"), f"{path}.label", problems)
        last = i == len(items) - 1
        if key == "categories" and last:
            if item.get("when") is not None:
                problems.append(Problem("{path}.when: the last category takes every remaining parcel, so it has "
                                        "no condition", path=path))
        elif "when" not in item or item["when"] is None:
            problems.append(Problem("{path}.when: missing condition", path=path))
        else:
            validate_condition(item["when"], f"{path}.when", problems)


def _validate_tiers(tiers, problems):
    if not isinstance(tiers, dict):
        problems.append(Problem("tiers: must be a mapping with method and breaks"))
        return
    check_keys(tiers, _TIER_KEYS, "tiers", problems)
    method = tiers.get("method")
    breaks = tiers.get("breaks")
    if method not in TIER_METHODS:
        problems.append(Problem("tiers.method: {method!r} is not one of {tier_methods}", method=method,
                                tier_methods=', '.join(TIER_METHODS)))
    elif method == "jenks":
        if breaks is not None and not (isinstance(breaks, int) and not isinstance(breaks, bool) and 2 <= breaks <= 4):
            problems.append(Problem("tiers.breaks: for jenks, the number of classes (2–4) or nothing (4)"))
    else:
        problems.extend(check_tier_breaks(method, breaks))
    if tiers.get("veto_cap") is not None and tiers["veto_cap"] not in TIER_LABELS:
        problems.append(Problem("tiers.veto_cap: {veto_cap!r} is not one of {tier_labels}",
                                veto_cap=tiers['veto_cap'], tier_labels=', '.join(TIER_LABELS)))
    if tiers.get("cap_when") is not None and tiers.get("veto_cap") is None:
        problems.append(Problem("tiers.cap_when: caps at veto_cap, so give tiers.veto_cap too"))
    for key in ("cap_when", "unrated_when", "never_d_when"):
        if tiers.get(key) is not None:
            validate_condition(tiers[key], f"tiers.{key}", problems)


def check_tier_breaks(method, breaks, path="tiers.breaks"):
    """Problems with quantile shares (% per tier, summing to 100) or score thresholds (descending, in 0–1)."""
    if not isinstance(breaks, list) or not all(is_number(b) for b in breaks):
        return [Problem("{path}: must be a list of numbers", path=path)]
    if method == "quantile":
        if not 2 <= len(breaks) <= len(TIER_LABELS):
            return [Problem("{path}: give 2–4 percentage shares for tiers A, B, C, D (e.g. [20, 55, 20, 5])",
                            path=path)]
        out = [Problem("{path}[{i}]: share {b} must be ≥ 0", path=path, i=i, b=b)
               for i, b in enumerate(breaks) if b < 0]
        if abs(sum(breaks) - 100.0) > 1e-6:
            out.append(Problem("{path}: the quantile shares sum to {count:g}, not 100", path=path,
                               count=sum(breaks)))
        return out
    if not 1 <= len(breaks) <= len(TIER_LABELS) - 1:
        return [Problem("{path}: give 1–3 score cuts between tiers, highest first (e.g. [0.8, 0.6, 0.4])", path=path)]
    out = [Problem("{path}[{i}]: cut {b} must be between 0 and 1", path=path, i=i, b=b)
           for i, b in enumerate(breaks) if not 0 <= b <= 1]
    if any(a <= b for a, b in zip(breaks, breaks[1:])):
        out.append(Problem("{path}: thresholds must be strictly descending (A cut first), got {breaks}", path=path,
                           breaks=breaks))
    return out


def _build(cls, data, source):
    catalogue = load_catalogue()
    defaults = _indicator_defaults(data)
    default_norm = defaults["normalization"]
    elements = []
    raw_elements = data.get("elements") or []
    element_weights = _level_weights(raw_elements, "elements", [], ELEMENT) if raw_elements else []
    for element, eweight in zip(raw_elements, element_weights):
        inds = element["indicators"]
        weights = _level_weights(inds, "indicators", [], INDICATOR)
        specs = []
        for ind, weight in zip(inds, weights):
            entry = catalogue.indicators.get(ind["id"])
            direction = ind.get("direction", entry.direction if entry else None)
            norm = ind.get("normalization", default_norm)
            specs.append(IndicatorSpec(
                id=ind["id"], weight=weight, direction=direction, field=ind.get("field", ind["id"]),
                normalization=norm,
                benchmark=ind.get("benchmark", defaults["benchmark"] if norm == "benchmark" else None),
                cap=float(ind.get("cap", defaults["cap"])), scores=ind.get("scores"), group_by=ind.get("group_by"),
                label=ind.get("label"),
            ))
        elements.append(ElementSpec(id=element["id"], weight=eweight, indicators=specs, label=element.get("label")))

    def rules(key):
        return [RuleSpec(id=r["id"], when=r.get("when"), label=r.get("label")) for r in data.get(key) or []]

    tiers = None
    if data.get("tiers"):
        t = data["tiers"]
        tiers = TierSpec(method=t["method"], breaks=t.get("breaks"), veto_cap=t.get("veto_cap"),
                         cap_when=t.get("cap_when"), unrated_when=t.get("unrated_when"),
                         never_d_when=t.get("never_d_when"))
    return cls(
        name=data.get("name") or Path(str(source)).stem, data=data, source=str(source),
        normalization=default_norm,
        aggregation=data.get("aggregation", DEFAULTS["aggregation"]),
        missing=data.get("missing", DEFAULTS["missing"]),
        area_unit=data.get("area_unit", DEFAULTS["area_unit"]),
        group_by=data.get("group_by"),
        threshold=float(data["threshold"]) if data.get("threshold") is not None else None,
        review_band=float(data.get("review_band") or 0.0),
        identification=data.get("identification", "score"),
        veto_unknown=data.get("veto_unknown", "verify"),
        elements=elements, vetoes=rules("vetoes"), types=rules("types"), categories=rules("categories"),
        tiers=tiers,
    )


def list_presets():
    """Names of the presets shipped in resources/presets (the catalogue is not a preset)."""
    return sorted(p.stem for p in PRESETS_DIR.glob("*.yaml") if p.stem != "catalogue")


def preset_path(name):
    """Path of preset `name`; LandEvalError listing the presets when there is none of that name."""
    path = PRESETS_DIR / f"{name}.yaml"
    if name == "catalogue" or not path.is_file():
        raise LandEvalError("No preset named {name!r}. Presets: {presets}.", name=name,
                            presets=', '.join(list_presets()))
    return path


def parse_yaml(text, source):
    """Parse YAML text safely; a Python-object tag or a syntax error is a ConfigError with line and column."""
    try:
        return yaml.load(text, Loader=SAFE_LOADER)
    except yaml.constructor.ConstructorError as err:
        mark = err.problem_mark
        where = Problem("line {line}, column {column}", line=mark.line + 1, column=mark.column + 1) if mark else \
            Problem("somewhere")
        raise ConfigError(source, [
            Problem("{where}: refused tag ({problem}). LandEval reads plain YAML only; remove tags such as "
                    "!!python/object — a weight set never needs them", where=where, problem=err.problem)
        ]) from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = Problem("line {line}, column {column}", line=mark.line + 1, column=mark.column + 1) if mark else \
            Problem("(unknown position)")
        problem = getattr(err, "problem", None) or str(err)
        raise ConfigError(source, [Problem("{where}: not valid YAML: {problem}", where=where,
                                           problem=problem)]) from None


def load_config(path_or_name):
    """Load and validate a weight set / rule set / preset: a file path, or the name of a shipped preset."""
    path = Path(str(path_or_name))
    if not path.is_file():
        if path.suffix or "/" in str(path_or_name) or "\\" in str(path_or_name):
            raise LandEvalError("Configuration file {path} does not exist. Presets: {presets}.", path=path,
                                presets=', '.join(list_presets()))
        path = preset_path(str(path_or_name))
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise LandEvalError("Cannot read configuration {path}: {err}. Save it as UTF-8 text.", path=path,
                            err=err) from None
    data = parse_yaml(text, str(path))
    if data is None:
        raise ConfigError(str(path), [Problem("(top level): the file is empty")])
    return EvalConfig.from_dict(data, source=str(path))


def merge_configs(weight_set, rule_set):
    """One config from a weight set (WEIGHT_KEYS) and a rule set (its RULE_KEYS win); both are validated."""
    data = {k: v for k, v in weight_set.to_dict().items() if k not in RULE_KEYS or k not in rule_set.data}
    data.update({k: v for k, v in rule_set.to_dict().items() if k in RULE_KEYS})
    data["name"] = f"{weight_set.name} + {rule_set.name}"
    return EvalConfig.from_dict(data, source=f"{weight_set.source} + {rule_set.source}")


def save_config(cfg, path):
    """Write a config (EvalConfig or mapping, validated first) as UTF-8 YAML readable by load_config.

    OSError when the file cannot be written; the previous file, if any, is then left as it was.
    """
    config = cfg if isinstance(cfg, EvalConfig) else EvalConfig.from_dict(cfg, source=str(path))
    text = yaml.safe_dump(config.to_dict(), allow_unicode=True, sort_keys=False, width=120)
    path = Path(path)
    # Written beside the target and renamed over it: a full disk or a read-only folder leaves the previous
    # file whole and no half-written YAML behind.
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        try:
            tmp.unlink()
        except OSError:
            pass
        raise
    return path
