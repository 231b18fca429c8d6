"""Live preview while weights are edited on an evaluated layer: how many parcels would change tier.

The layer's indicator columns (written by `landeval:evaluate`) are read once per layer and cached; each
preview then only re-runs core.scoring and core.classify on that frame, which takes milliseconds for tens of
thousands of parcels, so it can follow every weight edit. Vetoes do not depend on weights: the layer's own
`veto_failed` is reused.
"""
from typing import NamedTuple

import pandas as pd

from ..qgis_io.layer_io import read_frame
from ..core import classify, scoring
from ..core.classify import UNRATED
from ..core.conditions import fields_of
from ..core.config import TIER_LABELS
from ..core.errors import LandEvalError
from ..translation import tr
from . import weight_file

EVALUATED_FIELDS = ("score", "tier")
TIER_ORDER = TIER_LABELS + ("T",)


def _tier_counts_text(counts):
    return " · ".join(f"<b>{tier}</b> {counts.get(tier, 0)}" for tier in TIER_ORDER if counts.get(tier, 0)) or "—"


def layer_name(layer):
    """How messages about a layer name it."""
    return tr("layer '{name}'").format(name=layer.name())


def tier_summary(layer):
    """'Tiers: A 12 · B 40 …' for an evaluated layer (one read of its tier column)."""
    frame, _fids = read_frame(layer, ["tier"], what=layer_name(layer))
    counts = frame["tier"].dropna().astype(str).value_counts().to_dict()
    return tr("Tiers ({count} parcels):").format(count=len(frame)) + " " + _tier_counts_text(counts)


class TierChange(NamedTuple):
    total: int
    changed: int
    transitions: dict   # {(old tier, new tier): parcels}
    before: dict        # {tier: parcels}
    after: dict

    def html(self):
        moves = ", ".join(f"{a}→{b} {n}" for (a, b), n in sorted(self.transitions.items(), key=lambda kv: -kv[1]))
        head = (tr("Preview: <b>{changed}</b> of {total} parcels would change tier").format(
            changed=self.changed, total=self.total) + (f" ({moves})" if moves else ""))
        return "<br>".join((head, tr("now: {tiers}").format(tiers=_tier_counts_text(self.before)),
                            tr("new: {tiers}").format(tiers=_tier_counts_text(self.after))))


class TierPreview:
    def __init__(self):
        self._frames = {}

    @staticmethod
    def is_evaluated(layer):
        names = set(layer.fields().names())
        return all(field in names for field in EVALUATED_FIELDS)

    def forget(self, layer_id):
        self._frames.pop(layer_id, None)

    def _columns(self, layer, names):
        """The named columns of `layer`, reading from the layer only those not cached yet."""
        cached = self._frames.get(layer.id())
        if cached is None:
            cached = pd.DataFrame(index=pd.RangeIndex(0))
            layer.dataChanged.connect(lambda lid=layer.id(): self.forget(lid))
        missing = [n for n in dict.fromkeys(names) if n not in cached.columns]
        if missing:
            frame, _fids = read_frame(layer, missing, what=layer_name(layer))
            cached = frame if cached.columns.empty else pd.concat([cached, frame], axis=1)
            self._frames[layer.id()] = cached
        return cached[list(dict.fromkeys(names))]

    def changes(self, layer, doc):
        """TierChange for the set `doc` against the tiers stored in `layer`. ConfigError while the set is
        invalid (e.g. a level that does not sum to 1), LandEvalError when the layer lacks a column."""
        cfg = weight_file.validate(doc)
        available = set(layer.fields().names())
        columns = []
        for _element, ind in cfg.indicators():
            # The evaluation writes every indicator under its id (design.md, output fields).
            if ind.id not in available:
                raise LandEvalError("the layer has no column '{column}'; apply the set once to compute it.",
                                    column=ind.id)
            columns.append(ind.id)
        groups = [g for g in [cfg.group_by] + [ind.group_by for _e, ind in cfg.indicators()] if g in available]
        extra = ["veto_failed"] if "veto_failed" in available else []
        keep_unrated = False
        if cfg.tiers is not None:
            # Conditions on inputs the result layer does not carry (new_project comes from the enterprise
            # table) cannot be re-evaluated; weights do not change them either, so such parcels keep their T.
            # Benchmark group_by fields count too (fields_of): a mean by industry needs the industry column;
            # the optional candidates of a group_by list are read only when the layer has them.
            for key in ("cap_when", "unrated_when", "never_d_when"):
                condition = getattr(cfg.tiers, key)
                if all(f in available for f in fields_of(condition, optional=False)):
                    extra += [f for f in fields_of(condition) if f in available]
                else:
                    setattr(cfg.tiers, key, None)
                    keep_unrated |= key == "unrated_when"
        frame = self._columns(layer, columns + groups + extra + ["tier"])
        data = frame.drop(columns=["tier"])
        data["score"] = scoring.score_parcels(data, cfg)["score"].to_numpy()
        new = classify.assign_tiers(data, cfg)["tier"].astype(object)
        old = frame["tier"].astype(object)
        if keep_unrated:
            new = new.where(old != UNRATED, UNRATED)
        moved = old.notna() & (old != new)
        transitions = pd.crosstab(old[moved], new[moved]).stack()
        return TierChange(len(old), int(moved.sum()), {k: int(v) for k, v in transitions.items() if v},
                          old.value_counts().to_dict(), new.value_counts().to_dict())
