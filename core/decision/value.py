"""The value half of Shanghai's two evaluations (两评估): location and surroundings indicators per parcel,
scored with a value weight set (resources/rules/value.yaml) exactly as the performance score is scored.

Indicators (all from parcel centroids in metres; each is left out when its input is not given):
- `dist_centre`, `dist_transit`: distance to the nearest town centre / transit station (m, cost);
- `road_density`: road length within the radius per km² of the search circle (km/km², benefit);
- `poi_count`: public-service POIs within the radius (the 1 km "15-minute industrial living circle");
- `land_price`: the benchmark land price field where the layer has one (benefit);
- `surrounding_use`: the land-use class covering most land around the parcel, scored by the weight set's
  categorical `scores` (a land-use polygon counts with its whole area where its centroid is within the radius,
  which suits survey patches far smaller than the circle).
"""
import numpy as np
import pandas as pd

from .. import labels
from ..config import load_config
from ..errors import LandEvalError
from ..scoring import score_details
from .proximity import nearest_segment, point_segments, sum_within
from .rules import RULES_DIR

DEFAULT_RADIUS = 1000.0
VALUE_PREFIX = "v_"
FIELD_LABELS = labels.entries("value.field")


def load_value_weights(path_or_name=None):
    """The value weight set: a file path, or the shipped resources/rules/value.yaml when None."""
    return load_config(path_or_name or (RULES_DIR / "value.yaml"))


def nearest_distance(points, targets):
    """Distance (m) from every point to the nearest target point; NaN for all when there is no target."""
    targets = np.asarray(targets, dtype=float).reshape(-1, 2)
    targets = targets[np.isfinite(targets).all(axis=1)]
    if len(targets) == 0:
        return np.full(len(points), np.nan)
    owner, dist, _, _ = nearest_segment(points, point_segments(targets), np.arange(len(targets)))
    return dist


def road_density(points, road_segments, radius=DEFAULT_RADIUS):
    """Road length (km) within `radius` of each point per km² of the circle.

    road_segments: (s, 4) pieces short against the radius (the algorithm densifies roads first); each
    piece counts with its full length where its midpoint is inside the circle."""
    seg = np.asarray(road_segments, dtype=float).reshape(-1, 4)
    mid = (seg[:, :2] + seg[:, 2:]) / 2.0
    length_km = np.hypot(seg[:, 2] - seg[:, 0], seg[:, 3] - seg[:, 1]) / 1000.0
    circle_km2 = np.pi * (radius / 1000.0) ** 2
    return sum_within(points, mid, radius, length_km) / circle_km2


def dominant_use(points, patch_points, patch_classes, patch_areas, radius=DEFAULT_RADIUS):
    """The land-use class with the most area around each point (None where nothing is within reach).

    One weighted count per class (a handful of land-use classes), each vectorized over all points."""
    classes = pd.Series(patch_classes, dtype=object)
    known = classes.notna().to_numpy()
    names = sorted(classes[known].astype(str).unique())
    patch_points = np.asarray(patch_points, dtype=float).reshape(-1, 2)
    areas = np.asarray(patch_areas, dtype=float)
    if not names:
        return np.full(len(points), None, dtype=object)
    totals = np.column_stack([
        sum_within(points, patch_points[known & (classes == name).to_numpy()], radius,
                   areas[known & (classes == name).to_numpy()])
        for name in names
    ])
    best = np.argmax(totals, axis=1)
    found = totals.max(axis=1) > 0
    return np.where(found, np.asarray(names, dtype=object)[best], None)


def value_scores(df, weights):
    """Value score (0–1) and element sub-scores for the parcels of `df`, from the value weight set.

    `df` holds the value indicators (see the module docstring) under the names the weight set uses; an
    indicator the layer lacks is missing for every parcel and the weight set's missing-value policy decides
    (re-weighting by default). Returns (DataFrame with value_score, v_<element>, value_rank, value_missing,
    value_weakest; warnings).
    """
    fields = [ind.field for _, ind in weights.indicators()]
    if not any(f in df.columns and df[f].notna().any() for f in fields):
        raise LandEvalError("No value indicator could be computed: give at least one of the centres, transit "
                            "stations, roads, POIs or land-use layers, or a land-price field.")
    details = score_details(df, weights)
    scored = details.table
    out = pd.DataFrame(index=df.index)
    out["value_score"] = scored["score"].to_numpy(dtype=float)
    for element in weights.elements:
        out[VALUE_PREFIX + element.id] = scored["s_" + element.id].to_numpy(dtype=float)
    out["value_rank"] = scored["score_rank"]
    out["value_missing"] = scored["missing_count"].to_numpy()
    out["value_weakest"] = scored["weakest"].to_numpy(dtype=object)
    return out, details.warnings
