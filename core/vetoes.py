"""Veto criteria (一票否决): yes/no or numeric conditions any one of which makes a parcel inefficient."""
import numpy as np
import pandas as pd

from .conditions import evaluate
from .tables import join_labels


def join_ids(hits, ids):
    """';'-joined ids of the True columns of a parcels × rules boolean matrix, in rule order ("" if none)."""
    return join_labels(np.where(hits, np.arange(len(ids)), -1), list(ids))


def check_vetoes(df, cfg):
    """`veto_failed` (1 if any veto of `cfg` holds, else 0) and `veto_reasons` (failed veto ids, ';'-joined).

    A veto whose field value is missing does not fire (a missing value never satisfies a condition); a
    field the table lacks is an error naming the veto.
    """
    ids = [v.id for v in cfg.vetoes]
    hits = np.zeros((len(df), len(ids)), dtype=bool)
    for j, veto in enumerate(cfg.vetoes):
        hits[:, j] = evaluate(veto.when, df, f"vetoes[{j}] ({veto.id}).when")
    return pd.DataFrame({"veto_failed": hits.any(axis=1).astype("int64"), "veto_reasons": join_ids(hits, ids)},
                        index=df.index)
