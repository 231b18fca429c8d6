"""Veto criteria (一票否决): yes/no or numeric conditions any one of which makes a parcel inefficient.

An official list cannot read "not known" as "passed": a veto whose value is missing for a parcel (the table has
no such column, or the cell is empty) is *unknown*, and the configuration's `veto_unknown` policy decides what
that means — verify (default: not failed, but needs_verification = 1 and listed), pass or fail.
"""
import numpy as np
import pandas as pd

from .conditions import fields_of, truth
from .frames import columns_of, side_by_side
from .tables import join_labels


def join_ids(hits, ids):
    """';'-joined ids of the True columns of a parcels × rules boolean matrix, in rule order ("" if none)."""
    return join_labels(np.where(hits, np.arange(len(ids)), -1), list(ids))


def veto_truths(df, cfg):
    """parcels × vetoes matrix of 1 (the veto fires), 0 (passed) and NaN (not known: a value it reads is
    missing). A field the table lacks counts as missing for every parcel."""
    names = {name for veto in cfg.vetoes for name in fields_of(veto.when)}
    absent = [name for name in names if name not in df.columns]
    if absent:
        # The veto fields (not copied, core.frames) with an empty column for each absent one.
        df = side_by_side(columns_of(df, lambda c: c in names)
                          + [pd.Series(np.nan, index=df.index, name=name) for name in absent], df.index)
    out = np.zeros((len(df), len(cfg.vetoes)))
    for j, veto in enumerate(cfg.vetoes):
        out[:, j] = truth(veto.when, df, f"vetoes[{j}] ({veto.id}).when")
    return out


def check_vetoes(df, cfg):
    """`veto_failed` (0/1), `veto_reasons` (failed veto ids, ';'-joined), `veto_unknown` (ids of the vetoes
    that could not be checked for want of a value) and `needs_verification` (0/1).

    Under cfg.veto_unknown = fail an unknown veto counts as failed (and is in veto_reasons); under pass as
    passed; under verify (the default) as not failed, and the parcel needs verification.
    """
    ids = [v.id for v in cfg.vetoes]
    truths = veto_truths(df, cfg)
    unknown = np.isnan(truths)
    failed = truths == 1.0
    if cfg.veto_unknown == "fail":
        failed |= unknown
    verify = unknown.any(axis=1) if cfg.veto_unknown == "verify" else np.zeros(len(df), dtype=bool)
    return pd.DataFrame({"veto_failed": failed.any(axis=1).astype("int64"), "veto_reasons": join_ids(failed, ids),
                         "veto_unknown": join_ids(unknown, ids), "needs_verification": verify.astype("int64")},
                        index=df.index)
