"""Writing derived weights (AHP, entropy, CRITIC) as a LandEval weight set a person can read and reuse, and
the outputs every weighting algorithm shares (WEIGHTS as JSON, the optional OUTPUT_WEIGHT_SET file)."""

from ..core.catalogue import load_catalogue
from ..core.config import ID_RE, save_config
from ..core.errors import LandEvalError
from ..core.labels import LANGUAGES
from ..core.weighting import rounded_shares


def indicator_entry(name, weight, cost, catalogue, position):
    """One indicator of the weight set: a catalogue id (direction from the catalogue unless listed as cost)
    or a column of the user's own (custom: true, benefit unless listed as cost)."""
    cid = name if catalogue.is_indicator(name) else catalogue.canonical_id(name)
    if cid and catalogue.is_indicator(cid):
        entry = catalogue.indicators[cid]
        if entry.direction == "categorical":
            raise LandEvalError(
                "{name} is a categorical indicator: it needs a value→score map, which derived weights cannot "
                "give. Leave it out, or add it to the written weight set by hand with its scores.", name=name
            )
        item = {"id": cid, "weight": weight}
        if cid != name:
            item["field"] = name
        if name in cost or cid in cost:
            item["direction"] = "cost"
        return item
    iid = name if ID_RE.match(name) else f"custom_{position + 1}"
    item = {"id": iid, "weight": weight, "direction": "cost" if name in cost else "benefit", "custom": True,
            "field": name}
    if iid != name:
        item["label"] = dict.fromkeys(LANGUAGES, name)   # the user's own column name, in every language
    return item


def save_weight_set(weights, path, name, label, note, cost=(), meta=None):
    """Write `weights` ({criterion or field: weight}) as a one-element weight set; validated before writing.
    `meta`: kept on the element (landeval:ahpweights records its matrix there for landeval:robustness)."""
    catalogue = load_catalogue()
    rounded = rounded_shares(dict(weights))
    indicators = [indicator_entry(k, w, set(cost), catalogue, i) for i, (k, w) in enumerate(rounded.items())]
    data = {
        "name": name,
        "label": label,
        "source": note,
        "normalization": "minmax",
        "elements": [{"id": name, "label": label, "weight": 1.0, "indicators": indicators}],
    }
    if meta:
        data["elements"][0]["meta"] = meta
    try:
        return save_config(data, path)
    except OSError as err:
        raise LandEvalError("Cannot write {path}: {reason}. Choose a folder you can write to and that has "
                            "free disk space, and run again.", path=path, reason=err.strerror) from None


