"""The two things every reader and writer of the bridge shares: stopping on Cancel, and turning a pandas
column into the plain Python values QGIS and SQLite take."""
import pandas as pd

from ..core.errors import LandEvalError


class Canceled(LandEvalError):
    """The user pressed Cancel; nothing more is computed or written."""


def check_canceled(feedback):
    if feedback is not None and feedback.isCanceled():
        raise Canceled("Cancelled by the user / 用户已取消; the output was not completed.")


def python_values(series):
    """A column as a list of plain Python values with None for every kind of missing value."""
    if pd.api.types.is_bool_dtype(series.dtype):
        return series.astype(int).tolist()
    if pd.api.types.is_integer_dtype(series.dtype) and not isinstance(series.dtype, pd.api.extensions.ExtensionDtype):
        return series.tolist()
    values = series.astype(object)
    return values.where(series.notna(), None).tolist()
