"""Scale levels of industrial parks (SPEC §3.8): industrial base, industrial community, industrial block.

County paper: a base (产业基地) lies in a development or high-tech zone and is generally larger than 4 km²; a
community (产业社区) is a park at municipal level or above outside the bases, generally larger than 1 km²;
everything else is a block (产业街坊 / 零星工业地块). Jiangning adds the industrial share of the land: parks
above 60 % are 工业园区, around 50 % 工业社区. Each criterion applies only when its column is present; a
missing value in a present column fails the criterion (the park falls to the lower level).
"""
import numpy as np
import pandas as pd

from .errors import LandEvalError
from .tables import to_text
from .units import M2_PER_UNIT

LEVELS = ("base", "community", "block")
# Zone types (zone_type column, compared case-insensitively) that can hold a base / a community.
BASE_ZONES = frozenset({
    "development_zone", "high_tech_zone", "开发区", "经济开发区", "经济技术开发区", "高新区",
    "高新技术产业开发区", "经开区", "产业基地",
})
COMMUNITY_ZONES = BASE_ZONES | frozenset({
    "municipal_park", "provincial_park", "national_park", "市级园区", "省级园区", "国家级园区", "工业园区",
    "产业园区", "产业社区", "工业社区",
})


def _area_km2(parks):
    if "area_km2" in parks.columns:
        return pd.to_numeric(parks["area_km2"], errors="coerce").to_numpy(dtype=float)
    if "area_m2" in parks.columns:
        return pd.to_numeric(parks["area_m2"], errors="coerce").to_numpy(dtype=float) / M2_PER_UNIT["km2"]
    raise LandEvalError("The park table needs an area_km2 or area_m2 column to tell bases, communities "
                        "and blocks apart.")


def park_levels(parks_df, base_km2=4, community_km2=1, base_share=0.6, community_share=0.5):
    """`level` per park: "base", "community" or "block" (a Series on the table's index).

    Columns: area_km2 or area_m2 (required); zone_type (optional; see BASE_ZONES, COMMUNITY_ZONES);
    industrial_share (optional, fraction of the park's land in industrial use).
    base      = area > base_km2 and a development/high-tech zone and industrial_share > base_share;
    community = not a base, area > community_km2, a park at municipal level or above and
                industrial_share ≥ community_share; block = the rest.
    """
    if not 0 < community_km2 <= base_km2:
        raise LandEvalError(f"Scale thresholds must satisfy 0 < community ({community_km2} km²) ≤ base "
                            f"({base_km2} km²).")
    area = _area_km2(parks_df)
    with np.errstate(invalid="ignore"):
        is_base = area > base_km2
        is_community = area > community_km2
    if "zone_type" in parks_df.columns:
        zone = to_text(parks_df["zone_type"]).str.lower()
        is_base &= zone.isin(BASE_ZONES).to_numpy()
        is_community &= zone.isin(COMMUNITY_ZONES).to_numpy()
    if "industrial_share" in parks_df.columns:
        share = pd.to_numeric(parks_df["industrial_share"], errors="coerce").to_numpy(dtype=float)
        with np.errstate(invalid="ignore"):
            is_base &= share > base_share
            is_community &= share >= community_share
    level = np.where(is_base, "base", np.where(is_community, "community", "block")).astype(object)
    return pd.Series(level, index=parks_df.index, name="level")
