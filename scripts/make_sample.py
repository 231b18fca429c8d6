#!/usr/bin/python3
"""Generate the LandEval sample county: a seeded, deterministic, fictional district in CGCS2000 / 3-degree GK.

    /usr/bin/python3 scripts/make_sample.py                      # the committed demo county (2 000 parcels)
    /usr/bin/python3 scripts/make_sample.py --parcels 100000 --out /tmp/bench100k --no-xlsx

Writes `sample_county.gpkg` (layers parcels, parks, eco_redline, dev_boundary, pois), `enterprises.csv` (GBK,
Chinese headers = the first alias of each raw id in docs/design.md) and `enterprises.xlsx`.

Layout of one county (about 40 x 34 km): one industrial base (> 4 km²), two industrial communities (1–4 km²), a
town cluster below 1 km², and scattered blocks in small village clusters, most near the six towns. Parcels are
packed in rows along streets, so they never overlap; parks are the hulls of their parcels. Larger sizes tile
counties side by side (one per ~2 000 parcels), as a province would. Everything per parcel is vectorized with
numpy; the only Python loops run per county or per feature write (OGR needs one call per feature).
"""
import argparse
import hashlib
import math
import os
import sys
import time
from types import SimpleNamespace

import numpy as np
import pandas as pd
from osgeo import gdal, ogr, osr

gdal.UseExceptions()
ogr.UseExceptions()

EPSG = 4547  # CGCS2000 / 3-degree Gauss-Kruger CM 114E (false easting 500 km)
M2_PER_MU = 10000.0 / 15.0
PARCELS_PER_COUNTY = 2000
COUNTY_W, COUNTY_H = 32000.0, 27000.0  # county frame, metres
ORIGIN = (500000.0, 3450000.0)  # about 31.2°N on the central meridian

# --- the county template --------------------------------------------------------------------------------------
TOWNS = ["东湖街道", "南桥镇", "西岭镇", "北河街道", "青山镇", "白沙镇"]
TOWN_XY = np.array([[-1500, 4500], [6500, -8500], [-12500, -3500], [3500, 11000], [13000, 3500], [-8000, 10500]],
                   float)
# name, zone type, administrative level, centre (m), home share of the county's parcels, sub-zones, size median 亩
PARKS = [
    ("经济技术开发区", "经济技术开发区", "国家级", (-2500, 1000), 0.50, 4, 11.0),
    ("滨江智造产业园", "产业园区", "省级", (8500, -5000), 0.055, 2, 9.0),
    ("南桥工业集中区", "工业园区", "市级", (-9000, -8000), 0.05, 2, 9.0),
    ("青山镇工业点", "镇级工业集中点", "镇级", (11500, 8500), 0.02, 1, 7.0),
]
SCATTERED_SHARE = 1.0 - sum(p[4] for p in PARKS)
PARK_CENTRES = np.array([p[3] for p in PARKS], float)
CELL = 1500.0  # grid for village clusters of scattered blocks; one cluster per cell keeps them apart
ROAD, GAP = 16.0, 6.0  # road between rows of parcels, gap between neighbours along a street (m)

# Shape kinds and their shares: most parcels are near-rectangles, some trapezoids, cut corners and L shapes;
# a few multipart parcels (split by a road) and a handful of self-intersecting rings for the repair code.
KINDS = ("rect", "trapezoid", "chamfer", "lshape", "multipart", "bowtie")
KIND_P = np.array([0.558, 0.15, 0.15, 0.13, 0.008, 0.004])

# GB/T 4754 manufacturing divisions: code, share in parks, share in scattered blocks, output per 亩 (万元),
# tax / output, value added / output, plot ratio, output per employee (万元), electricity (万kWh / 万元),
# water (t / 万元), energy (tce / 万元), solid waste (t / 万元), high-tech probability, strategic output share,
# dominant sector of the district, environmental risk multiplier
INDUSTRIES = pd.DataFrame([
    ("39", .16, .03, 600, .035, .22, 1.6, 120, .030, 3.0, .04, .02, .45, .8, 1, 1.0),
    ("36", .10, .02, 500, .040, .22, 1.0, 150, .025, 1.5, .04, .05, .25, .4, 1, 1.0),
    ("38", .10, .05, 400, .030, .23, 1.3, 90, .025, 1.2, .04, .03, .30, .5, 1, 1.0),
    ("27", .07, .02, 450, .080, .35, 1.2, 120, .040, 8.0, .08, .05, .50, .7, 1, 1.5),
    ("40", .05, .02, 350, .050, .33, 1.6, 80, .020, 1.0, .03, .01, .45, .6, 0, 1.0),
    ("35", .09, .06, 280, .035, .25, 1.2, 80, .030, 1.5, .05, .05, .25, .3, 0, 1.0),
    ("34", .09, .09, 250, .030, .24, 1.1, 70, .035, 1.5, .05, .06, .15, .1, 0, 1.0),
    ("26", .06, .05, 400, .035, .20, 0.7, 200, .120, 12.0, .35, .20, .12, .1, 0, 3.0),
    ("33", .07, .14, 180, .025, .20, 0.9, 60, .060, 2.5, .08, .12, .05, 0, 0, 1.5),
    ("29", .05, .11, 160, .025, .20, 1.0, 60, .070, 2.0, .10, .08, .05, 0, 0, 1.5),
    ("30", .02, .09, 120, .030, .22, 0.6, 70, .150, 3.0, .50, .30, .03, 0, 0, 2.5),
    ("31", .01, .02, 300, .020, .15, 0.5, 250, .200, 8.0, .60, .30, .02, 0, 0, 3.0),
    ("17", .02, .08, 120, .020, .20, 1.0, 45, .090, 15.0, .15, .05, .03, 0, 0, 2.0),
    ("18", .02, .09, 90, .020, .25, 1.5, 35, .020, 2.0, .03, .02, .02, 0, 0, 1.0),
    ("13", .02, .08, 150, .030, .20, 0.9, 80, .030, 10.0, .06, .10, .03, 0, 0, 1.2),
    ("22", .01, .05, 130, .025, .20, 0.7, 90, .120, 40.0, .30, .25, .02, 0, 0, 3.0),
], columns=["code", "p_park", "p_scatter", "out_mu", "tax_rate", "va_ratio", "plot_ratio", "productivity",
            "elec", "water", "energy", "solid", "p_hightech", "strategic", "dominant", "env_risk"])

# values as the jiangning preset scores them (resources/presets/jiangning.yaml)
ENTERPRISE_TYPES = (["民营企业", "国有企业", "国有控股企业", "集体企业", "外商投资企业", "港澳台商投资企业", "股份有限公司",
                     "个体工商户"], [0.64, 0.04, 0.02, 0.03, 0.10, 0.05, 0.08, 0.04])
STATUSES = (["存续", "在业", "停业", "吊销", "注销"], [0.81, 0.08, 0.05, 0.035, 0.025])
CLOSED = {"停业", "吊销", "注销"}
POI_TYPES = (["公交站点", "学校", "医疗卫生", "社区服务中心", "菜市场", "银行网点", "文体设施", "便利店"],
             [0.28, 0.14, 0.09, 0.10, 0.08, 0.08, 0.07, 0.16])

# Raw ids of the enterprise table, in catalogue order; the Chinese header of each is its first alias in
# resources/presets/catalogue.yaml (read at run time, so the sample always matches the catalogue).
FIRM_COLUMNS = (
    "parcel_id", "enterprise_id", "enterprise_name", "industry_code", "floor_area", "footprint_area", "green_area",
    "idle_area", "output_value", "value_added", "revenue", "tax", "net_profit", "total_assets", "total_liabilities",
    "fixed_investment", "industrial_investment", "rd_expense", "employees", "talent_count", "insured_employees",
    "staff_turnover", "patents", "bidding_record", "industrial_potential", "chain_efficiency", "electricity",
    "water", "energy", "emissions", "wastewater", "solid_waste", "strategic_output", "enterprise_type",
    "registration_status", "above_scale", "high_tech", "legal_certificate", "plan_quota", "spatial_plan",
    "contract_fulfilled", "safety_ok", "environment_ok", "nimby_ok", "construction_ok", "eia_passed",
    "safety_evaluated", "dominant_sector", "management_ok", "new_project")
# parcel-layer attributes (town and the two local flags belong to the parcel, not to a firm)
PARCEL_COLUMNS = ("parcel_id", "town", "reported", "in_progress")
CATALOGUE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "presets", "catalogue.yaml")


def catalogue_headers(path=CATALOGUE):
    """{raw id: Chinese header} from the catalogue: the first alias of every raw input."""
    import yaml

    with open(path, encoding="utf-8") as fh:
        raw = yaml.safe_load(fh)["raw"]
    return {rid: entry["aliases"][0] for rid, entry in raw.items()}


# share of empty cells per column: real department tables have gaps, mostly in the environmental columns
MISSING = {"water": .03, "staff_turnover": .05, "patents": .02, "solid_waste": .04, "emissions": .05,
           "talent_count": .03, "industrial_potential": .02, "chain_efficiency": .02, "bidding_record": .02}
EXCEL_MAX_ROWS = 1048575


def lognormal_sizes(rng, n, median_mu, sigma, lo=3.0, hi=500.0):
    """Parcel sizes in 亩: a lognormal truncated to [lo, hi] (out-of-range draws are drawn again)."""
    mu = median_mu * np.exp(sigma * rng.standard_normal(n))
    bad = (mu < lo) | (mu > hi)
    while bad.any():
        mu[bad] = median_mu * np.exp(sigma * rng.standard_normal(bad.sum()))
        bad = (mu < lo) | (mu > hi)
    return mu


def group_starts(keys):
    """Index of the first element of every run of equal consecutive keys."""
    return np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])


def pack_rows(rng, group, area):
    """Lay parcel boxes out in street rows within each group (no overlaps by construction).

    Every box gets a frontage w and depth d (w/d in 1–2.2, w*d = area); within a group boxes are sorted by depth
    and placed side by side along rows of length L; a row is as deep as its deepest box, and the rows of a group
    are stacked in random order (so big plants are not all on one street). Returns the order used, the packed
    group index of each box, its lower-left corner (x, y), w, d in the group's frame and the group extents
    (ex, ey) — all vectorized through cumulative sums per group.
    """
    n = len(area)
    aspect = rng.uniform(1.0, 2.2, n)
    d = np.sqrt(area / aspect)
    w = area / d
    order = np.lexsort((-d, group))
    g, w, d = group[order], w[order], d[order]
    starts = group_starts(g)
    ng = len(starts)
    gidx = np.repeat(np.arange(ng), np.diff(np.r_[starts, n]))
    step = w + GAP
    csum = np.cumsum(step)
    begin = csum - step - (csum - step)[starts][gidx]
    total_area = np.add.reduceat(w * d, starts)
    row_len = np.maximum(np.sqrt(total_area) * rng.uniform(0.9, 1.6, ng), np.maximum.reduceat(w, starts) + GAP)
    row = np.floor(begin / row_len[gidx]).astype(np.int64)
    x = begin - row * row_len[gidx]
    rkey = gidx * (n + 1) + row
    rstarts = group_starts(rkey)
    row_depth = np.maximum.reduceat(d, rstarts) + ROAD
    row_group = gidx[rstarts]
    stack = np.lexsort((rng.random(len(rstarts)), row_group))  # rows of a group in random order
    depth = row_depth[stack]
    below = np.cumsum(depth) - depth
    first = np.r_[True, row_group[stack][1:] != row_group[stack][:-1]]
    row_y = np.empty(len(rstarts))
    row_y[stack] = below - np.maximum.accumulate(np.where(first, below, 0.0))
    y = row_y[np.cumsum(np.r_[True, rkey[1:] != rkey[:-1]]) - 1]
    ex = np.maximum.reduceat(x + w, starts)
    ey = np.maximum.reduceat(y + d, starts) if n else np.zeros(0)
    return order, gidx, x, y, w, d, ex, ey


def unit_shapes(rng, kind):
    """Rings per shape kind in the unit box [0, 1]²: {kind: (indices, array (m, parts, k, 2), area fraction)}.

    Drawn before packing so every parcel's box can be enlarged by 1 / fraction: the parcel then has exactly the
    drawn area, whatever corner was cut off.
    """
    out = {}
    for k, name in enumerate(KINDS):
        sel = np.flatnonzero(kind == k)
        m = len(sel)
        one, zero = np.ones((m, 1)), np.zeros((m, 1))
        if name == "rect":
            pts = np.stack([np.hstack([zero, one, one, zero]), np.hstack([zero, zero, one, one])], -1)[:, None]
        elif name == "trapezoid":
            s1, s2 = rng.uniform(0, .25, (2, m, 1))
            pts = np.stack([np.hstack([zero, one, 1 - s1, s2]), np.hstack([zero, zero, one, one])], -1)[:, None]
        elif name == "chamfer":
            c1, c2 = rng.uniform(.15, .45, (2, m, 1))
            pts = np.stack([np.hstack([zero, one, one, 1 - c2, zero]),
                            np.hstack([zero, zero, 1 - c1, one, one])], -1)[:, None]
        elif name == "lshape":
            a, b = rng.uniform(.3, .5, (2, m, 1))
            pts = np.stack([np.hstack([zero, one, one, 1 - a, 1 - a, zero]),
                            np.hstack([zero, zero, 1 - b, 1 - b, one, one])], -1)[:, None]
        elif name == "multipart":  # a road cuts the parcel in two
            t = rng.uniform(.35, .65, (m, 1))
            left = np.stack([np.hstack([zero, t - .03, t - .03, zero]), np.hstack([zero, zero, one, one])], -1)
            right = np.stack([np.hstack([t + .03, one, one, t + .03]), np.hstack([zero, zero, one, one])], -1)
            pts = np.stack([left, right], 1)
        else:  # bowtie: the top tenth crosses itself (a digitizing error GEOS must repair)
            pts = np.stack([np.hstack([zero, one, one, zero, one, zero]),
                            np.hstack([zero, zero, .9 * one, one, one, .9 * one])], -1)[:, None]
        if name in ("bowtie", "multipart"):
            frac = np.full(m, .925 if name == "bowtie" else 0.94)
        else:
            # pull each vertex a little towards the centre so no parcel is a perfect rectangle (stays in its box)
            pts = 0.5 + (pts - 0.5) * (1 - rng.uniform(0, .04, pts.shape[:3] + (1,)))
            frac = ring_area(pts)
        out[k] = (sel, pts, frac)
    return out


def ring_area(pts):
    """Shoelace area of rings (..., k, 2), summed over parts; a bowtie's repaired area is estimated instead."""
    x, y = pts[..., 0], pts[..., 1]
    a = 0.5 * np.abs(np.sum(x * np.roll(y, -1, -1) - np.roll(x, -1, -1) * y, -1))
    return a.sum(-1)


def multipolygon_wkb(pts):
    """Little-endian WKB MultiPolygons for rings (n, parts, k, 2) of equal shape: one bytes object per row."""
    n, parts, k, _ = pts.shape
    fields = [("bo", "u1"), ("t", "<u4"), ("np", "<u4")]
    for p in range(parts):
        fields += [(f"bo{p}", "u1"), (f"t{p}", "<u4"), (f"nr{p}", "<u4"), (f"n{p}", "<u4"), (f"xy{p}", "<f8", (k + 1, 2))]
    rec = np.zeros(n, dtype=fields)
    rec["bo"], rec["t"], rec["np"] = 1, 6, parts
    for p in range(parts):
        rec[f"bo{p}"], rec[f"t{p}"], rec[f"nr{p}"], rec[f"n{p}"] = 1, 3, 1, k + 1
        rec[f"xy{p}"] = np.concatenate([pts[:, p], pts[:, p, :1]], 1)  # closed ring
    return rec.view(np.dtype((np.void, rec.dtype.itemsize))).tolist()


def rotate(x, y, theta):
    c, s = np.cos(theta), np.sin(theta)
    return x * c - y * s, x * s + y * c


def weighted_choice(rng, labels, probs, n):
    return np.asarray(labels)[np.searchsorted(np.cumsum(probs) / np.sum(probs), rng.random(n), side="right")]


class County:
    """Geometry of every county: template features translated to each county's offset."""

    def __init__(self, n_parcels):
        self.k = max(1, int(round(n_parcels / PARCELS_PER_COUNTY)))
        cols = int(math.ceil(math.sqrt(self.k)))
        idx = np.arange(self.k)
        self.offset = np.stack([ORIGIN[0] + (idx % cols - (cols - 1) / 2) * COUNTY_W,
                                ORIGIN[1] + (idx // cols) * COUNTY_H], -1)
        self.counts = np.diff(np.linspace(0, n_parcels, self.k + 1).round().astype(int))
        self.code = np.char.mod("%06d", 320115 + idx * 100)  # fictional county codes (320115 for the demo)

    def town_names(self):
        if self.k == 1:
            return np.array([TOWNS])
        return np.array([[f"{c}{t}" for t in TOWNS] for c in np.char.mod("%03d区", np.arange(1, self.k + 1))])


def _parcel_homes(rng, county):
    """(county index, home — park index or −1 for scattered —, size in 亩) of every parcel, county-major."""
    homes = np.array([p[4] for p in PARKS] + [SCATTERED_SHARE])
    county_of = np.repeat(np.arange(county.k), county.counts)
    n = len(county_of)
    # home of each parcel: exact shares per county (sorted order), then shuffled within the county
    cuts = np.cumsum(homes)[:-1]
    within = (np.arange(n) - np.repeat(np.cumsum(county.counts) - county.counts, county.counts)) / np.repeat(
        county.counts, county.counts)
    home = np.searchsorted(cuts, within, side="right")
    home[home == len(PARKS)] = -1
    mu = np.empty(n)
    for h, park in enumerate(PARKS):
        sel = home == h
        mu[sel] = lognormal_sizes(rng, sel.sum(), park[6], 0.9)
    sel = home == -1
    mu[sel] = lognormal_sizes(rng, sel.sum(), 8.0, 0.85, hi=300.0)
    big = (home == 0) & (rng.random(n) < 0.012)  # a few large plants in the base
    mu[big] = rng.uniform(150, 500, big.sum())
    return county_of, home, mu


class Groups:
    """The groups parcels are packed in: park sub-zones first (county-major, ids below base_id), then village
    clusters of scattered blocks (cluster_county: the county of each cluster)."""

    def __init__(self, rng, county, county_of, home):
        self.nsub = np.array([p[5] for p in PARKS])
        self.sub_first = np.r_[0, np.cumsum(self.nsub)[:-1]]
        self.zones_per_county = self.nsub.sum()
        n = len(county_of)
        group = np.full(n, -1, np.int64)
        park_sel = home >= 0
        sub = rng.integers(0, self.nsub[home[park_sel]])
        group[park_sel] = county_of[park_sel] * self.zones_per_county + self.sub_first[home[park_sel]] + sub
        # village clusters: sizes 1 + Poisson(2), cut per county (a loop per county, not per parcel)
        self.base_id = county.k * self.zones_per_county
        cluster_county = []
        scattered = np.flatnonzero(home == -1)  # county-major order, so each county's share is one slice
        bounds = np.searchsorted(county_of[scattered], np.arange(county.k + 1))
        for c in range(county.k):
            idx = scattered[bounds[c]:bounds[c + 1]]
            sizes = 1 + rng.poisson(2.5, len(idx))
            cid = np.searchsorted(np.cumsum(sizes), np.arange(len(idx)), side="right")
            group[idx] = self.base_id + len(cluster_county) + cid
            cluster_county += [c] * (cid.max() + 1 if len(idx) else 0)
        self.group = group
        self.cluster_county = np.array(cluster_county, int)


def _pack(rng, groups, area):
    """Shapes of every parcel and their packing in rows per group (pack_rows), as a namespace: kind, shapes,
    order/inv (packing order and back), gidx, x, y, w, d (parcel boxes), ex, ey (group extents), gids."""
    n = len(area)
    kind = np.searchsorted(np.cumsum(KIND_P), rng.random(n), side="right")
    shapes = unit_shapes(rng, kind)
    frac = np.empty(n)
    for sel, _, f in shapes.values():
        frac[sel] = f
    order, gidx, x, y, w, d, ex, ey = pack_rows(rng, groups.group, area / frac)
    inv = np.empty(n, int)
    inv[order] = np.arange(n)
    gids = groups.group[order][group_starts(groups.group[order])]  # group id of each packed group
    return SimpleNamespace(kind=kind, shapes=shapes, order=order, inv=inv, gidx=gidx, x=x, y=y, w=w, d=d, ex=ex,
                           ey=ey, gids=gids)


def _place_zones(rng, county, groups, pack):
    """Place the park sub-zones: two rows of zones side by side, then rotate the park and move it to its
    centre. Returns (tx, ty, th: translation and rotation of every packed group, filled for the zones;
    is_zone; park radius per county × park)."""
    nsub, sub_first, zones_per_county = groups.nsub, groups.sub_first, groups.zones_per_county
    gids, ex, ey = pack.gids, pack.ex, pack.ey
    tx, ty, th = np.zeros(len(gids)), np.zeros(len(gids)), np.zeros(len(gids))
    zone_ext = np.zeros((county.k * zones_per_county, 2))
    is_zone = gids < groups.base_id
    zone_ext[gids[is_zone]] = np.stack([ex[is_zone], ey[is_zone]], -1)
    zone_ext = zone_ext.reshape(county.k, zones_per_county, 2)
    zone_xy = np.zeros_like(zone_ext)
    park_radius = np.zeros((county.k, len(PARKS)))
    park_theta = rng.uniform(-0.5, 0.5, (county.k, len(PARKS)))
    for p in range(len(PARKS)):
        first, m = sub_first[p], nsub[p]
        e = zone_ext[:, first:first + m]
        ncol = min(2, m)
        for j in range(m):
            r, col = divmod(j, ncol)
            left = sum(e[:, i, 0] for i in range(r * ncol, j)) + col * 3 * ROAD
            bottom = e[:, :ncol, 1].max(1) + 3 * ROAD if r else 0.0
            shift = rng.uniform(-.15, .15, county.k) * e[:, j, 0] if r else 0.0
            zone_xy[:, first + j, 0] = left + e[:, j, 0] / 2 + shift
            zone_xy[:, first + j, 1] = bottom + e[:, j, 1] / 2
        lo = (zone_xy[:, first:first + m] - e / 2).min(1)
        hi = (zone_xy[:, first:first + m] + e / 2).max(1)
        zone_xy[:, first:first + m] -= ((lo + hi) / 2)[:, None]
        park_radius[:, p] = np.hypot(*((hi - lo) / 2).T)
    zc = np.arange(county.k * zones_per_county) // zones_per_county
    zp = np.repeat(np.arange(len(PARKS)), nsub)[np.arange(county.k * zones_per_county) % zones_per_county]
    zth = park_theta[zc, zp]
    zx, zy = rotate(zone_xy[..., 0].ravel(), zone_xy[..., 1].ravel(), zth)
    centre = PARK_CENTRES
    tx[is_zone] = (zx + centre[zp, 0])[gids[is_zone]]
    ty[is_zone] = (zy + centre[zp, 1])[gids[is_zone]]
    th[is_zone] = zth[gids[is_zone]]
    return tx, ty, th, is_zone, park_radius


def _place_clusters(rng, county, groups, pack, placed):
    """Place the village clusters (in place in `placed` = tx, ty, th, is_zone, park_radius): one per free grid
    cell, cells near a park excluded, cells near towns preferred."""
    tx, ty, th, is_zone, park_radius = placed
    gx, gy = np.meshgrid(np.arange(-COUNTY_W / 2 + CELL / 2, COUNTY_W / 2, CELL),
                         np.arange(-COUNTY_H / 2 + CELL / 2, COUNTY_H / 2, CELL))
    cells = np.stack([gx.ravel(), gy.ravel()], -1)
    near_town = np.min(np.hypot(*(cells[:, None] - TOWN_XY[None]).transpose(2, 0, 1)), 1)
    weight = np.exp(-near_town / 2500.0) + 0.05
    cl = np.flatnonzero(~is_zone)
    cl_index = pack.gids[cl] - groups.base_id
    cl_cell = np.empty(len(cl_index), int)
    dist = np.hypot(*(cells[:, None] - PARK_CENTRES[None]).transpose(2, 0, 1))
    # clusters are county-major
    cl_bounds = np.searchsorted(groups.cluster_county[cl_index], np.arange(county.k + 1))
    for c in range(county.k):
        mine = np.arange(cl_bounds[c], cl_bounds[c + 1])
        free = np.all(dist > park_radius[c][None] + 1500.0, 1)
        key = np.where(free, -np.log(rng.random(len(cells))) / weight, np.inf)
        if len(mine) > free.sum():
            raise SystemExit(f"county {c}: {len(mine)} village clusters but only {free.sum()} free cells")
        cl_cell[mine] = np.argsort(key)[:len(mine)]
    diag = np.hypot(pack.ex[cl], pack.ey[cl])
    jitter = np.maximum(0.0, (CELL - diag) / 2)[:, None] * rng.uniform(-1, 1, (len(cl), 2))
    tx[cl], ty[cl] = (cells[cl_cell] + jitter).T
    th[cl] = rng.uniform(0, np.pi, len(cl))


def _parcel_geometry(county, county_of, pack, tx, ty, th):
    """(WKB of every parcel, its centre in the county frame), in the original parcel order: parcel frame ->
    group frame (centred) -> rotated -> county -> map coordinates."""
    n = len(county_of)
    inv, gidx, x, y, w, d, ex, ey = pack.inv, pack.gidx, pack.x, pack.y, pack.w, pack.d, pack.ex, pack.ey
    cnt = county_of[pack.order]
    geoms = np.empty(n, object)
    local_xy = np.empty((n, 2))
    for k, (orig, unit, _) in pack.shapes.items():
        sel = inv[orig]  # positions of these parcels in packing order
        g = gidx[sel]
        px = unit[..., 0] * w[sel, None, None] + (x[sel] - ex[g] / 2)[:, None, None]
        py = unit[..., 1] * d[sel, None, None] + (y[sel] - ey[g] / 2)[:, None, None]
        rx, ry = rotate(px, py, th[g][:, None, None])
        cx = rx + tx[g][:, None, None]
        cy = ry + ty[g][:, None, None]
        local_xy[sel] = np.stack([cx.mean((1, 2)), cy.mean((1, 2))], -1)
        mx = cx + county.offset[cnt[sel], 0][:, None, None]
        my = cy + county.offset[cnt[sel], 1][:, None, None]
        geoms[sel] = multipolygon_wkb(np.stack([mx, my], -1))
    # back to the original parcel order (county-major), so ids run in a stable, readable order
    return geoms[inv], local_xy[inv]


def _parcel_corners(county, county_of, pack, tx, ty, th):
    """Corners of each parcel's box in map coordinates (original parcel order): enough for the park hulls."""
    g, x, y, w, d = pack.gidx, pack.x, pack.y, pack.w, pack.d
    cnt = county_of[pack.order]
    bx = np.stack([x, x + w, x + w, x], -1) - (pack.ex[g] / 2)[:, None]
    by = np.stack([y, y, y + d, y + d], -1) - (pack.ey[g] / 2)[:, None]
    rx, ry = rotate(bx, by, th[g][:, None])
    return np.stack([rx + (tx[g] + county.offset[cnt, 0])[:, None], ry + (ty[g] + county.offset[cnt, 1])[:, None]],
                    -1)[pack.inv]


def make_parcels(rng, county):
    """Parcels of every county: geometry (WKB), area, home (park index or -1), town, county index."""
    county_of, home, mu = _parcel_homes(rng, county)
    groups = Groups(rng, county, county_of, home)
    area = mu * M2_PER_MU
    pack = _pack(rng, groups, area)
    placed = _place_zones(rng, county, groups, pack)
    _place_clusters(rng, county, groups, pack, placed)
    tx, ty, th = placed[:3]
    geoms, local_xy = _parcel_geometry(county, county_of, pack, tx, ty, th)
    corners = _parcel_corners(county, county_of, pack, tx, ty, th)
    town_idx = np.argmin(np.hypot(*(local_xy[:, None] - TOWN_XY[None]).transpose(2, 0, 1)), 1)
    group = groups.group
    parcels = pd.DataFrame({"county": county_of, "home": home, "zone": np.where(home >= 0, group, -1),
                            "kind": pack.kind, "area_m2": area, "lx": local_xy[:, 0], "ly": local_xy[:, 1],
                            "town_idx": town_idx})
    return parcels, geoms, corners


# --- geometry helpers through OGR (a handful of features per county) -------------------------------------------
def ogr_polygon(xy):
    ring = ogr.Geometry(ogr.wkbLinearRing)
    for px, py in np.vstack([xy, xy[:1]]):
        ring.AddPoint_2D(float(px), float(py))
    poly = ogr.Geometry(ogr.wkbPolygon)
    poly.AddGeometry(ring)
    return poly


def ogr_multipoint(xy):
    rec = np.zeros(len(xy), dtype=[("bo", "u1"), ("t", "<u4"), ("xy", "<f8", 2)])
    rec["bo"], rec["t"], rec["xy"] = 1, 1, xy
    head = np.array([(1, 4, len(xy))], dtype=[("bo", "u1"), ("t", "<u4"), ("n", "<u4")])
    return ogr.CreateGeometryFromWkb(head.tobytes() + rec.tobytes())


def as_multi(geom):
    return ogr.ForceToMultiPolygon(geom)


def make_parks(parcels, corners, county):
    """Park polygons: per sub-zone the hull of its parcels plus a road margin, merged per park."""
    rows = []
    zones_per_county = sum(p[5] for p in PARKS)
    in_park = parcels["home"].to_numpy() >= 0
    zone = parcels["zone"].to_numpy()[in_park]
    order = np.argsort(zone, kind="stable")
    pts = corners[in_park][order]
    zkeys = zone[order]
    starts = group_starts(zkeys)
    ends = np.r_[starts[1:], len(zkeys)]
    hulls = {}
    for s, e in zip(starts, ends):
        z = int(zkeys[s])
        hull = ogr_multipoint(pts[s:e].reshape(-1, 2)).ConvexHull().Buffer(30.0, 2)
        hulls.setdefault(divmod(z, zones_per_county), []).append(hull)
    park_of_zone = np.repeat(np.arange(len(PARKS)), [p[5] for p in PARKS])
    merged = {}
    for (c, zi), geoms in hulls.items():
        merged.setdefault((c, park_of_zone[zi]), []).extend(geoms)
    area_by_park = parcels[in_park].groupby(["county", "home"])["area_m2"].sum()
    names = county.town_names()
    for (c, p), geoms in sorted(merged.items()):
        union = geoms[0]
        for other in geoms[1:]:
            union = union.Union(other)
        # close the street gaps between sub-zones so a park is one piece
        union = union.Buffer(3 * ROAD, 2).Buffer(-3 * ROAD, 2)
        area = union.GetArea()
        centroid = union.Centroid()
        lx, ly = centroid.GetX() - county.offset[c, 0], centroid.GetY() - county.offset[c, 1]
        town = names[c, int(np.argmin(np.hypot(TOWN_XY[:, 0] - lx, TOWN_XY[:, 1] - ly)))]
        label = PARKS[p][0] if county.k == 1 else f"{c + 1:03d}区{PARKS[p][0]}"
        rows.append(dict(geom=as_multi(union), county=c, 园区名称=label, 园区类型=PARKS[p][1], 园区级别=PARKS[p][2],
                         所属街镇=town, 面积_km2=round(area / 1e6, 4),
                         工业用地占比=round(float(area_by_park.get((c, p), 0.0)) / area, 4)))
    return rows


def eco_template(rng):
    """The ecological red line of the county frame: a river corridor and a protected hill."""
    ctrl_x = np.array([-16000, -9000, -2500, 7500, 16000.0])
    ctrl_y = np.array([-5200, -3600, -2300, -3800, -8000.0])
    t = np.linspace(-COUNTY_W / 2, COUNTY_W / 2, 320)
    cy = np.interp(t, ctrl_x, ctrl_y)
    cy = np.convolve(np.pad(cy, 25, mode="edge"), np.ones(51) / 51, mode="valid") + 250 * np.sin(t / 1400.0)
    dx, dy = np.gradient(t), np.gradient(cy)
    norm = np.hypot(dx, dy)
    half = 240 + 60 * np.sin(t / 3100.0)
    left = np.stack([t - dy / norm * half, cy + dx / norm * half], -1)
    right = np.stack([t + dy / norm * half, cy - dx / norm * half], -1)
    river = np.vstack([left, right[::-1]])
    phi = np.linspace(0, 2 * np.pi, 60, endpoint=False)
    r = 950 * (1 + 0.18 * np.sin(3 * phi + rng.uniform(0, 6)) + 0.08 * np.sin(5 * phi + rng.uniform(0, 6)))
    hill = np.stack([-8400 + r * np.cos(phi), -6750 + r * np.sin(phi)], -1)
    return [("长河生态廊道", "河湖湿地", "二类管控区", river), ("青龙山", "山体林地", "一类管控区", hill)]


def boundary_star(rng):
    phi = np.linspace(0, 2 * np.pi, 90, endpoint=False)
    r = 13200 * (1 + 0.14 * np.sin(3 * phi + rng.uniform(0, 6)) + 0.07 * np.sin(7 * phi + rng.uniform(0, 6)))
    return np.stack([r * np.cos(phi), r * np.sin(phi)], -1)


def make_regions(rng, county, parks, star):
    """Eco red line and development boundary features, per county (the template moved to each offset)."""
    eco, dev = [], []
    template = eco_template(rng)
    park_geoms = {}
    for row in parks:
        park_geoms.setdefault(row["county"], []).append(row["geom"])
    phi = np.linspace(0, 2 * np.pi, 40, endpoint=False)
    wetland = 650 * (1 + 0.15 * np.sin(4 * phi + rng.uniform(0, 6)))
    wetland = np.stack([wetland * np.cos(phi), wetland * np.sin(phi)], -1)
    for c in range(county.k):
        off = county.offset[c]
        # a wetland park on the east edge of the base: it cuts through parcels, so some are partly inside
        minx, maxx, miny, maxy = park_geoms[c][0].GetEnvelope()
        features = template + [("东湖湿地", "湿地公园", "二类管控区", wetland + (maxx + 200, (miny + maxy) / 2) - off)]
        for name, kind, grade, xy in features:
            label = name if county.k == 1 else f"{c + 1:03d}区{name}"
            eco.append(dict(geom=as_multi(ogr_polygon(xy + off)), 名称=label, 类型=kind, 管控类别=grade))
        boundary = ogr_polygon(star + off)
        for g in park_geoms.get(c, []):
            boundary = boundary.Union(g.Buffer(800.0, 4))
        dev.append(dict(geom=as_multi(boundary), 名称="城镇开发边界", 区县代码=str(county.code[c])))
    return eco, dev


def inside_star(rng_star, lx, ly):
    """Whether county-frame points fall inside the boundary star (parks are inside by construction)."""
    phi = np.linspace(0, 2 * np.pi, len(rng_star), endpoint=False)
    r = np.hypot(rng_star[:, 0], rng_star[:, 1])
    ang = np.mod(np.arctan2(ly, lx), 2 * np.pi)
    return np.hypot(lx, ly) < np.interp(ang, np.r_[phi, 2 * np.pi], np.r_[r, r[0]])


def make_pois(rng, county, parcels):
    """Public-service points: most near town centres, some around parks, the rest anywhere in the county."""
    per = np.maximum(1, (0.3 * county.counts).round().astype(int))
    c = np.repeat(np.arange(county.k), per)
    n = len(c)
    where = rng.random(n)
    centre = np.array([p[3] for p in PARKS], float)
    xy = np.where(
        (where < .55)[:, None], TOWN_XY[rng.integers(0, len(TOWNS), n)] + rng.normal(0, 1500, (n, 2)),
        np.where((where < .8)[:, None], centre[rng.integers(0, len(PARKS), n)] + rng.normal(0, 1500, (n, 2)),
                 rng.uniform(-.5, .5, (n, 2)) * [COUNTY_W, COUNTY_H]))
    kind = weighted_choice(rng, *POI_TYPES, n)
    seq = np.char.mod("%04d", np.arange(1, n + 1))
    names = np.char.add(np.char.add(kind.astype(str), "-"), seq)
    pts = np.zeros(n, dtype=[("bo", "u1"), ("t", "<u4"), ("xy", "<f8", 2)])
    pts["bo"], pts["t"], pts["xy"] = 1, 1, xy + county.offset[c]
    return pts.view(np.dtype((np.void, pts.dtype.itemsize))).tolist(), {"名称": names, "类型": kind}


# --- attributes ---------------------------------------------------------------------------------------------------
def parcel_ids(county, parcels):
    seq = parcels.groupby("county").cumcount().to_numpy() + 1
    code = county.code[parcels["county"].to_numpy()]
    town = np.char.mod("%03d", parcels["town_idx"].to_numpy() + 1)
    return np.char.add(np.char.add(np.char.add(code, town), "GB"), np.char.mod("%05d", seq))


def yes_no(mask):
    """是/否 as a categorical: a million-row table keeps two strings, not a Python object per cell."""
    return pd.Categorical.from_codes(np.asarray(mask, dtype=np.int8), ["否", "是"])


def _tenancy(rng, parcels, pids):
    """Who sits where: (land of every firm in 亩, in a park, parcel key, parcel row or −1) — tenants spread over
    the occupied parcels, then the firms matching no parcel (about 2.5 %)."""
    n = len(parcels)
    mu = parcels["area_m2"].to_numpy() / M2_PER_MU
    in_park = parcels["home"].to_numpy() >= 0
    occupied = rng.random(n) >= np.where(in_park, .05, .12)
    # larger parcels hold more tenants (standard multi-storey factories are let to several firms)
    base = 0.08 + 0.35 * np.clip(np.log(mu / 15.0), 0, None)
    lam = np.minimum(base * max(0.0, 1.22 * n - occupied.sum()) / base[occupied].sum(), 6.0)
    tenants = np.where(occupied, 1 + rng.poisson(lam), 0)
    pidx = np.repeat(np.arange(n), tenants)
    m_matched = len(pidx)
    share = rng.gamma(2.0, size=m_matched)
    share /= np.bincount(pidx, share, n)[pidx]
    n_un = int(round(0.025 * m_matched / 0.975))
    land_mu = np.r_[share * mu[pidx], lognormal_sizes(rng, n_un, 8.0, 0.8, hi=200.0)]
    park = np.r_[in_park[pidx], np.zeros(n_un, bool)]
    # unmatched firms carry ids in the county's pattern with sequence numbers no parcel has
    un_src = rng.integers(0, n, n_un)
    un_ids = np.char.add(pids[un_src].astype("U9"), np.char.mod("GB9%04d", rng.integers(0, 10000, n_un)))
    return land_mu, park, np.r_[pids[pidx], un_ids], np.r_[pidx, np.full(n_un, -1)]


def _firm_economy(rng, land_mu, park):
    """Industry, status and the economic figures of every firm (a namespace of arrays): output scaled by a
    vitality that closed, new and idle firms lack, tax, profit, assets, employees, plot ratio, resources."""
    m = len(land_mu)
    ind = INDUSTRIES
    ii = np.where(park, np.searchsorted(np.cumsum(ind.p_park) / ind.p_park.sum(), rng.random(m), side="right"),
                  np.searchsorted(np.cumsum(ind.p_scatter) / ind.p_scatter.sum(), rng.random(m), side="right"))
    f = SimpleNamespace(m=m, land_mu=land_mu, col={c: ind[c].to_numpy()[ii] for c in ind.columns})
    col = f.col
    f.status = weighted_choice(rng, *STATUSES, m)
    f.closed = np.isin(f.status, list(CLOSED))
    f.active = ~f.closed
    f.new = f.active & (rng.random(m) < .02)
    f.idle = f.active & ~f.new & (rng.random(m) < .06)
    vit = np.exp(0.75 * rng.standard_normal(m))
    vit = np.where(np.isin(f.status, ["吊销", "注销"]), 0.0, vit)
    vit = np.where(f.status == "停业", vit * .03, vit)
    vit = np.where(f.new, vit * rng.uniform(.05, .4, m), vit)
    vit = np.where(f.idle, vit * rng.uniform(.2, .6, m), vit)
    f.output = land_mu * col["out_mu"] * vit
    f.revenue = f.output * rng.uniform(.9, 1.1, m)
    f.value_added = f.output * col["va_ratio"] * rng.uniform(.85, 1.15, m)
    f.tax = f.output * col["tax_rate"] * np.exp(np.clip(.45 * rng.standard_normal(m), -1.2, 1.1))
    refund = f.active & (rng.random(m) < .006)  # VAT refunds leave a few firms with negative tax
    f.tax[refund] = -rng.uniform(1, 30, refund.sum())
    margin = rng.normal(.055, .06, m)
    f.net_profit = np.where(f.closed, -rng.uniform(0, 50, m), f.revenue * margin)
    f.assets = np.maximum(f.output, land_mu * 30) * rng.uniform(.6, 1.6, m)
    f.debt = np.where(f.closed, rng.beta(7, 3, m), rng.beta(5.5, 4.5, m))
    f.high_tech = f.active & (rng.random(m) < col["p_hightech"] * np.where(f.output > 5000, 1.5, 1.0))
    employees = np.where(f.closed, rng.integers(0, 6, m),
                         np.maximum(3, f.output / col["productivity"] * np.exp(.35 * rng.standard_normal(m))))
    f.employees = np.where(f.new, rng.integers(5, 60, m), employees).round()
    pr = np.clip(col["plot_ratio"] * np.exp(.45 * rng.standard_normal(m)), .2, 3.0)
    f.pr = np.where(f.new, pr * rng.uniform(.3, .7, m), pr).clip(.2, 3.0)
    f.density = np.minimum(rng.uniform(.25, .6, m), f.pr)
    f.land_m2 = land_mu * M2_PER_MU
    f.idle_share = np.select([f.closed, f.idle, f.new, rng.random(m) < .1],
                             [rng.uniform(.7, 1, m), rng.uniform(.3, .9, m), rng.uniform(.2, .6, m),
                              rng.uniform(0, .15, m)], 0.0)
    f.water = f.output * col["water"] * np.exp(.35 * rng.standard_normal(m))
    f.energy = f.output * col["energy"] * np.exp(.3 * rng.standard_normal(m))
    return f


def _figure_columns(rng, f):
    """The enterprise table's land, economic and resource columns (floor_area … strategic_output)."""
    m, col, land_m2, output, revenue = f.m, f.col, f.land_m2, f.output, f.revenue
    employees, high_tech = f.employees, f.high_tech
    return {
        "floor_area": land_m2 * f.pr, "footprint_area": land_m2 * f.density,
        "green_area": land_m2 * rng.uniform(.05, .2, m), "idle_area": land_m2 * f.idle_share,
        "output_value": output, "value_added": f.value_added, "revenue": revenue, "tax": f.tax,
        "net_profit": f.net_profit, "total_assets": f.assets, "total_liabilities": f.assets * f.debt,
        "fixed_investment": f.assets * rng.uniform(.02, .15, m),
        "industrial_investment": f.assets * rng.uniform(.4, 1.2, m),
        "rd_expense": revenue * np.where(high_tech, rng.uniform(.03, .08, m), rng.uniform(.002, .02, m)),
        "employees": employees,
        "talent_count": (employees * (rng.uniform(.03, .15, m) + .15 * high_tech)).round(),
        "insured_employees": (employees * rng.uniform(.7, 1.0, m)).round(),
        "staff_turnover": np.where(f.closed, rng.uniform(.5, .9, m), rng.uniform(.05, .35, m)),
        "patents": rng.poisson(employees * np.where(high_tech, .08, .015)),
        "bidding_record": rng.poisson(np.minimum(1 + output / 5000, 20)),
        "industrial_potential": np.clip(rng.normal(55 + 25 * col["strategic"], 14, m), 0, 100),
        "chain_efficiency": np.clip(rng.normal(60 + 10 * col["dominant"], 13, m), 0, 100),
        "electricity": output * col["elec"] * np.exp(.3 * rng.standard_normal(m)) + f.land_mu * .05,
        "water": f.water, "energy": f.energy,
        "emissions": f.energy * .02 * np.exp(.5 * rng.standard_normal(m)),
        "wastewater": f.water * rng.uniform(.5, .85, m),
        "solid_waste": output * col["solid"] * np.exp(.4 * rng.standard_normal(m)),
        "strategic_output": np.minimum(output, output * col["strategic"] * rng.uniform(.5, 1.2, m)),
    }


def _check_columns(rng, f, prow, parcel_veto):
    """The enterprise table's type, status and yes/no columns; a firm on a parcel shares the parcel's
    certificate, quota and plan checks (`parcel_veto`), a firm matching no parcel draws its own."""
    m, col, idle, closed = f.m, f.col, f.idle, f.closed
    psel = np.maximum(prow, 0)
    env_fail_rate = .012 * col["env_risk"]
    return {
        "enterprise_type": weighted_choice(rng, *ENTERPRISE_TYPES, m),
        "registration_status": f.status,
        "above_scale": yes_no(f.revenue >= 2000), "high_tech": yes_no(f.high_tech),
        "legal_certificate": yes_no(~np.where(prow >= 0, parcel_veto["legal_certificate"][psel], rng.random(m) < .015)),
        "plan_quota": yes_no(~np.where(prow >= 0, parcel_veto["plan_quota"][psel], rng.random(m) < .01)),
        "spatial_plan": yes_no(~np.where(prow >= 0, parcel_veto["spatial_plan"][psel], rng.random(m) < .015)),
        "contract_fulfilled": yes_no(rng.random(m) >= np.where(idle | closed, .08, .012)),
        "safety_ok": yes_no(rng.random(m) >= .015),
        "environment_ok": yes_no(rng.random(m) >= env_fail_rate),
        "nimby_ok": yes_no(rng.random(m) >= .004 * col["env_risk"]),
        "construction_ok": yes_no(rng.random(m) >= .015),
        "eia_passed": yes_no(rng.random(m) >= .02 * col["env_risk"]),
        "safety_evaluated": yes_no(rng.random(m) >= .035),
        "dominant_sector": yes_no(col["dominant"] == 1),
        "management_ok": yes_no(f.active & ~idle & (f.net_profit >= 0) & (rng.random(m) >= .05)),
        "new_project": yes_no(f.new),
    }


def make_enterprises(rng, parcels, pids, inside_boundary):
    """Firms on parcels (some parcels vacant, some multi-tenant, some firms matching no parcel)."""
    n = len(parcels)
    land_mu, park, parcel_key, prow = _tenancy(rng, parcels, pids)
    f = _firm_economy(rng, land_mu, park)
    m = f.m
    # 18-character unified social credit codes (91 + region + MA + serial + check character; not checksummed)
    check = np.array(list("0123456789ABCDEFGHJKLMNPQRTUWXY"))[rng.integers(0, 31, m)]
    firm_ids = np.char.add(np.char.add("91320115", np.char.mod("MA%07X", rng.permutation(m) + 0x1A0000)), check)
    parcel_veto = {k: rng.random(n) < np.where(inside_boundary, r, 4 * r)
                   for k, r in (("legal_certificate", .015), ("plan_quota", .01), ("spatial_plan", .015))}
    # The columns in FIRM_COLUMNS order; the draws happen in that order too (the sample depends on it).
    df = {"parcel_id": parcel_key, "enterprise_id": firm_ids, "enterprise_name": firm_names(rng, f.col["code"]),
          "industry_code": f.col["code"]}
    df.update(_figure_columns(rng, f))
    df.update(_check_columns(rng, f, prow, parcel_veto))
    df = pd.DataFrame(df)
    for name, rate in MISSING.items():
        df.loc[rng.random(m) < rate, name] = np.nan
    df = tidy_numbers(df)
    for name in ("industry_code", "enterprise_type", "registration_status"):
        df[name] = df[name].astype("category")
    # firms in a stable but not parcel-sorted order, as a department export would list them
    df = df.iloc[rng.permutation(m)].reset_index(drop=True)
    return df, prow


def firm_names(rng, codes):
    brand1 = np.array(list("华瑞恒达鑫盛宏泰博创新金天正宇嘉兴永海联通科美源"))
    brand2 = np.array(list("丰辉远成德昌隆信安运晟合邦普锐驰祥和润"))
    words = {"39": "电子", "36": "汽车部件", "38": "电气", "27": "医药", "40": "仪器", "35": "智能装备", "34": "机械",
             "26": "化工", "33": "金属制品", "29": "塑胶", "30": "建材", "31": "钢铁", "17": "纺织", "18": "服饰",
             "13": "食品", "22": "纸业"}
    m = len(codes)
    trade = np.vectorize(words.get)(codes)
    suffix = np.where(rng.random(m) < .15, "股份有限公司", "有限公司")
    name = np.char.add(np.char.add(brand1[rng.integers(0, len(brand1), m)], brand2[rng.integers(0, len(brand2), m)]),
                       trade)
    return np.char.add(np.char.add("示范", name), suffix)


INT_COLUMNS = ("employees", "talent_count", "insured_employees", "patents", "bidding_record")
ROUNDING = {"staff_turnover": 3, "industrial_potential": 1, "chain_efficiency": 1}


def tidy_numbers(df):
    """Round as department tables do: money and quantities to 2 decimals, counts as integers."""
    for name in df.columns:
        if name in INT_COLUMNS:
            df[name] = df[name].astype(float).round().astype("Int64")
        elif df[name].dtype.kind == "f":
            df[name] = df[name].round(ROUNDING.get(name, 2))
    return df


def parcel_flags(rng, parcels, firms, prow):
    """Local reports and ongoing redevelopment, more likely on parcels that pay little tax per 亩."""
    n = len(parcels)
    matched = prow >= 0
    tax = np.bincount(prow[matched], np.nan_to_num(firms["tax"].to_numpy(float)[matched]), n)
    tax_mu = tax / (parcels["area_m2"].to_numpy() / M2_PER_MU)
    vacant = np.bincount(prow[matched], minlength=n) == 0
    p_rep = .02 + .12 * (tax_mu < 2) + .15 * vacant
    p_prog = .012 + .05 * (tax_mu < 3) + .05 * vacant
    return yes_no(rng.random(n) < p_rep), yes_no(rng.random(n) < p_prog)


# --- writers ------------------------------------------------------------------------------------------------------
OGR_TYPES = {"U": ogr.OFTString, "O": ogr.OFTString, "i": ogr.OFTInteger64, "f": ogr.OFTReal}


def write_layer(ds, name, geom_type, geoms, columns):
    """One layer: geometries (WKB bytes or OGR geometries) and attribute columns, in one transaction."""
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(EPSG)
    layer = ds.CreateLayer(name, srs, geom_type, ["FID=fid", "GEOMETRY_NAME=geom"])
    names = list(columns)
    for field in names:
        kind = np.asarray(columns[field]).dtype.kind
        layer.CreateField(ogr.FieldDefn(field, OGR_TYPES[kind]))
    defn = layer.GetLayerDefn()
    values = [np.asarray(columns[f]).tolist() for f in names]
    layer.StartTransaction()
    for i, geom in enumerate(geoms):
        feat = ogr.Feature(defn)
        feat.SetGeometryDirectly(ogr.CreateGeometryFromWkb(geom) if isinstance(geom, bytes) else geom.Clone())
        for j, vals in enumerate(values):
            feat.SetField(j, vals[i])
        layer.CreateFeature(feat)
    layer.CommitTransaction()


def write_gpkg(path, layers):
    if os.path.exists(path):
        os.remove(path)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    for name, geom_type, geoms, columns in layers:
        write_layer(ds, name, geom_type, geoms, columns)
    ds = None


def rows_layer(rows, keys):
    return [r["geom"] for r in rows], {k: np.array([r[k] for r in rows]) for k in keys}


def write_xlsx(path, df):
    """The enterprise table as an Excel sheet through OGR's XLSX driver (typed cells, empty where missing)."""
    if os.path.exists(path):
        os.remove(path)
    ds = ogr.GetDriverByName("XLSX").CreateDataSource(path)
    layer = ds.CreateLayer("企业名录", None, ogr.wkbNone)
    kinds = []
    for name in df.columns:
        kind = df[name].dtype.kind
        ftype = ogr.OFTInteger64 if str(df[name].dtype) == "Int64" else OGR_TYPES.get(kind, ogr.OFTString)
        layer.CreateField(ogr.FieldDefn(name, ftype))
        kinds.append(ftype)
    defn = layer.GetLayerDefn()
    cols = [df[c].astype(object).where(df[c].notna(), None).tolist() for c in df.columns]
    for i in range(len(df)):
        feat = ogr.Feature(defn)
        for j, vals in enumerate(cols):
            if vals[i] is not None:
                feat.SetField(j, vals[i])
        layer.CreateFeature(feat)
    ds = None


def content_digest(out_dir):
    """sha256 of what was generated: the CSV's bytes and every GeoPackage feature (attributes and WKB).

    Feature content rather than the GeoPackage's bytes, so the digest does not depend on the GDAL version
    that wrote the file (the XLSX is a zip with timestamps, and a copy of the CSV).
    """
    h = hashlib.sha256()
    with open(os.path.join(out_dir, "enterprises.csv"), "rb") as fh:
        h.update(fh.read())
    ds = ogr.Open(os.path.join(out_dir, "sample_county.gpkg"))
    for i in range(ds.GetLayerCount()):
        layer = ds.GetLayerByIndex(i)
        defn = layer.GetLayerDefn()
        h.update(layer.GetName().encode())
        srs = layer.GetSpatialRef()  # by its code: the WKT a GDAL version stores may differ in detail
        h.update(f"{srs.GetAuthorityName(None)}:{srs.GetAuthorityCode(None)}".encode())
        h.update("|".join(defn.GetFieldDefn(j).GetName() for j in range(defn.GetFieldCount())).encode())
        for feat in layer:
            h.update(repr([feat.GetField(j) for j in range(defn.GetFieldCount())]).encode())
            h.update(feat.GetGeometryRef().ExportToIsoWkb())
    return h.hexdigest()


def generate(n_parcels=2000, seed=20240501, out_dir=None, xlsx=True, log=print):
    """Generate every file into out_dir; returns a summary dict (counts, timings, digest)."""
    t0 = time.time()
    # gpkg_contents.last_change would otherwise hold the current time and change the file's bytes
    gdal.SetConfigOption("OGR_CURRENT_DATE", "2024-05-01T00:00:00.000Z")
    os.makedirs(out_dir, exist_ok=True)
    rng = np.random.default_rng(seed)
    county = County(n_parcels)
    parcels, geoms, corners = make_parcels(rng, county)
    parks = make_parks(parcels, corners, county)
    star = boundary_star(rng)
    eco, dev = make_regions(rng, county, parks, star)
    inside = (parcels["home"].to_numpy() >= 0) | inside_star(star, parcels["lx"].to_numpy(), parcels["ly"].to_numpy())
    poi_geoms, poi_cols = make_pois(rng, county, parcels)
    pids = parcel_ids(county, parcels)
    firms, prow = make_enterprises(rng, parcels, pids, inside)
    reported, in_progress = parcel_flags(rng, parcels, firms, prow)
    t_gen = time.time() - t0

    towns = county.town_names()[parcels["county"].to_numpy(), parcels["town_idx"].to_numpy()]
    headers = catalogue_headers()
    parcel_cols = dict(zip([headers[c] for c in PARCEL_COLUMNS], (pids, towns, reported, in_progress)))
    parcel_cols["地类名称"] = np.full(len(pids), "工业用地")
    gpkg = os.path.join(out_dir, "sample_county.gpkg")
    write_gpkg(gpkg, [
        ("parcels", ogr.wkbMultiPolygon, geoms, parcel_cols),
        ("parks", ogr.wkbMultiPolygon, *rows_layer(parks, ["园区名称", "园区类型", "园区级别", "所属街镇", "面积_km2",
                                                          "工业用地占比"])),
        ("eco_redline", ogr.wkbMultiPolygon, *rows_layer(eco, ["名称", "类型", "管控类别"])),
        ("dev_boundary", ogr.wkbMultiPolygon, *rows_layer(dev, ["名称", "区县代码"])),
        ("pois", ogr.wkbPoint, poi_geoms, poi_cols),
    ])
    table = firms[list(FIRM_COLUMNS)].rename(columns=headers)
    table.to_csv(os.path.join(out_dir, "enterprises.csv"), index=False, encoding="gbk")
    wrote_xlsx = xlsx and len(table) <= EXCEL_MAX_ROWS
    if xlsx and not wrote_xlsx:
        log(f"enterprises.xlsx skipped: {len(table)} rows exceed Excel's limit of {EXCEL_MAX_ROWS}")
    if wrote_xlsx:
        write_xlsx(os.path.join(out_dir, "enterprises.xlsx"), table)
    summary = dict(parcels=len(parcels), counties=county.k, parks=len(parks), firms=len(firms),
                   unmatched_firms=int((prow < 0).sum()), vacant_parcels=int(len(parcels) - len(np.unique(prow[prow >= 0]))),
                   multipart=int((parcels.kind == KINDS.index("multipart")).sum()),
                   invalid=int((parcels.kind == KINDS.index("bowtie")).sum()),
                   outside_boundary=int((~inside).sum()), generate_s=round(t_gen, 1),
                   total_s=round(time.time() - t0, 1))
    return summary


def main(argv=None):
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--parcels", type=int, default=2000, help="number of parcels (default 2000)")
    ap.add_argument("--seed", type=int, default=20240501, help="random seed (default 20240501)")
    ap.add_argument("--out", default=os.path.join(here, "..", "resources", "sample"), help="output folder")
    ap.add_argument("--no-xlsx", action="store_true", help="skip the XLSX copy (slow for large tables)")
    ap.add_argument("--digest", action="store_true", help="print the content digest (same seed, same digest)")
    args = ap.parse_args(argv)
    if args.parcels < 50:
        ap.error("--parcels must be at least 50 (the parks need a few parcels each)")
    summary = generate(args.parcels, args.seed, os.path.abspath(args.out), not args.no_xlsx)
    if args.digest:
        summary["digest"] = content_digest(os.path.abspath(args.out))
    for key, value in summary.items():
        print(f"{key}: {value}")


if __name__ == "__main__":
    sys.exit(main())
