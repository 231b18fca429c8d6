"""One-line summaries of the decision-support runs, read back from the output layers the dock loaded.

Each function takes the run's {output name: layer} and the language of the labels and returns plain text:
what a planner wants to see before opening the attribute table (counts per path and clearance zone, per
quadrant of the ABCD list, per renewal pattern, per direction of change).
"""
import pandas as pd

from ..algorithms.layer_io import read_frame
from ..core.decision import paths as core_paths
from ..core.decision.monitoring import CHANGE_LABELS, CHANGES
from ..core.decision.rules import load_clearance_rules, load_path_rules
from ..core.decision.scenarios import PATTERN_LABELS
from ..core.units import unit_label

SEPARATOR = " · "


def _counts(series, order, labels):
    """'label n · label n' in `order`, leaving out the classes no parcel falls in."""
    counts = series.dropna().astype(str).value_counts()
    return SEPARATOR.join(f"{labels.get(key, key)} {int(counts[key])}" for key in order if key in counts.index)


def paths_summary(layers, lang="zh"):
    """Parcels per redevelopment path and per clearance zone (shipped rule files: what the dock runs)."""
    frame, _ = read_frame(layers["OUTPUT"], ["path", "clearance_zone"], what="redevelopment paths")
    labels = core_paths.value_labels(load_path_rules(), load_clearance_rules(), lang)
    paths = _counts(frame["path"], list(labels["path"]), labels["path"])
    zones = _counts(frame["clearance_zone"], list(labels["clearance_zone"]), labels["clearance_zone"])
    none = "无" if lang == "zh" else "none"
    return (f"{'路径' if lang == 'zh' else 'Paths'}: {paths or none} | "
            f"{'清退分区' if lang == 'zh' else 'Clearance zones'}: {zones or none}")


def quadrant_summary(layers, lang="zh"):
    """Parcels per class of the ABCD list (its quadrant's label), and those without both scores."""
    table, _ = read_frame(layers["OUTPUT_LIST"], ["abcd_list", "label", "parcels"], what="ABCD list")
    parcels = pd.to_numeric(table["parcels"], errors="coerce").fillna(0).astype(int)
    text = SEPARATOR.join(f"{c} {name} {n}" for c, name, n in zip(table["abcd_list"], table["label"], parcels))
    unscored = layers["OUTPUT"].featureCount() - int(parcels.sum())
    if unscored:
        text += SEPARATOR + (f"无象限 {unscored}" if lang == "zh" else f"no quadrant {unscored}")
    return text


def scenario_summary(layers, lang="zh", area_unit="mu"):
    """Per renewal pattern: parcels moved (and left without a destination), freed quota, total cost."""
    table, _ = read_frame(layers["OUTPUT_TABLE"], ["pattern", "moved", "unplaced", "freed_quota", "cost_total"],
                          what="scenario comparison")
    unit = unit_label(area_unit, lang)
    parts = []
    for row in table[table["pattern"] != "current"].itertuples():
        name = PATTERN_LABELS.get(row.pattern, {}).get(lang, row.pattern)
        unplaced = f" (+{int(row.unplaced)} 无迁入地)" if lang == "zh" else f" (+{int(row.unplaced)} unplaced)"
        if lang == "zh":
            parts.append(f"{name}: 迁移 {int(row.moved)} 宗{unplaced if row.unplaced else ''}, "
                         f"释放 {row.freed_quota:,.1f} {unit}, {row.cost_total:,.0f} 万元")
        else:
            parts.append(f"{name}: {int(row.moved)} moved{unplaced if row.unplaced else ''}, "
                         f"{row.freed_quota:,.1f} {unit} freed, {row.cost_total:,.0f} (10k CNY)")
    return SEPARATOR.join(parts)


def change_summary(layers, lang="zh"):
    """Parcels per direction of change between the two rounds."""
    frame, _ = read_frame(layers["OUTPUT"], ["change"], what="round comparison")
    return _counts(frame["change"], CHANGES, {c: text[lang] for c, text in CHANGE_LABELS.items()})
