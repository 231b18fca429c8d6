"""Redevelopment path per inefficient parcel and clearance zone outside the development boundary, from the
rule files resources/rules/paths.yaml and clearance.yaml (SPEC §3.10; Jiangning §4.2.2, county paper §4.1).

Rules are evaluated column-wise (core.conditions): each rule, in order, takes the still-unassigned parcels
where its condition holds. Besides the layer's own fields a rule may use these derived fields:
- `area_mu`: the parcel area in 亩 (from `area_m2`);
- `industry_class`: the class whose code prefix (industry_classes in paths.yaml) matches `industry_code`
  longest, e.g. heavy / light; empty when no prefix matches;
- `market_exit` (1/0): the firm has left the market — its status field (market_exit in paths.yaml, e.g.
  registration_status) holds one of the listed values (注销, 吊销, 停业 …); empty where the status is missing;
- `flag_<type>` (1/0): `<type>` is among the parcel's `ineff_flags`;
- `veto_<id>` (1/0): veto `<id>` is among the parcel's `veto_reasons`.
A field the layer lacks is taken as missing for every parcel (a condition on it never holds) and reported.
"""
from dataclasses import dataclass
import re
import string

import numpy as np
import pandas as pd

from .. import labels
from ..conditions import evaluate, fields_of
from ..errors import LandEvalError, Problem
from ..tables import to_text
from ..units import M2_PER_UNIT
from .rules import label, template_fields

MISSING_TEXT = "—"
# Output fields of checkvetoes; every other veto_<id> is derived from veto_reasons.
_VETO_FIELDS = ("veto_failed", "veto_reasons")
FIELD_LABELS = labels.entries("paths.field")


@dataclass
class PathResult:
    table: pd.DataFrame  # path, path_reason, path_rule, clearance_zone (ids; labels from the rule files)
    warnings: list


def suggest_paths(df, path_rules, clearance_rules, lang="zh"):
    """Path, reason and clearance zone for every row of `df` (an evaluated parcel table).

    path_rules / clearance_rules: mappings from core.decision.rules.load_path_rules / load_clearance_rules.
    `path` and `clearance_zone` hold rule-file ids (empty where no rule applies); `path_reason` is the
    matching rule's reason in `lang` with its {field} placeholders filled in; `path_rule` the rule's id.
    """
    warnings = []
    work = with_derived_fields(df, _names_used(path_rules, clearance_rules), path_rules.get("industry_classes"),
                               warnings, path_rules.get("market_exit"))

    n = len(work)
    path = np.full(n, None, dtype=object)
    rule_id = np.full(n, None, dtype=object)
    reason = np.full(n, None, dtype=object)
    open_ = evaluate(path_rules.get("applies_to"), work, "applies_to")
    for i, rule in enumerate(path_rules["rules"]):
        hit = open_ & evaluate(rule.get("when"), work, f"rules[{i}].when")
        if not hit.any():
            continue
        path[hit] = rule["path"]
        rule_id[hit] = rule["id"]
        reason[hit] = fill_template(_in_lang(rule["reason"], lang), work.loc[hit])
        open_ &= ~hit

    zone = np.full(n, None, dtype=object)
    open_ = evaluate(clearance_rules["applies_to"], work, "clearance.applies_to")
    for i, item in enumerate(clearance_rules["zones"]):
        hit = open_ & evaluate(item.get("when"), work, f"clearance.zones[{i}].when")
        zone[hit] = item["id"]
        open_ &= ~hit
    table = pd.DataFrame({"path": path, "path_reason": reason, "path_rule": rule_id, "clearance_zone": zone},
                         index=df.index)
    return PathResult(table, warnings)


def _names_used(path_rules, clearance_rules):
    """Every field name the rules' conditions and reason templates mention (derived ones included)."""
    conditions = [path_rules.get("applies_to"), clearance_rules["applies_to"]]
    conditions += [r.get("when") for r in path_rules["rules"]] + [z.get("when") for z in clearance_rules["zones"]]
    placeholders = {name for r in path_rules["rules"] for name in template_fields(r["reason"])}
    return {name for cond in conditions for name in fields_of(cond)} | placeholders


def fields_to_read(path_rules, clearance_rules):
    """The layer fields suggest_paths may need: those the rules name plus the sources of derived fields."""
    names = _names_used(path_rules, clearance_rules)
    sources = {"area_mu": "area_m2", "industry_class": (path_rules.get("industry_classes") or {}).get(
        "field", "industry_code"), "market_exit": (path_rules.get("market_exit") or {}).get(
        "field", "registration_status")}
    out = set()
    for name in names:
        if name in sources:
            out.add(sources[name])
        elif name.startswith("flag_"):
            out.add("ineff_flags")
        elif name.startswith("veto_") and name not in _VETO_FIELDS:
            out.add("veto_reasons")
        out.add(name)
    return out


def value_labels(path_rules, clearance_rules, lang="zh"):
    """{field: {id: label}} for `path` and `clearance_zone` (value maps and report legends)."""
    return {
        "path": {p["id"]: label(p, lang) for p in path_rules["paths"]},
        "clearance_zone": {z["id"]: label(z, lang) for z in clearance_rules["zones"]},
    }


def _in_lang(text, lang):
    return text if isinstance(text, str) else (text.get(lang) or text.get("zh") or next(iter(text.values())))


def with_derived_fields(df, names, industry_classes, warnings, market_exit_spec=None):
    """A copy of `df` with every field of `names` it lacks: derived where the module docstring says how,
    else all-missing (and a warning naming it)."""
    work = df.copy()
    absent = []
    for name in sorted(set(names) - set(df.columns)):
        if name == "area_mu" and "area_m2" in df.columns:
            # Rounded to 10⁻⁶ 亩 (under 0.001 m²) so that a site of exactly 100 亩 stored in m² is not 99.999… 亩
            # and miss a "100 亩以上" rule by floating-point noise.
            work[name] = (pd.to_numeric(df["area_m2"], errors="coerce") / M2_PER_UNIT["mu"]).round(6)
        elif name == "industry_class" and industry_classes:
            work[name] = industry_class(df, industry_classes)
        elif name == "market_exit" and market_exit_spec and market_exit_spec.get(
                "field", "registration_status") in df.columns:
            work[name] = market_exit(df, market_exit_spec)
        elif name.startswith("flag_") and "ineff_flags" in df.columns:
            work[name] = list_member(df["ineff_flags"], name[len("flag_"):])
        elif name.startswith("veto_") and name not in _VETO_FIELDS and "veto_reasons" in df.columns:
            work[name] = list_member(df["veto_reasons"], name[len("veto_"):])
        else:
            work[name] = np.nan
            absent.append(name)
    if absent:
        warnings.append(Problem("The layer has no field {fields}: rules that use it never apply. Add the field "
                                "(e.g. run computeindicators with the red line and development boundary) or edit the "
                                "rule file.", fields=", ".join(absent)))
    return work


def list_member(series, item):
    """1.0 where `item` is one of the `;`-joined ids of a cell, 0.0 where not, NaN where the cell is null."""
    text = series.astype(object)
    missing = text.isna().to_numpy()
    pattern = r"(?:^|;)\s*" + re.escape(item) + r"\s*(?:;|$)"
    hit = text.fillna("").astype(str).str.contains(pattern, regex=True).to_numpy(dtype=float)
    return np.where(missing, np.nan, hit)


def market_exit(df, spec):
    """1.0 where the status field holds one of spec["values"] (the firm has left the market), 0.0 where it holds
    another status, NaN where it is empty. A cell may hold several ;-joined statuses (tenants): any one counts."""
    text = pd.Series(to_text(df[spec.get("field", "registration_status")]).fillna("").str.strip().to_numpy(),
                     dtype=object)  # positional index: explode/groupby below must not meet duplicate labels
    statuses = text.str.split(r"\s*[;；,，]\s*", regex=True).explode()
    hit = statuses.isin(set(spec["values"])).groupby(level=0).any().reindex(range(len(text)), fill_value=False)
    return np.where((text == "").to_numpy(), np.nan, hit.to_numpy(dtype=float))


def industry_class(df, spec):
    """Class of each parcel's industry code by longest matching prefix (GB/T 4754 division codes such as
    '26' match '2614' and 'C2614'); None where the code is missing or matches no prefix."""
    column = spec.get("field", "industry_code")
    if column not in df.columns:
        return pd.Series(None, index=df.index, dtype=object)
    codes = to_text(df[column])
    # A section letter (C2614) and a spreadsheet's ".0" (2614.0) are not part of the division code.
    codes = codes.str.replace(r"^[A-Za-z]", "", regex=True).str.replace(r"\.0+$", "", regex=True)
    out = np.full(len(df), None, dtype=object)
    prefixes = sorted(((p, c) for c, ps in spec["classes"].items() for p in ps), key=lambda pc: -len(pc[0]))
    for prefix, cls in prefixes:
        hit = (out == None) & codes.str.startswith(prefix).fillna(False).to_numpy(dtype=bool)  # noqa: E711
        out[hit] = cls
    return pd.Series(out, index=df.index, dtype=object)


def fill_template(template, rows):
    """The template with {field} / {field:spec} filled from each row of `rows` (one string per row).

    Works column by column: each placeholder's values are formatted once and the pieces joined, so the
    cost grows with placeholders × rows in pandas, not with a Python loop per parcel."""
    pieces = pd.Series("", index=rows.index, dtype=object)
    for literal, name, spec, conv in string.Formatter().parse(template):
        pieces = pieces + literal
        if name:
            if conv:
                raise LandEvalError("Reason template {template!r}: conversions like !r are not supported.",
                                    template=template)
            pieces = pieces + _formatted(rows[name], spec, name, template)
    return pieces.to_numpy(dtype=object)


def _formatted(values, spec, name, template):
    numeric = pd.to_numeric(values, errors="coerce")
    use_numbers = spec and numeric.notna().any()
    source = numeric if use_numbers else values.astype(object)
    try:
        text = source.map(lambda v: format(v, spec), na_action="ignore")
    except (ValueError, TypeError) as err:
        raise LandEvalError("Reason template {template!r}: cannot format field {name!r} with {{:{spec}}} ({err}).",
                            template=template, name=name, spec=spec, err=err) from None
    return text.where(source.notna(), MISSING_TEXT).astype(str)
