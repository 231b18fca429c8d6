"""Pure-pandas rules of data assembly (SPEC §3.1–3.2) that do not need QGIS: the FIELD_MAP file, canonical
columns beside the original ones, parcel-id problems, area problems and the half-inside rule of the urban
development boundary. qgis_io.assemble applies them to what it reads from the layers."""
import numpy as np
import pandas as pd

from .catalogue import check_field_map, field_column, load_catalogue
from .config import parse_yaml
from .errors import LandEvalError, Problem
from .keys import describe_positions
from .tables import canonical_table

# A parcel is inside the urban development boundary when at least this share of its area is.
INSIDE_SHARE = 0.5


def load_field_map(path):
    """FIELD_MAP file: a YAML mapping {canonical id: column name}, e.g. {tax: 实缴税金, parcel_id: ZDBH}; an entry
    may state the column's unit: {tax: {field: 实缴税金, unit: 元}}."""
    if not path:
        return {}
    with open(path, encoding="utf-8-sig") as handle:
        data = parse_yaml(handle.read(), path)
    data = check_field_map(data, path)
    catalogue = load_catalogue()
    unknown = [k for k in data if catalogue.get(k) is None and k != "area_m2"]
    if unknown:
        raise LandEvalError("{path}: unknown field id(s) {unknown}; use the ids of "
                            "resources/presets/catalogue.yaml.", path=path, unknown=', '.join(map(str, unknown)))
    return data


def map_for(field_map, columns):
    """The part of a field map whose columns this table has (one map serves the parcel and enterprise tables)."""
    return {k: v for k, v in field_map.items() if field_column(v) in columns}


def canonical_with_originals(frame, field_map):
    """canonical_table(frame), with every original column kept too: a weight set may name a column by its
    header (field: 闲置率) while the rules use the canonical id."""
    canon, warnings = canonical_table(frame, map_for(field_map, frame.columns))
    for column in frame.columns:
        if column not in canon.columns:
            canon[column] = frame[column]
    return canon, warnings


def id_problems(keys, parcel_id):
    """Warnings for parcels without an id and ids used twice: each row is still evaluated on its own, but a
    result keyed by id would be ambiguous (an enterprise table naming such an id is an error, see above)."""
    out = []
    series = pd.Series(keys)
    missing = np.flatnonzero(series.isna().to_numpy())
    if len(missing):
        out.append(Problem("{count} parcel(s) have no {field}: no enterprise can join them. Fill in the ids.",
                           count=len(missing), field=parcel_id))
    repeated = series[series.duplicated(keep=False) & series.notna()]
    if len(repeated):
        ids = list(dict.fromkeys(repeated))
        shown = ", ".join(ids[:10]) + (", …" if len(ids) > 10 else "")
        out.append(Problem("{count} {field} value(s) occur more than once ({shown}): each row is evaluated as a "
                           "parcel of its own. Make the ids unique, or merge the parts of one parcel with "
                           "'Dissolve' by {field}.", count=len(ids), field=parcel_id, shown=shown))
    return out


def area_problems(repaired, area_m2, empty, keys):
    """Warnings for parcels whose geometry was repaired (positions `repaired`), has zero area or is missing
    (positions `empty`), named by their `keys`."""
    out = []
    if len(repaired):
        out.append(Problem("{parcels} invalid parcel geometries were repaired (makeValid) to measure them; the "
                           "output keeps the original geometry — fix it with 'Fix geometries' if it matters "
                           "elsewhere.", parcels=describe_positions(repaired, keys)))
    zero = np.flatnonzero(area_m2 == 0)
    if len(zero):
        out.append(Problem("{parcels} parcel(s) have zero area (a collapsed polygon): area and every per-area "
                           "indicator are missing for them. Fix or remove them.",
                           parcels=describe_positions(zero, keys)))
    if len(empty):
        out.append(Problem("{parcels} parcel(s) have no geometry: area and every per-area indicator are missing "
                           "for them.", parcels=describe_positions(empty, keys)))
    return out


def inside_boundary(share):
    """inside_dev_boundary from each parcel's share inside the boundary: 1 when at least half of the parcel lies
    inside, 0 when less, NaN when the share is unknown. A parcel cut by the boundary belongs where its bulk lies."""
    return np.where(np.isnan(share), np.nan, (share >= INSIDE_SHARE).astype(float))
