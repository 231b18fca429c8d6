"""The decision rule files a planner edits (resources/rules/*.yaml): redevelopment paths, clearance zones and
the quadrants of the two evaluations. Same conventions as weight sets (core.config): `yaml.safe_load` only,
the whole file validated at once, every problem reported with its path (`rules[3].when.all[0].op: …`).

A rule file is named by a path or by the name of a shipped file (`paths`, `clearance`, `quadrants`).
"""
import string
from pathlib import Path

from ..conditions import is_number, validate_condition
from ..config import check_entry, check_keys, check_label, parse_yaml
from ..errors import ConfigError, LandEvalError, Problem

RULES_DIR = Path(__file__).resolve().parents[2] / "resources" / "rules"
LEVELS = ("high", "low")
LIST_CLASSES = ("A", "B", "C", "D")
_INFO = {"name", "label", "source", "description", "notes"}
_SPLIT_STATS = ("mean", "median")


def rules_path(name_or_path, kind):
    """The file to read: an existing path as given, else the shipped resources/rules/<name>.yaml."""
    path = Path(str(name_or_path or kind))
    if path.is_file():
        return path
    shipped = RULES_DIR / f"{path.name}.yaml"
    if not path.suffix and shipped.is_file():
        return shipped
    have = ", ".join(sorted(p.stem for p in RULES_DIR.glob("*.yaml")))
    raise LandEvalError("Rule file {name_or_path!r} ({kind}) does not exist. Shipped rule files: {have}.",
                        name_or_path=name_or_path, kind=kind, have=have)


def _read(name_or_path, kind):
    path = rules_path(name_or_path, kind)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise LandEvalError("Cannot read rule file {path}: {err}. Save it as UTF-8 text.", path=path, err=err) from None
    data = parse_yaml(text, str(path))
    if not isinstance(data, dict):
        raise ConfigError(str(path), [Problem("(top level): the file must be a mapping of keys")])
    return data, str(path)


def _finish(data, source, problems):
    if problems:
        raise ConfigError(source, problems)
    data["source_file"] = source
    return data


def _text_label(item, path, problems, key="label", required=True):
    if key not in item:
        if required:
            problems.append(Problem("{path}.{key}: missing; give {{zh: 中文, en: English}}", path=path, key=key))
        return
    check_label(item[key], f"{path}.{key}", problems)


def template_fields(template):
    """Field names a reason template refers to: '{redline_share:.0%} 位于红线内' → ['redline_share']. A
    {zh: …, en: …} template gives the names of all its texts. A malformed text raises ValueError."""
    texts = list(template.values()) if isinstance(template, dict) else [template]
    return [name for text in texts for _, name, _, _ in string.Formatter().parse(text) if name]


def _validate_template(value, path, problems):
    texts = value.values() if isinstance(value, dict) else [value]
    for text in texts:
        if not isinstance(text, str):
            problems.append(Problem("{path}: a reason is text or {{zh: …, en: …}}", path=path))
            continue
        try:
            names = template_fields(text)
        except ValueError as err:
            problems.append(Problem("{path}: {err} in {text!r}; placeholders look like {{field}} or {{field:.0%}}",
                                    path=path, err=err, text=text))
            continue
        for name in names:
            if not name.isidentifier():
                problems.append(Problem("{path}: placeholder {{{name}}} must be a plain field name", path=path,
                                        name=name))


def _ordered_rules(items, key, problems, allowed, item_check):
    """Ordered rule list: ids unique, every rule but the last needs `when`, the last may have none."""
    if not isinstance(items, list) or not items:
        problems.append(Problem("{key}: must be a non-empty list", key=key))
        return
    seen = set()
    for i, item in enumerate(items):
        path = f"{key}[{i}]"
        if not isinstance(item, dict):
            problems.append(Problem("{path}: must be a mapping with id, when and the rule's result", path=path))
            continue
        # Rule ids may be any Python identifier (Chinese ones too), not only the weight sets' ASCII ones.
        check_entry(item, allowed, path, seen, problems, is_id=str.isidentifier)
        if item.get("when") is not None:
            validate_condition(item["when"], f"{path}.when", problems)
        elif i < len(items) - 1:
            problems.append(Problem("{path}.when: missing condition (only the last rule may apply to every parcel "
                                    "left)", path=path))
        item_check(item, path)


def load_path_rules(name_or_path="paths"):
    """Redevelopment path rules: `paths` (vocabulary with labels), `rules` (ordered, first match gives the
    path and its reason), optional `applies_to` condition, `industry_classes` (code prefixes → class) and
    `market_exit` (the status field and the values meaning the firm has left the market)."""
    data, source = _read(name_or_path, "paths")
    problems = []
    check_keys(data, _INFO | {"applies_to", "paths", "industry_classes", "market_exit", "rules"}, "(top level)",
               problems)
    if data.get("applies_to") is not None:
        validate_condition(data["applies_to"], "applies_to", problems)
    ids = set()
    paths = data.get("paths")
    if not isinstance(paths, list) or not paths:
        problems.append(Problem("paths: must be a non-empty list of {id, label}"))
    else:
        for i, item in enumerate(paths):
            if not isinstance(item, dict) or not isinstance(item.get("id"), str):
                problems.append(Problem("paths[{i}]: must be a mapping with an id and a label", i=i))
                continue
            check_keys(item, {"id", "label", "note"}, f"paths[{i}]", problems)
            if item["id"] in ids:
                problems.append(Problem("paths[{i}].id: duplicate path {id!r}", i=i, id=item['id']))
            ids.add(item["id"])
            _text_label(item, f"paths[{i}]", problems)
    _validate_industry_classes(data.get("industry_classes"), problems)
    _validate_market_exit(data.get("market_exit"), problems)

    def check(item, path):
        if not isinstance(item.get("path"), str) or item["path"] not in ids:
            problems.append(Problem("{path}.path: {target!r} is not one of the paths listed under `paths`",
                                    path=path, target=item.get('path')))
        if "reason" not in item:
            problems.append(Problem("{path}.reason: missing; say why the path is suggested", path=path))
        else:
            _validate_template(item["reason"], f"{path}.reason", problems)

    _ordered_rules(data.get("rules"), "rules", problems, {"id", "when", "path", "reason", "note"}, check)
    return _finish(data, source, problems)


def _validate_industry_classes(spec, problems):
    if spec is None:
        return
    if not isinstance(spec, dict):
        problems.append(Problem("industry_classes: must be a mapping with field and classes"))
        return
    check_keys(spec, {"field", "classes", "note"}, "industry_classes", problems)
    if not isinstance(spec.get("field", "industry_code"), str):
        problems.append(Problem("industry_classes.field: must be a field name"))
    classes = spec.get("classes")
    if not isinstance(classes, dict) or not classes:
        problems.append(Problem("industry_classes.classes: a mapping class → list of code prefixes, e.g. heavy: "
                                "['25', '26']"))
        return
    owner = {}
    for name, prefixes in classes.items():
        path = f"industry_classes.classes.{name}"
        if not isinstance(prefixes, list) or not all(isinstance(p, str) and p for p in prefixes):
            problems.append(Problem("{path}: a list of code prefixes written as quoted text ('25', not 25)",
                                    path=path))
            continue
        for p in prefixes:
            if p in owner:
                problems.append(Problem("{path}: prefix {prefix!r} is also listed under {owner}", path=path,
                                        prefix=p, owner=owner[p]))
            owner[p] = name


def _validate_market_exit(spec, problems):
    if spec is None:
        return
    if not isinstance(spec, dict):
        problems.append(Problem("market_exit: must be a mapping with field and values, e.g. {field: "
                                "registration_status, values: [注销, 吊销]}"))
        return
    check_keys(spec, {"field", "values", "note"}, "market_exit", problems)
    if not isinstance(spec.get("field", "registration_status"), str):
        problems.append(Problem("market_exit.field: must be a field name"))
    values = spec.get("values")
    if not isinstance(values, list) or not values or not all(isinstance(v, str) and v for v in values):
        problems.append(Problem("market_exit.values: a non-empty list of status texts (注销, 吊销, 停业, …)"))


def load_clearance_rules(name_or_path="clearance"):
    """Clearance zones outside the development boundary: `applies_to` and ordered `zones` (first match)."""
    data, source = _read(name_or_path, "clearance")
    problems = []
    check_keys(data, _INFO | {"applies_to", "zones"}, "(top level)", problems)
    if data.get("applies_to") is None:
        problems.append(Problem("applies_to: missing; which parcels get a clearance zone, e.g. {field: "
                                "inside_dev_boundary, is: no}"))
    else:
        validate_condition(data["applies_to"], "applies_to", problems)
    _ordered_rules(data.get("zones"), "zones", problems, {"id", "label", "when", "note"},
                   lambda item, path: _text_label(item, path, problems))
    return _finish(data, source, problems)


def load_quadrant_rules(name_or_path="quadrants"):
    """The two evaluations' quadrants: a split for `performance` and for `value`, and one entry per
    (performance, value) combination with label, disposal hint and its class in the ABCD list."""
    data, source = _read(name_or_path, "quadrants")
    problems = []
    check_keys(data, _INFO | {"performance", "value", "quadrants"}, "(top level)", problems)
    for axis in ("performance", "value"):
        spec = data.get(axis)
        if not isinstance(spec, dict):
            problems.append(Problem("{axis}: a mapping with field and split, e.g. {{field: score, split: 0.6}}",
                                    axis=axis))
            continue
        check_keys(spec, {"field", "split", "label", "note"}, axis, problems)
        if not isinstance(spec.get("field"), str):
            problems.append(Problem("{axis}.field: must be a field name", axis=axis))
        split = spec.get("split")
        if isinstance(split, dict):
            if split.get("stat") not in _SPLIT_STATS or set(split) - {"stat"}:
                problems.append(Problem("{axis}.split: {{stat: median}} or {{stat: mean}}, not {split!r}",
                                        axis=axis, split=split))
        elif not (is_number(split) and 0 <= split <= 1):
            problems.append(Problem("{axis}.split: a score between 0 and 1, or {{stat: median}} ({split!r} given)",
                                    axis=axis, split=split))
    items = data.get("quadrants")
    combos = {}
    if not isinstance(items, list) or not items:
        problems.append(Problem("quadrants: must list the four (performance, value) combinations"))
        items = []
    for i, item in enumerate(items):
        path = f"quadrants[{i}]"
        if not isinstance(item, dict):
            problems.append(Problem("{path}: a mapping with id, performance, value, label, disposal, list",
                                    path=path))
            continue
        check_keys(item, {"id", "performance", "value", "label", "disposal", "list", "note"}, path, problems)
        if not isinstance(item.get("id"), str) or not item["id"].isidentifier():
            problems.append(Problem("{path}.id: {id!r} must be a short identifier", path=path, id=item.get('id')))
        for axis in ("performance", "value"):
            if item.get(axis) not in LEVELS:
                problems.append(Problem("{path}.{axis}: {value!r} must be high or low", path=path, axis=axis,
                                        value=item.get(axis)))
        combo = (item.get("performance"), item.get("value"))
        if not any(isinstance(level, (list, dict)) for level in combo):  # reported above; cannot be a key
            if combo in combos:
                problems.append(Problem("{path}: performance {performance} / value {value} is also {other}",
                                        path=path, performance=combo[0], value=combo[1], other=combos[combo]))
            combos[combo] = path
        _text_label(item, path, problems)
        _text_label(item, path, problems, key="disposal")
        if item.get("list") not in LIST_CLASSES:
            problems.append(Problem("{path}.list: {list_class!r} must be one of {list_classes}", path=path,
                                    list_class=item.get('list'), list_classes=', '.join(LIST_CLASSES)))
    for combo in [(p, v) for p in LEVELS for v in LEVELS]:
        if items and combo not in combos:
            problems.append(Problem("quadrants: no entry for performance {performance} / value {value}",
                                    performance=combo[0], value=combo[1]))
    return _finish(data, source, problems)


def label(item, lang="zh", key="label"):
    """An item's label (or other text such as `disposal`) in `lang`, falling back to zh, then to its id."""
    value = item.get(key)
    if isinstance(value, dict):
        return value.get(lang) or value.get("zh") or item.get("id", "")
    return value if isinstance(value, str) and value else item.get("id", "")
