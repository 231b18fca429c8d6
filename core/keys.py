"""Parcel and enterprise ids as join keys, and the short id lists that messages quote."""
import numpy as np
import pandas as pd


def key_strings(values):
    """Join keys as comparable strings: 101, 101.0 and " 101 " all become "101"; "0101" stays "0101".

    Parcel ids come as integers from a GeoPackage, as text from a CSV and as reals from Excel; without this
    the same id would not match across the three. Missing keys become None.
    """
    s = pd.Series(values)
    if pd.api.types.is_numeric_dtype(s.dtype) and not pd.api.types.is_bool_dtype(s.dtype):
        f = s.to_numpy(dtype=float, na_value=np.nan)
        ok = np.isfinite(f)
        integral = ok & (f == np.round(f))
        out = np.full(len(f), None, dtype=object)
        out[integral] = f[integral].astype(np.int64).astype(str)
        other = ok & ~integral
        out[other] = f[other].astype(str)
        return out
    missing = s.isna().to_numpy()
    text = s.astype(str).str.strip()
    # An Excel cell typed as a number can arrive as "101.0" inside an otherwise text column. Only cells with a
    # dot can be one: the regular expression, run on every cell, was most of the time of 10⁶ keys.
    dotted = text.str.contains(".", regex=False).to_numpy(dtype=bool)
    if dotted.any():
        text[dotted] = text[dotted].str.replace(r"^(-?\d+)\.0+$", r"\1", regex=True)
    out = text.to_numpy(dtype=object)
    out[missing | (text == "").to_numpy()] = None
    return out


def describe_positions(positions, ids, limit=10):
    """'3 (P01, P07, P09)' for a log line: how many, and the first few ids."""
    positions = np.asarray(positions, dtype=np.int64)
    shown = ", ".join(str(ids[p]) for p in positions[:limit])
    more = ", …" if len(positions) > limit else ""
    return f"{len(positions)} ({shown}{more})" if len(positions) else "0"


def is_numeric_key(values):
    """Whether ids come from a number field (integer or real), where 0001 cannot be written."""
    dtype = pd.Series(values).dtype if not hasattr(values, "dtype") else values.dtype
    return pd.api.types.is_numeric_dtype(dtype) and not pd.api.types.is_bool_dtype(dtype)


def without_leading_zeros(keys):
    """Key strings as numbers would print them: "0001" → "1", "000" → "0"; ids that are not all digits
    ("P01", "01A") and missing ones (None) stay as they are."""
    s = pd.Series(keys, dtype=object)
    digits = s.str.fullmatch(r"\d+").fillna(False).to_numpy(dtype=bool)
    out = s.to_numpy(dtype=object).copy()
    out[digits] = s[digits].str.lstrip("0").replace("", "0").to_numpy(dtype=object)
    return out
