"""One-line summaries of the decision-support runs, read back from the output layers the dock loaded.

Each function takes the run's {output name: layer} and the language of the labels and returns plain text:
what a planner wants to see before opening the attribute table (counts per path and clearance zone, per
quadrant of the ABCD list, per renewal pattern, per direction of change). The wording is the interface's
(translated with tr()); the class names and the area unit are the output's data labels, in `lang` (the dock's
language combo), as the output layers hold them.
"""
import pandas as pd

from ..qgis_io.layer_io import read_frame
from ..core.decision import paths as core_paths
from ..core.decision.monitoring import CHANGE_LABELS, CHANGES
from ..core.decision.rules import load_clearance_rules, load_path_rules
from ..core.decision.scenarios import PATTERN_LABELS
from ..core.units import unit_label
from ..translation import tr

SEPARATOR = " · "


def _counts(series, order, labels):
    """'label n · label n' in `order`, leaving out the classes no parcel falls in."""
    counts = series.dropna().astype(str).value_counts()
    return SEPARATOR.join(f"{labels.get(key, key)} {int(counts[key])}" for key in order if key in counts.index)


def paths_summary(layers, lang="zh"):
    """Parcels per redevelopment path and per clearance zone (shipped rule files: what the dock runs)."""
    frame, _ = read_frame(layers["OUTPUT"], ["path", "clearance_zone"], what=tr("redevelopment paths"))
    labels = core_paths.value_labels(load_path_rules(), load_clearance_rules(), lang)
    paths = _counts(frame["path"], list(labels["path"]), labels["path"])
    zones = _counts(frame["clearance_zone"], list(labels["clearance_zone"]), labels["clearance_zone"])
    none = tr("none")
    return tr("Paths: {paths} | Clearance zones: {zones}").format(paths=paths or none, zones=zones or none)


def quadrant_summary(layers, lang="zh"):
    """Parcels per class of the ABCD list (its quadrant's label), and those without both scores."""
    table, _ = read_frame(layers["OUTPUT_LIST"], ["abcd_list", "label", "parcels"], what=tr("ABCD list"))
    parcels = pd.to_numeric(table["parcels"], errors="coerce").fillna(0).astype(int)
    text = SEPARATOR.join(f"{c} {name} {n}" for c, name, n in zip(table["abcd_list"], table["label"], parcels))
    unscored = layers["OUTPUT"].featureCount() - int(parcels.sum())
    if unscored:
        text += SEPARATOR + tr("no quadrant {count}").format(count=unscored)
    return text


def scenario_summary(layers, lang="zh", area_unit="mu"):
    """Per renewal pattern: parcels moved (and left without a destination), freed quota, total cost."""
    table, _ = read_frame(layers["OUTPUT_TABLE"], ["pattern", "moved", "unplaced", "freed_quota", "cost_total"],
                          what=tr("scenario comparison"))
    unit = unit_label(area_unit, lang)
    parts = []
    for row in table[table["pattern"] != "current"].itertuples():
        name = PATTERN_LABELS.get(row.pattern, {}).get(lang, row.pattern)
        unplaced = tr(" (+{count} unplaced)").format(count=int(row.unplaced)) if row.unplaced else ""
        parts.append(tr("{name}: {moved} moved{unplaced}, {freed:,.1f} {unit} freed, {cost:,.0f} (10k CNY)").format(
            name=name, moved=int(row.moved), unplaced=unplaced, freed=row.freed_quota, unit=unit, cost=row.cost_total))
    return SEPARATOR.join(parts)


def change_summary(layers, lang="zh"):
    """Parcels per direction of change between the two rounds."""
    frame, _ = read_frame(layers["OUTPUT"], ["change"], what=tr("round comparison"))
    return _counts(frame["change"], CHANGES, {c: text[lang] for c, text in CHANGE_LABELS.items()})
