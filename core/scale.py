"""Scale levels of industrial parks (SPEC §3.8): industrial base, industrial community, industrial block.

County paper §3.1 (county-industrial-land-performance-paper.en.txt line 84): a base (产业基地) is a park in a
development or high-tech zone, "the total land area generally exceeds 4 km²"; a community (产业社区) is a park
"at the municipal level or above" outside the bases, "typically greater than 1 km²"; blocks are "smaller
industrial parks below the municipal level, and other scattered industrial lands". The level is therefore set by
the park's *standing*; the areas are what such parks usually measure. Our reading (docs/methods.md, "Scale
levels"): standing decides and an area outside the usual range is reported, not acted on; only a park whose
standing cannot be read is levelled by its area, and every such park is named in a warning.

Jiangning (jiangning-inefficient-land-index-paper.zh.txt lines 174–179) sets planning *targets* for the industrial
share of the land: above 60 % in an industrial park, about 50 % in an industrial community. They are reported
against the park (share_target, meets_share_target), never used to demote it.
"""
from dataclasses import dataclass

import numpy as np
import pandas as pd

from . import labels
from .errors import QT_TRANSLATE_NOOP, LandEvalError, Problem, Problems, Term
from .tables import to_text
from .units import M2_PER_UNIT

LEVELS = ("base", "community", "block")
RANKS = ("national", "provincial", "municipal", "county", "town")
# Ranks at or above this one make a park a community (county paper: "at the municipal level or above").
_COMMUNITY_RANKS = frozenset({"national", "provincial", "municipal"})

# Words of a zone type (or level) naming a development or high-tech zone: such a park is a base.
DEV_ZONE_WORDS = ("开发区", "高新区", "经开区", "高新技术产业", "development zone", "development_zone",
                  "high-tech", "high_tech", "hi-tech", "high tech", "economic and technological")
# Administrative standing written inside a longer text (国家级经济技术开发区, 市级工业园区, 镇级工业集中点).
# Only the explicit "…级" forms: a bare 市 or 镇 also occurs in 城市型 / 城镇型 (Jiangning's two kinds of
# industrial community), which say nothing about standing.
RANK_WORDS = (
    ("national", ("国家级", "国家", "national")),
    ("provincial", ("省级", "provincial")),
    ("municipal", ("地市级", "市级", "municipal", "city-level", "city level")),
    ("county", ("县级", "区级", "县区级", "county", "district")),
    ("town", ("乡镇级", "镇级", "乡级", "街道级", "村级", "town", "village")),
)
# A level column often holds the bare word (市, 县, 镇): accepted there as the whole value only.
RANK_VALUES = {"国家": "national", "省": "provincial", "市": "municipal", "地市": "municipal", "县": "county",
               "区": "county", "县区": "county", "镇": "town", "乡": "town", "乡镇": "town", "街道": "town",
               "村": "town", "city": "municipal", "township": "town"}
# A table that already names the level (产业基地 …) keeps it.
LEVEL_WORDS = (("产业基地", "base"), ("industrial base", "base"), ("产业社区", "community"),
               ("工业社区", "community"), ("industrial community", "community"), ("产业街坊", "block"),
               ("零星工业", "block"), ("industrial block", "block"))

# Jiangning lines 174–179: 工业用地的占比应超过60% (park) / 控制在50%左右 (community). "About 50 %" is read as
# 40–60 % (our choice, docs/methods.md "Scale levels"): the band reaches up to the park target.
BASE_SHARE_TARGET = 0.6
COMMUNITY_SHARE_TARGET = 0.5
COMMUNITY_SHARE_TOLERANCE = 0.1

PARK_FIELD_LABELS = labels.entries("scale.park_field")


@dataclass
class ParkLevels:
    table: pd.DataFrame  # per park: standing_rank, dev_zone, level, level_basis, share_target, meets_share_target
    warnings: list


def _area_km2(parks):
    if "area_km2" in parks.columns:
        return pd.to_numeric(parks["area_km2"], errors="coerce").to_numpy(dtype=float)
    if "area_m2" in parks.columns:
        return pd.to_numeric(parks["area_m2"], errors="coerce").to_numpy(dtype=float) / M2_PER_UNIT["km2"]
    raise LandEvalError("The park table needs an area_km2 or area_m2 column to tell bases, communities "
                        "and blocks apart.")


def _text(parks, column):
    """Lower-case stripped text of a column ("" where missing or the column is absent)."""
    if column not in parks.columns:
        return pd.Series("", index=parks.index, dtype=object)
    return to_text(parks[column]).fillna("").str.strip().str.lower()


def _contains_any(text, words):
    """Boolean ndarray: the text holds one of `words` (case-insensitive, already lower-cased)."""
    hit = np.zeros(len(text), dtype=bool)
    for word in words:
        hit |= text.str.contains(word.lower(), regex=False).to_numpy(dtype=bool)
    return hit


def read_rank(text, whole_values=False):
    """Administrative standing (one of RANKS, or None) read from a text column. The most senior word wins
    (国家级 before 市级), so 国家级…市… is national. `whole_values`: also accept a bare 市 / 县 / 镇 as the
    whole value (a level column)."""
    rank = np.full(len(text), None, dtype=object)
    for name, words in RANK_WORDS:
        rank[(rank == None) & _contains_any(text, words)] = name  # noqa: E711 - elementwise on objects
    if whole_values:
        bare = text.map(RANK_VALUES).to_numpy(dtype=object)
        take = (rank == None) & pd.notna(bare)  # noqa: E711
        rank[take] = bare[take]
    return rank


def read_named_level(text):
    """The level a text names outright (产业基地 → base …), else None."""
    level = np.full(len(text), None, dtype=object)
    for word, name in LEVEL_WORDS:
        level[(level == None) & _contains_any(text, (word,))] = name  # noqa: E711
    return level


def classify_parks(parks_df, base_km2=4, community_km2=1, type_column="zone_type", level_column="zone_level",
                   level_label=None):
    """Level of every park from its standing (zone type and/or level column), else from its area.

    Columns: area_km2 or area_m2 (required); `type_column` (e.g. 国家级经济技术开发区, 市级工业园区) and
    `level_column` (国家级 / 省级 / 市级 / 县级 / 镇级 …), each optional; industrial_share (0–1, optional).
    base      = a development or high-tech zone (or a type naming 产业基地);
    community = a park at municipal level or above that is not a base;
    block     = a park below municipal level (county, town);
    a park whose standing cannot be read: area > base_km2 base, > community_km2 community, else block
    (level_basis = "area"), and a warning lists every value that could not be placed.
    Areas outside the usual range of a level set by standing are listed in a warning.
    `level_label`: the level field's name in the user's layer, for messages (default `level_column`).
    """
    if not 0 < community_km2 <= base_km2:
        raise LandEvalError("Scale thresholds must satisfy 0 < community ({community_km2} km²) ≤ base ({base_km2} "
                            "km²).", community_km2=community_km2, base_km2=base_km2)
    area = _area_km2(parks_df)
    kind, grade = _text(parks_df, type_column), _text(parks_df, level_column)
    named = read_named_level(kind)
    dev_zone = _contains_any(kind, DEV_ZONE_WORDS) | _contains_any(grade, DEV_ZONE_WORDS)
    # The level column is the more deliberate statement of standing; the type's words fill in where it is silent.
    rank = read_rank(grade, whole_values=True)
    grade_unread = (grade != "").to_numpy() & (rank == None) & ~_contains_any(grade, DEV_ZONE_WORDS)  # noqa: E711
    from_type = read_rank(kind)
    rank = np.where(rank == None, from_type, rank)  # noqa: E711

    by_standing = np.where(named != None, named, np.where(  # noqa: E711
        dev_zone, "base", np.where(pd.Series(rank).isin(_COMMUNITY_RANKS).to_numpy(), "community",
                                   np.where(rank != None, "block", None))))  # noqa: E711
    with np.errstate(invalid="ignore"):
        by_area = np.where(area > base_km2, "base", np.where(area > community_km2, "community", "block"))
    known = by_standing != None  # noqa: E711
    level = np.where(known, by_standing, by_area).astype(object)
    table = pd.DataFrame({
        "standing_rank": rank,
        "dev_zone": np.where((kind == "").to_numpy() & (grade == "").to_numpy() & ~dev_zone, np.nan,
                             dev_zone.astype(float)),
        "level": level,
        "level_basis": np.where(known, "standing", "area").astype(object),
    }, index=parks_df.index)
    warnings = _unplaced_warnings(parks_df, kind, grade, known, level, type_column, level_column)
    if (grade_unread & known).any():
        # The type placed these parks, but a level value nobody could read may hide a data error: name it too.
        values = sorted(set(to_text(parks_df[level_column]).to_numpy(dtype=object)[grade_unread & known]))
        warnings.append(Problem("Level value(s) {values} of field {field} name no standing (国家级/省级/市级/县级/镇级); "
                                "the zone type set the level of those {count} park(s).",
                                values=", ".join(repr(v) for v in values), field=level_label or level_column,
                                count=int((grade_unread & known).sum())))
    warnings += _area_warnings(parks_df, area, level, known, base_km2, community_km2)
    share = (pd.to_numeric(parks_df["industrial_share"], errors="coerce").to_numpy(dtype=float)
             if "industrial_share" in parks_df.columns else np.full(len(parks_df), np.nan))
    table["share_target"], table["meets_share_target"] = share_targets(level, share)
    return ParkLevels(table, warnings)


def park_levels(parks_df, base_km2=4, community_km2=1, **columns):
    """`level` per park ("base", "community" or "block"), a Series on the table's index (see classify_parks)."""
    return classify_parks(parks_df, base_km2, community_km2, **columns).table["level"].rename("level")


def share_targets(level, share, base_share=BASE_SHARE_TARGET, community_share=COMMUNITY_SHARE_TARGET,
                  tolerance=COMMUNITY_SHARE_TOLERANCE):
    """(target, meets) per park: Jiangning's planning target for the industrial share of its level and whether
    the park's share meets it (1/0; NaN for blocks, which have no target, and for an unknown share).
    Base: share > base_share ("应超过60%"); community: within ±tolerance of community_share ("50%左右")."""
    level = np.asarray(level, dtype=object)
    share = np.asarray(share, dtype=float)
    target = np.where(level == "base", base_share, np.where(level == "community", community_share, np.nan))
    with np.errstate(invalid="ignore"):
        meets = np.where(level == "base", share > base_share, np.abs(share - community_share) <= tolerance + 1e-12)
    meets = np.where(np.isnan(target) | np.isnan(share), np.nan, meets.astype(float))
    return target, meets


def _names(parks_df, positions):
    """A short list of park names (a name column if there is one, else row numbers) for messages."""
    for column in ("name", "park_name", "园区名称", "名称", "park_id"):
        if column in parks_df.columns:
            names = to_text(parks_df[column]).fillna("?").to_numpy(dtype=object)[positions]
            break
    else:
        names = np.asarray([f"#{p + 1}" for p in positions], dtype=object)
    shown = ", ".join(str(n) for n in names[:10])
    return shown + (f", … ({len(positions)} in all)" if len(positions) > 10 else "")


def _unplaced_warnings(parks_df, kind, grade, known, level, type_column, level_column):
    """One warning listing every zone-type / level value that gave no standing, with the parks and the level
    their area gave them instead."""
    unplaced = ~known
    if not unplaced.any():
        return []
    has_columns = type_column in parks_df.columns or level_column in parks_df.columns
    if not has_columns:
        return [Problem("The park layer has no zone type or level field, so all {count} park(s) were levelled by "
                        "area alone (base > the base area, community > the community area). Name the zone type "
                        "field (ZONE_TYPE_FIELD, e.g. 国家级经济技术开发区, 市级工业园区) and/or the level field "
                        "(ZONE_LEVEL_FIELD: 国家级/省级/市级/县级/镇级) so that standing decides, as the county paper "
                        "does.", count=int(unplaced.sum()))]
    raw = (to_text(parks_df[type_column]) if type_column in parks_df.columns
           else pd.Series(None, index=parks_df.index, dtype=object)).fillna("")
    raw_level = (to_text(parks_df[level_column]) if level_column in parks_df.columns
                 else pd.Series(None, index=parks_df.index, dtype=object)).fillna("")
    pairs = pd.DataFrame({"type": raw.to_numpy(), "level": raw_level.to_numpy(), "got": level},
                         index=np.arange(len(level)))[unplaced]
    pieces = []
    for (t, lv), group in pairs.groupby(["type", "level"], sort=True):
        value = " / ".join(repr(v) for v in (t, lv) if v) or Term(QT_TRANSLATE_NOOP("LandEvalError", "empty"))
        got = ", ".join(f"{k} {n}" for k, n in group["got"].value_counts().items())
        pieces.append(Problem("{value} ({count} park(s): {names}; by area {got})", value=value, count=len(group),
                              names=_names(parks_df, group.index.to_numpy()), got=got))
    return [Problem("Zone type / level value(s) that name no standing (development or high-tech zone, 国家级/省级/"
                    "市级/县级/镇级): {pieces}. These parks were levelled by area alone. Correct the values, or give "
                    "the level field (ZONE_LEVEL_FIELD), so that standing decides.",
                    pieces=Problems(pieces, separator="; "))]


def _area_warnings(parks_df, area, level, known, base_km2, community_km2):
    """Parks levelled by standing whose area is outside what the county paper says such parks generally measure."""
    with np.errstate(invalid="ignore"):
        small_base = known & (level == "base") & ~(area > base_km2)
        small_community = known & (level == "community") & ~(area > community_km2)
        large_block = known & (level == "block") & (area > community_km2)
    out = []
    if small_base.any():
        out.append(Problem("{count} development/high-tech zone park(s) of {km2:g} km² or less are bases by "
                           "standing (the county paper: bases are 'generally' over {km2:g} km²): {names}.",
                           count=int(small_base.sum()), km2=base_km2,
                           names=_names(parks_df, np.flatnonzero(small_base))))
    if small_community.any():
        out.append(Problem("{count} park(s) at municipal level or above of {km2:g} km² or less are communities by "
                           "standing (the county paper: 'typically greater than {km2:g} km²'): {names}.",
                           count=int(small_community.sum()), km2=community_km2,
                           names=_names(parks_df, np.flatnonzero(small_community))))
    if large_block.any():
        out.append(Problem("{count} park(s) below municipal level larger than {km2:g} km² are blocks by standing: "
                           "{names}.", count=int(large_block.sum()), km2=community_km2,
                           names=_names(parks_df, np.flatnonzero(large_block))))
    return out
