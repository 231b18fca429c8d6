"""Vectorized distance queries from parcel points to other features, without per-parcel Python loops.

Coordinates are planar and in metres (the algorithms hand in centroids in a projected CRS). A destination
is described by line segments: a polygon by its boundary, a point by a zero-length segment, so one search
serves parks, stations and town centres alike.
"""
import numpy as np
import pandas as pd

from ..errors import LandEvalError

# Upper bound on the number of origin × segment (or candidate pair) cells held in memory at once:
# 2e6 float64 cells ≈ 16 MB per temporary array, which keeps the search well inside a desktop's memory.
CHUNK_CELLS = 2_000_000


def point_segments(xy):
    """Zero-length segments (x0, y0, x1, y1) for an (n, 2) array of points."""
    xy = np.asarray(xy, dtype=float).reshape(-1, 2)
    return np.hstack([xy, xy])


def nearest_segment(points, segments, owners, point_groups=None, segment_groups=None, max_distance=None):
    """For every point, the owner of the nearest segment among the eligible ones.

    points: (n, 2); segments: (s, 4) rows x0, y0, x1, y1; owners: (s,) int, the destination each segment
    belongs to. With point_groups / segment_groups (equal-length label arrays), a point may only reach
    segments of its own group (e.g. the same town); a point whose group is missing (None/NaN/"") is not
    restricted. max_distance (metres) makes farther destinations ineligible.

    Returns (owner, distance, nearest_x, nearest_y): owner is -1 and the rest NaN where nothing is eligible.
    """
    points = np.asarray(points, dtype=float).reshape(-1, 2)
    segments = np.asarray(segments, dtype=float).reshape(-1, 4)
    owners = np.asarray(owners, dtype=np.int64)
    n, s = len(points), len(segments)
    if len(owners) != s:
        raise LandEvalError("Each destination segment needs exactly one owner (internal: lengths differ).")
    owner_out = np.full(n, -1, dtype=np.int64)
    dist_out = np.full(n, np.nan)
    near_out = np.full((n, 2), np.nan)
    if n == 0 or s == 0:
        return owner_out, dist_out, near_out[:, 0], near_out[:, 1]

    pcode, scode = _group_codes(point_groups, segment_groups, n, s)
    ax, ay = segments[:, 0], segments[:, 1]
    dx, dy = segments[:, 2] - ax, segments[:, 3] - ay
    len2 = dx * dx + dy * dy
    # A zero-length segment (a point destination) projects onto its only point.
    inv_len2 = np.divide(1.0, len2, out=np.zeros_like(len2), where=len2 > 0)
    step = max(1, CHUNK_CELLS // s)
    for lo in range(0, n, step):
        hi = min(n, lo + step)
        px = points[lo:hi, 0:1]
        py = points[lo:hi, 1:2]
        t = np.clip(((px - ax) * dx + (py - ay) * dy) * inv_len2, 0.0, 1.0)
        qx = ax + t * dx
        qy = ay + t * dy
        d2 = (px - qx) ** 2 + (py - qy) ** 2
        if pcode is not None:
            chunk_codes = pcode[lo:hi, None]
            d2 = np.where((chunk_codes < 0) | (chunk_codes == scode[None, :]), d2, np.inf)
        if max_distance is not None:
            d2 = np.where(d2 <= float(max_distance) ** 2, d2, np.inf)
        best = np.argmin(d2, axis=1)
        rows = np.arange(hi - lo)
        best_d2 = d2[rows, best]
        ok = np.isfinite(best_d2)
        idx = np.arange(lo, hi)[ok]
        owner_out[idx] = owners[best[ok]]
        dist_out[idx] = np.sqrt(best_d2[ok])
        near_out[idx, 0] = qx[rows[ok], best[ok]]
        near_out[idx, 1] = qy[rows[ok], best[ok]]
    return owner_out, dist_out, near_out[:, 0], near_out[:, 1]


def _group_codes(point_groups, segment_groups, n, s):
    """Integer codes shared by both label arrays; -1 marks a point with no group (unrestricted)."""
    if point_groups is None and segment_groups is None:
        return None, None
    if point_groups is None or segment_groups is None:
        raise LandEvalError("A group restriction needs groups on both the parcels and the destinations.")
    labels = pd.concat([_labels(point_groups, n), _labels(segment_groups, s)], ignore_index=True)
    codes, _ = pd.factorize(labels)  # missing labels get -1
    pcode, scode = codes[:n].astype(np.int64), codes[n:].astype(np.int64)
    # A destination with no group is reachable only from points that are unrestricted anyway.
    scode[scode < 0] = -2
    return pcode, scode


def _labels(values, length):
    """Labels as stripped strings, missing or blank as NaN (so 'A镇 ' and 'A镇' are one town)."""
    series = pd.Series(np.asarray(values, dtype=object).reshape(-1), dtype=object)
    if len(series) != length:
        raise LandEvalError("Group labels and coordinates differ in length (internal).")
    text = series.astype(str).str.strip()
    return text.where(series.notna() & (text != ""))


def sum_within(points, targets, radius, weights=None):
    """For every point, the number (or the weight sum) of targets within `radius` metres.

    Targets are binned on a grid of cell size `radius`, so each point is compared only with the targets of
    its own and the eight neighbouring cells: the work grows with the number of near pairs, not with
    points × targets. points: (n, 2); targets: (m, 2); weights: (m,) or None for a plain count.
    """
    points = np.asarray(points, dtype=float).reshape(-1, 2)
    targets = np.asarray(targets, dtype=float).reshape(-1, 2)
    radius = float(radius)
    if not radius > 0:
        raise LandEvalError("The search radius must be a positive distance in metres, not {radius}.",
                            radius=radius)
    n, m = len(points), len(targets)
    w = np.ones(m) if weights is None else np.asarray(weights, dtype=float).reshape(-1)
    out = np.zeros(n)
    valid_p = np.isfinite(points).all(axis=1)
    valid_t = np.isfinite(targets).all(axis=1) & np.isfinite(w)
    if n == 0 or not valid_t.any():
        out[~valid_p] = np.nan
        return out
    targets, w = targets[valid_t], w[valid_t]
    origin = np.minimum(targets.min(axis=0), np.nanmin(points[valid_p], axis=0) if valid_p.any() else 0) - radius
    t_cell = np.floor((targets - origin) / radius).astype(np.int64)
    p_cell = np.zeros((n, 2), dtype=np.int64)
    p_cell[valid_p] = np.floor((points[valid_p] - origin) / radius).astype(np.int64)
    ny = int(max(t_cell[:, 1].max(), p_cell[:, 1].max())) + 3
    t_key = t_cell[:, 0] * ny + t_cell[:, 1]
    order = np.argsort(t_key, kind="stable")
    t_key, t_xy, t_w = t_key[order], targets[order], w[order]
    r2 = radius * radius
    step = max(1, CHUNK_CELLS // 64)
    for lo in range(0, n, step):
        hi = min(n, lo + step)
        chunk = np.arange(lo, hi)[valid_p[lo:hi]]
        for ox in (-1, 0, 1):
            for oy in (-1, 0, 1):
                key = (p_cell[chunk, 0] + ox) * ny + (p_cell[chunk, 1] + oy)
                start = np.searchsorted(t_key, key, side="left")
                count = np.searchsorted(t_key, key, side="right") - start
                total = int(count.sum())
                if total == 0:
                    continue
                pi = np.repeat(chunk, count)
                offsets = np.arange(total) - np.repeat(np.cumsum(count) - count, count)
                ti = np.repeat(start, count) + offsets
                d2 = ((points[pi] - t_xy[ti]) ** 2).sum(axis=1)
                near = d2 <= r2
                out += np.bincount(pi[near], weights=t_w[ti[near]], minlength=n)
    out[~valid_p] = np.nan
    return out
