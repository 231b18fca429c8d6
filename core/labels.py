"""LandEval's one reader of the label store (resources/labels.yaml), and the field aliases and value maps built
from it.

The store holds every fixed user-facing label in English and Chinese under stable ids grouped by domain
("tier.A", "contract.stage.expiry"): `label(key, lang)` reads one, `labels(group, lang)` a group as
{id: text}, `entries(group)` a group in both languages. Indicator and raw-input labels come from the catalogue;
rule labels (vetoes, types, categories) from the configuration when one is given, else from the shipped
presets. No QGIS here: the engine, the report and the dock read the store through this module, and so will
the algorithms and styles once their remaining dictionaries move in (issue 19).
"""
import functools
from pathlib import Path

import yaml

from . import units
from .catalogue import load_catalogue
from .errors import LandEvalError

LANGUAGES = ("zh", "en")
STORE_PATH = Path(__file__).resolve().parents[1] / "resources" / "labels.yaml"


class _UniqueKeyLoader(yaml.SafeLoader):
    """A safe loader that refuses a repeated key: plain YAML keeps the last one silently, and a label id
    written twice would hide the first text."""


def _construct_unique_mapping(loader, node, deep=False):
    seen = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            line = key_node.start_mark.line + 1
            raise LandEvalError("{store}: the id {key!r} is written twice (line {line}); keep one entry per id.",
                                store=STORE_PATH.name, key=key, line=line)
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_unique_mapping)


def _is_entry(node):
    """An entry is a mapping of strings only ({en: …, zh: …}); any other mapping is a group."""
    return isinstance(node, dict) and bool(node) and all(isinstance(v, str) for v in node.values())


def _flatten(node, prefix, out):
    """{"group.sub.id": {lang: text}} from the nested store, in the file's order."""
    for name, child in node.items():
        key = f"{prefix}{name}"
        if not isinstance(name, str):
            # YAML reads yes/no/on/off/1 as booleans and numbers: such an id must be quoted.
            raise LandEvalError("{store}: the id {key!r} is not text; write it in quotes.", store=STORE_PATH.name,
                                key=key)
        if _is_entry(child):
            missing = [lang for lang in LANGUAGES if not child.get(lang)]
            extra = sorted(set(child) - set(LANGUAGES))
            if missing or extra:
                raise LandEvalError("{store}: label {key!r} needs exactly {languages} (missing: {missing}; "
                                    "unknown: {extra}).", store=STORE_PATH.name, key=key,
                                    languages=' and '.join(LANGUAGES), missing=', '.join(missing) or 'none',
                                    extra=', '.join(extra) or 'none')
            out[key] = dict(child)
        elif isinstance(child, dict):
            _flatten(child, f"{key}.", out)
        else:
            raise LandEvalError("{store}: {key!r} is neither a group nor an {{en, zh}} entry.",
                                store=STORE_PATH.name, key=key)
    return out


def load_store(path=None):
    """{key: {"en": text, "zh": text}} read from `path` (default: the shipped store), checked: every entry has
    both languages, no id is repeated."""
    path = Path(path or STORE_PATH)
    with open(path, encoding="utf-8") as handle:
        data = yaml.load(handle, Loader=_UniqueKeyLoader) or {}
    return _flatten(data, "", {})


@functools.lru_cache(maxsize=1)
def _store():
    """The shipped store, read once per process."""
    return load_store()


def _check_lang(lang):
    if lang not in LANGUAGES:
        raise LandEvalError("Unknown label language {lang!r}: use one of {languages}.", lang=lang,
                            languages=', '.join(LANGUAGES))
    return lang


def label(key, lang="zh"):
    """The text of one label: label("tier.A", "zh") == "A类（激励发展）"."""
    entry = _store().get(key)
    if entry is None:
        raise LandEvalError("No label {key!r} in {store}: add it there with an en and a zh text.", key=key,
                            store=STORE_PATH.name)
    return entry[_check_lang(lang)]


def entries(group):
    """{id: {"zh": text, "en": text}} of a group ("monitoring.change"), in the store's order (a new dict)."""
    prefix = f"{group}."
    found = {key[len(prefix):]: {lang: text[lang] for lang in LANGUAGES}
             for key, text in _store().items() if key.startswith(prefix) and "." not in key[len(prefix):]}
    if not found:
        raise LandEvalError("No label group {group!r} in {store}: add its entries there.", group=group,
                            store=STORE_PATH.name)
    return found


def labels(group, lang="zh"):
    """{id: text} of a group in one language: labels("tier", "en")["A"] == "A (incentives)"."""
    _check_lang(lang)
    return {rid: text[lang] for rid, text in entries(group).items()}


def pairs(group):
    """{id: (zh, en)} of a group: the shape the value maps and aliases below are built from."""
    return {rid: (text["zh"], text["en"]) for rid, text in entries(group).items()}


OUTPUT_FIELDS = pairs("field")
_YES_NO = {1: (label("yes_no.yes", "zh"), label("yes_no.yes", "en")),
           0: (label("yes_no.no", "zh"), label("yes_no.no", "en"))}
VALUE_LABELS = {
    "tier": pairs("tier"),
    "level": pairs("level"),
    "robust_class": pairs("robust_class"),
    "robust_reason": pairs("robust_reason"),
    "inefficient": _YES_NO,
    "review": _YES_NO,
    "veto_failed": _YES_NO,
    "needs_verification": _YES_NO,
}
VALUE_LABELS["tier_modal"] = VALUE_LABELS["tier"]
_RULE_FIELDS = {"ineff_type": "types", "category": "categories", "veto": "vetoes"}


@functools.lru_cache(maxsize=1)
def _preset_rule_labels():
    """{"types"|"categories"|"vetoes": {id: (zh, en)}} gathered from the shipped presets (first one wins)."""
    from .config import list_presets, load_config

    found = {key: {} for key in _RULE_FIELDS.values()}
    for name in list_presets():
        cfg = load_config(name)
        for key in found:
            for rule in getattr(cfg, key):
                found[key].setdefault(rule.id, (cfg.label_of(rule, "zh"), cfg.label_of(rule, "en")))
    return found


def _pick(pair, lang):
    """The zh or en text of a (zh, en) pair; any language but zh reads English, as it always has."""
    return pair[0] if lang == "zh" else pair[1]


def _template(key, lang, **values):
    """A template label filled in; any language but zh reads English, like _pick."""
    return label(key, "zh" if lang == "zh" else "en").format(**values)


def value_labels(field, lang="zh", cfg=None):
    """{stored value: label} for a coded field (tier, level, category, ineff_type, inefficient, review,
    veto_failed) or "veto" (veto ids); {} for other fields. Insertion order is the display order."""
    if field in VALUE_LABELS:
        return {code: _pick(pair, lang) for code, pair in VALUE_LABELS[field].items()}
    key = _RULE_FIELDS.get(field)
    if key is None:
        return {}
    found = {rid: _pick(pair, lang) for rid, pair in _preset_rule_labels()[key].items()}
    if cfg is not None:
        found = {rule.id: cfg.label_of(rule, lang) for rule in getattr(cfg, key)} or found
    if field == "ineff_type":
        found[""] = _template("common.none", lang)
    return found


def translate_ids(joined, field, lang="zh", cfg=None, sep=";"):
    """Labels of ';'-joined ids (veto_reasons, ineff_flags, weakest) joined with "；" (zh) or "; " (en)."""
    if field == "weakest":
        catalogue = load_catalogue()
        ids = [rid for rid in str(joined or "").split(sep) if rid]
        names = [catalogue.label(rid, lang) for rid in ids]
    else:
        table = value_labels("veto" if field in ("veto_reasons", "veto_unknown") else "ineff_type", lang, cfg)
        names = [table.get(rid, rid) for rid in str(joined or "").split(sep) if rid]
    return ("；" if lang == "zh" else "; ").join(names)


def field_alias(name, lang="zh", area_unit="mu", cfg=None):
    """Display alias of a LandEval field: output fields, area_<unit>, s_<element>, indicators with their unit,
    raw inputs. Returns None for a field LandEval does not know."""
    if name in OUTPUT_FIELDS:
        return _pick(OUTPUT_FIELDS[name], lang)
    if name.startswith("area_") and name[5:] in units.AREA_UNITS:
        return _template("field_template.area", lang, unit=units.unit_label(name[5:], lang))
    if name.startswith("s_"):
        element = _element_label(name[2:], lang, cfg)
        if element:
            return _template("field_template.element_score", lang, element=element)
    catalogue = load_catalogue()
    entry = catalogue.get(name)
    if entry is None:
        return None
    text = catalogue.label(name, lang)
    unit = catalogue.unit_of(name, area_unit, lang)
    if unit and unit not in ("fraction", "yes/no") and name in catalogue.indicators:
        return _template("field_template.with_unit", lang, label=text, unit=unit)
    return text


@functools.lru_cache(maxsize=1)
def _preset_element_labels():
    from .config import list_presets, load_config

    found = {}
    for name in list_presets():
        cfg = load_config(name)
        for element in cfg.elements:
            found.setdefault(element.id, (cfg.label_of(element, "zh"), cfg.label_of(element, "en")))
    return found


def _element_label(element_id, lang, cfg):
    if cfg is not None:
        for element in cfg.elements:
            if element.id == element_id:
                return cfg.label_of(element, lang)
    pair = _preset_element_labels().get(element_id)
    return _pick(pair, lang) if pair else None
