"""DataFrames assembled from existing columns without copying them.

At 10⁶ parcels every copy of the parcel table costs ~0.5 GB and a second or two, and pandas 1.5 copies more
often than it looks: selecting a list of names, deleting a column of a consolidated block, and concatenating
DataFrames (which consolidates every column of a type into one block) all copy. Concatenating Series does not:
each stays its own block, sharing its memory.
"""
import pandas as pd


def columns_of(frame, keep=lambda name: True):
    """The columns of `frame` whose name `keep` accepts, as Series sharing the frame's memory (by position, so
    that a name occurring twice is kept twice, as selecting by a list of names would)."""
    return [frame.iloc[:, k] for k, name in enumerate(frame.columns) if keep(name)]


def side_by_side(columns, index):
    """One DataFrame of `columns` (Series on `index`) sharing their memory; an empty one on `index` when there
    are none."""
    return pd.concat(columns, axis=1, copy=False) if columns else pd.DataFrame(index=index)
