"""Calendar dates as parcel tables write them (2020-05-01, 2020/5/1, 2020.5.1, 2020年5月1日, 20200501, or an ISO
date-time from a QGIS date field), read column-wise into numpy datetime64[D]."""
import numpy as np
import pandas as pd

from .errors import LandEvalError

# Year, month, day with any one of the usual separators (or none, as in 20200501); a time part may follow.
_DATE = r"^\s*(\d{4})\s*[-/.年]?\s*(\d{1,2})\s*[-/.月]?\s*(\d{1,2})\s*日?(?:[ T].*)?$"


def parse_dates(values, field):
    """datetime64[D] array of `values`; empty cells are NaT. A cell that is not a date raises LandEvalError
    naming the field and the value, because a deadline read as "missing" would silently pass a check."""
    s = pd.Series(values, dtype=object)
    text = s.where(s.notna(), "").astype(str).str.strip()
    empty = text.isin(("", "nan", "NaT", "None", "NULL"))
    parts = text.str.extract(_DATE)
    stamps = pd.to_datetime(
        pd.DataFrame({"year": pd.to_numeric(parts[0], errors="coerce"),
                      "month": pd.to_numeric(parts[1], errors="coerce"),
                      "day": pd.to_numeric(parts[2], errors="coerce")}),
        errors="coerce",
    )
    bad = ~empty & stamps.isna()
    if bad.any():
        shown = ", ".join(repr(v) for v in pd.unique(text[bad])[:5])
        raise LandEvalError("{field}: {count} value(s) are not dates ({shown}); write them as 2020-05-01, "
                            "2020/5/1 or 2020年5月1日, or leave the cell empty.", field=field, count=int(bad.sum()),
                            shown=shown)
    return stamps.to_numpy(dtype="datetime64[D]")


def reference_date(value=None):
    """The evaluation date as datetime64[D]: `value` (anything parse_dates reads) or today."""
    if value is None or str(value).strip() == "":
        return np.datetime64(pd.Timestamp.today().date(), "D")
    return parse_dates([value], "evaluation date")[0]
