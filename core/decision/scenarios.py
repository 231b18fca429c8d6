"""Renewal scenarios of the county paper (§4.2): which scattered blocks move to which base or community,
what it costs, how much construction-land quota it frees and what the district's output and tax per unit
of land become.

The three patterns:
- concentration ("large concentration", 大集中): every industrial block moves into the nearest industrial base,
  anywhere in the district;
- clustering ("small clustering", 小集聚): scattered rural blocks (outside the urban development boundary) move
  into the nearest base or community of their own town;
- integration ("small clustering + moderate park integration", 小集聚+适度并园): blocks within a set distance
  of a base move into that base; inefficient rural blocks move into the nearest community of their town.

Assumptions (the paper leaves them open; all are stated in the algorithm's help): a relocated firm keeps its
floor area, output and tax ("maintaining total volume"); it is rebuilt at the destination level's target plot
ratio, so it needs floor area ÷ target plot ratio of new land; the vacated parcel leaves industrial use, and
the difference between the vacated and the newly used land is the freed construction-land quota. A mover with
no eligible destination stays where it is and is counted as unplaced.
"""
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .. import labels
from ..errors import LandEvalError, Problem
from ..units import M2_PER_UNIT, check_unit
from .proximity import nearest_segment

PATTERNS = ("concentration", "clustering", "integration")
PATTERN_LABELS = labels.entries("scenarios.pattern")
DESTINATION_LEVELS = ("base", "community")
# A park of the lowest level is not a destination (the county paper moves blocks into bases and communities).
PARK_LEVELS = DESTINATION_LEVELS + ("block",)


SUMMARY_LABELS = labels.entries("scenarios.summary")


def field_labels(patterns=PATTERNS):
    """{field: {zh, en}} for the per-parcel fields of the given patterns (the table's are SUMMARY_LABELS)."""
    templates = labels.entries("scenarios.parcel_field")  # dest, dist, cost: "{pattern}" is filled in
    out = {}
    for p in patterns:
        for kind, template in templates.items():
            out[f"{kind}_{p}"] = {lang: text.format(pattern=PATTERN_LABELS[p][lang]) for lang, text in template.items()}
    return out


@dataclass
class UnitCosts:
    """Unit costs: per m² of the relocated firm's floor area in 元/m², land compensation in 万元/亩."""

    relocation_per_m2: float = 0.0
    demolition_per_m2: float = 0.0
    construction_per_m2: float = 0.0
    compensation_per_mu: float = 0.0

    def check(self):
        for name, value in vars(self).items():
            if not np.isfinite(value) or value < 0:
                raise LandEvalError("Unit cost {name} must be a number ≥ 0, not {value!r}.", name=name,
                                    value=value)


@dataclass
class ScenarioSettings:
    """near_base_m: reach of a base in the integration pattern (metres from its boundary);
    target_plot_ratio: plot ratio a relocated firm is rebuilt at, per destination level;
    default_plot_ratio: assumed for a mover with neither floor area nor plot ratio (counted in warnings)."""

    near_base_m: float = 2000.0
    target_plot_ratio: dict = field(default_factory=lambda: {"base": 2.0, "community": 1.5})
    default_plot_ratio: float = 1.0
    area_unit: str = "mu"

    def check(self):
        check_unit(self.area_unit)
        if not self.near_base_m > 0:
            raise LandEvalError("The reach of a base must be a positive distance in metres, not {near_base_m}.",
                                near_base_m=self.near_base_m)
        for level in DESTINATION_LEVELS:
            ratio = self.target_plot_ratio.get(level)
            if ratio is None or not ratio > 0:
                raise LandEvalError("The target plot ratio for level {level!r} must be > 0, not {ratio!r}.",
                                    level=level, ratio=ratio)
        if not self.default_plot_ratio > 0:
            raise LandEvalError("The assumed plot ratio must be > 0, not {default_plot_ratio}.",
                                default_plot_ratio=self.default_plot_ratio)


@dataclass
class Destinations:
    """Bases and communities: a table with `name`, `level` (base/community) and optionally `town`, one row
    per park, plus their boundaries as segments (x0, y0, x1, y1) with the row number each belongs to."""

    table: pd.DataFrame
    segments: np.ndarray
    owners: np.ndarray


@dataclass
class ScenarioResult:
    parcels: pd.DataFrame  # per parcel: dest_<p>, dist_<p>, cost_<p> for each pattern
    moves: pd.DataFrame  # one row per (pattern, moved parcel): origin and destination points, for the lines
    summary: pd.DataFrame  # one row per pattern (first row: current state)
    warnings: list


def run_scenarios(parcels, destinations, costs, settings=None, patterns=PATTERNS, use_town=True):
    """Plan every pattern for `parcels` and compare them.

    parcels: DataFrame with centroid `x`, `y` (metres), `area_m2`, `level`; optional `town`,
    `inside_dev_boundary` (1/0), `inefficient` (1/0), `floor_area` or `plot_ratio`, `output_value`, `tax`.
    """
    settings = settings or ScenarioSettings()
    settings.check()
    costs.check()
    _check_inputs(parcels, destinations)
    warnings = []
    town = use_town and "town" in parcels.columns
    if town and "town" not in destinations.table.columns:
        raise LandEvalError(
            "The parcels have a town field but the bases/communities do not: give the parks' town field too, "
            "or leave the parcels' town field empty to search the whole district.")
    floor, assumed = _floor_area(parcels, settings.default_plot_ratio)
    out = pd.DataFrame(index=parcels.index)
    assumed_movers = np.zeros(len(parcels), dtype=bool)
    moves, rows = [], [_summary_row("current", parcels, settings)]
    for pattern in patterns:
        if pattern not in PATTERNS:
            raise LandEvalError("Unknown renewal pattern {pattern!r}: use one of {patterns}.", pattern=pattern,
                                patterns=', '.join(PATTERNS))
        movers, (dest, dist, nx, ny) = _plan(pattern, parcels, destinations, settings, town, warnings)
        moved = dest >= 0
        assumed_movers |= assumed & moved
        dest_level = np.where(moved, destinations.table["level"].to_numpy(dtype=object)[np.maximum(dest, 0)], None)
        ratio = pd.Series(dest_level).map(settings.target_plot_ratio).to_numpy(dtype=float)
        cost = _costs(parcels, floor, costs) * moved[:, None]
        land_needed = np.where(moved, floor / ratio, 0.0)
        names = destinations.table["name"].astype(str).to_numpy(dtype=object)
        out[f"dest_{pattern}"] = np.where(moved, names[np.maximum(dest, 0)], None)
        out[f"dist_{pattern}"] = np.where(moved, dist, np.nan)
        out[f"cost_{pattern}"] = np.where(moved, cost.sum(axis=1), np.nan)
        idx = np.flatnonzero(moved)
        moves.append(pd.DataFrame({
            "pattern": pattern,
            "row": idx,
            "destination": names[dest[idx]],
            "dest_level": dest_level[idx],
            "distance": dist[idx],
            "x0": parcels["x"].to_numpy(dtype=float)[idx],
            "y0": parcels["y"].to_numpy(dtype=float)[idx],
            "x1": nx[idx],
            "y1": ny[idx],
            "cost": cost.sum(axis=1)[idx],
        }))
        rows.append(_summary_row(pattern, parcels, settings, movers, moved, floor, cost, land_needed))
    if assumed_movers.any():
        warnings.append(Problem("{count} relocated parcel(s) have neither floor area nor plot ratio; their floor "
                                "area was taken as area × {ratio:g} for the relocation costs.",
                                count=int(assumed_movers.sum()), ratio=settings.default_plot_ratio))
    moves_df = pd.concat(moves, ignore_index=True) if moves else pd.DataFrame()
    return ScenarioResult(out, moves_df, pd.DataFrame(rows), list(dict.fromkeys(warnings)))


def _check_inputs(parcels, destinations):
    missing = [c for c in ("x", "y", "area_m2", "level") if c not in parcels.columns]
    if missing:
        raise LandEvalError("The parcel layer lacks {missing}: run classifyscale (for `level`) and give an "
                            "evaluated parcel layer with its area.", missing=', '.join(missing))
    table = destinations.table
    for col in ("name", "level"):
        if col not in table.columns:
            raise LandEvalError("The bases/communities layer needs a `{col}` field.", col=col)
    bad = sorted(set(table["level"].dropna().astype(str)) - set(PARK_LEVELS))
    if bad:
        raise LandEvalError("Park level values {bad} are not understood: the level field of the bases/communities "
                            "layer must hold {park_levels} (classifyscale's OUTPUT_PARKS has it).", bad=bad,
                            park_levels=', '.join(PARK_LEVELS))
    if not (table["level"].isin(DESTINATION_LEVELS)).any():
        raise LandEvalError("No base or community among the destinations: the parks layer's level field must "
                            "name at least one `base` or `community`.")


def _plan(pattern, parcels, destinations, settings, town, warnings):
    """Which parcels the pattern relocates, and for each parcel the destination row (-1 = stays), the
    distance and the nearest point of the destination."""
    block = parcels["level"].astype(str).to_numpy() == "block"
    if pattern == "concentration":
        return block, _nearest(parcels, destinations, ("base",), False, None, block)
    rural = block & ~_yes(parcels, "inside_dev_boundary", False, warnings,
                          Problem("No `inside_dev_boundary` field: every block is treated as rural (outside the "
                                  "urban development boundary); run computeindicators with DEV_BOUNDARY for a real "
                                  "answer."))
    if pattern == "clustering":
        return rural, _nearest(parcels, destinations, DESTINATION_LEVELS, town, None, rural)
    to_base = _nearest(parcels, destinations, ("base",), False, settings.near_base_m, block)
    near_base = to_base[0] >= 0
    vacated = rural & ~near_base & _yes(parcels, "inefficient", True, warnings,
                                        Problem("No `inefficient` field: every rural block is treated as "
                                                "inefficient."))
    to_community = _nearest(parcels, destinations, ("community",), town, None, vacated)
    found = tuple(np.where(near_base, a, b) for a, b in zip(to_base, to_community))
    return near_base | vacated, found


def _yes(parcels, column, default, warnings, message):
    """A 1/0 parcel column as booleans; when the column is absent, `default` for all and a warning."""
    if column not in parcels.columns:
        warnings.append(message)
        return np.full(len(parcels), default, dtype=bool)
    return pd.to_numeric(parcels[column], errors="coerce").to_numpy(dtype=float) == 1


def _nearest(parcels, destinations, levels, town, max_distance, which):
    """Nearest destination of the given levels for the parcels selected by `which` (others get -1)."""
    n = len(parcels)
    dest = np.full(n, -1, dtype=np.int64)
    dist, nx, ny = np.full(n, np.nan), np.full(n, np.nan), np.full(n, np.nan)
    table = destinations.table
    eligible = table["level"].isin(levels).to_numpy()[destinations.owners]
    idx = np.flatnonzero(which)
    if len(idx) == 0 or not eligible.any():
        return dest, dist, nx, ny
    points = parcels[["x", "y"]].to_numpy(dtype=float)[idx]
    groups = (parcels["town"].to_numpy(dtype=object)[idx], table["town"].to_numpy(dtype=object)[
        destinations.owners[eligible]]) if town else (None, None)
    found = nearest_segment(points, destinations.segments[eligible], destinations.owners[eligible],
                            groups[0], groups[1], max_distance)
    dest[idx], dist[idx], nx[idx], ny[idx] = found
    return dest, dist, nx, ny


def _floor_area(parcels, default_plot_ratio):
    """Floor area in m² per parcel: the floor_area field, else plot ratio × area, else the assumed ratio."""
    area = pd.to_numeric(parcels["area_m2"], errors="coerce").to_numpy(dtype=float)
    floor = np.full(len(parcels), np.nan)
    if "floor_area" in parcels.columns:
        floor = pd.to_numeric(parcels["floor_area"], errors="coerce").to_numpy(dtype=float)
    if "plot_ratio" in parcels.columns:
        ratio = pd.to_numeric(parcels["plot_ratio"], errors="coerce").to_numpy(dtype=float)
        floor = np.where(np.isfinite(floor), floor, ratio * area)
    assumed = ~np.isfinite(floor)
    return np.where(assumed, area * default_plot_ratio, floor), assumed


def _costs(parcels, floor, costs):
    """Cost components in 万元 per parcel: relocation, demolition, construction (元/m² × floor area ÷ 10⁴)
    and compensation (万元/亩 × land area in 亩); columns in that order."""
    area_mu = pd.to_numeric(parcels["area_m2"], errors="coerce").to_numpy(dtype=float) / M2_PER_UNIT["mu"]
    per_m2 = np.array([costs.relocation_per_m2, costs.demolition_per_m2, costs.construction_per_m2]) / 1e4
    return np.column_stack([floor[:, None] * per_m2, area_mu * costs.compensation_per_mu])


def _summary_row(pattern, parcels, settings, movers=None, moved=None, floor=None, cost=None, land_needed=None):
    """District totals of one pattern; areas in the chosen unit, money in 万元."""
    unit = M2_PER_UNIT[settings.area_unit]
    area = pd.to_numeric(parcels["area_m2"], errors="coerce").to_numpy(dtype=float)
    total_area = np.nansum(area)
    output = _total(parcels, "output_value")
    tax = _total(parcels, "tax")
    if moved is None:  # the current state: nothing moves
        movers = moved = np.zeros(len(parcels), dtype=bool)
        floor, land_needed, cost = np.zeros(len(parcels)), np.zeros(len(parcels)), np.zeros((len(parcels), 4))
    vacated = np.nansum(area[moved])
    needed = float(land_needed.sum())
    land_after = total_area - vacated + needed
    sums = cost.sum(axis=0)
    return {
        "pattern": pattern,
        "label_zh": PATTERN_LABELS[pattern]["zh"],
        "label_en": PATTERN_LABELS[pattern]["en"],
        "moved": int(moved.sum()),
        "unplaced": int((movers & ~moved).sum()),
        "relocated_area": vacated / unit,
        "relocated_floor_m2": float(floor[moved].sum()),
        "cost_relocation": float(sums[0]),
        "cost_demolition": float(sums[1]),
        "cost_construction": float(sums[2]),
        "cost_compensation": float(sums[3]),
        "cost_total": float(sums.sum()),
        "land_needed": needed / unit,
        "freed_quota": (vacated - needed) / unit,
        "industrial_land": land_after / unit,
        "output_per_area": output / (land_after / unit) if land_after > 0 else np.nan,
        "tax_per_area": tax / (land_after / unit) if land_after > 0 else np.nan,
    }


def _total(parcels, column):
    if column not in parcels.columns:
        return np.nan
    return float(np.nansum(pd.to_numeric(parcels[column], errors="coerce").to_numpy(dtype=float)))
