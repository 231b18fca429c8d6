"""A table's column read for display whether or not the table has it: as stripped text, as numbers, or as
labels of its codes — what the dossiers (core.dossier_data) and the Excel list (core.excel_list) print."""
import numpy as np
import pandas as pd

from . import labels


def text_column(frame, name):
    """A text column as stripped strings ("" for missing); "" everywhere when the column is absent."""
    if name not in frame:
        return pd.Series("", index=frame.index, dtype=object)
    return frame[name].fillna("").astype(str).str.strip().replace({"nan": "", "None": "", "NULL": ""})


def number_column(frame, name):
    """A column as numbers (NaN for what is not one); NaN everywhere when the column is absent."""
    if name not in frame:
        return pd.Series(np.nan, index=frame.index)
    return pd.to_numeric(frame[name], errors="coerce")


def coded_labels(frame, name, table):
    """Labels of a coded column through `table` ({code: label}); an unknown code is shown as it is."""
    codes = text_column(frame, name)
    return codes.map(table).fillna(codes)


def id_labels(frame, name, kind, cfg):
    """';'-joined rule or indicator ids of a column translated to Chinese labels joined with "；" (each
    distinct value translated once)."""
    codes = text_column(frame, name)
    return codes.map({u: labels.translate_ids(u, kind, "zh", cfg) for u in pd.unique(codes)})
