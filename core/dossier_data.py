"""What a parcel dossier (一宗一档) prints, as tables and texts (no QGIS).

`build_dossier(frame, cfg, selected, info)` takes every parcel of an evaluated layer (the output fields of
docs/design.md under their ids, `parcel_id` / `town` renamed as report_frame does) and returns, for the
parcels of `selected` only:

- `pages`: one row per parcel with the texts the layout's labels show (identity, result, notes, footer);
- `indicators`: one row per parcel × indicator of the weight set: value with unit, district median,
  normalized score, combined weight, weighted contribution and whether it is among the parcel's weakest;
- `elements`: one row per parcel × element: weight, sub-score and a bar drawn with block characters.

Normalized scores are not stored in the layer, so they are recomputed with the weight set over all parcels of
the layer (medians and min-max ranges are district-wide, as in the evaluation); `score_mismatch` counts the
parcels whose recomputed score differs from the layer's, which means the layer was evaluated with other
settings (another weight set, a NORMALIZATION override or GROUP_FIELD).
"""
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from . import labels
from .catalogue import load_catalogue
from .errors import Problem
from .frame_columns import coded_labels, id_labels, number_column, text_column
from .scoring import normalized_indicators, statistics_mask
from .units import M2_PER_UNIT, unit_label

MISSING = "—"
BAR_CELLS = 20          # a full element bar (sub-score 1.0) is 20 block characters
SCORE_TOLERANCE = 1e-6  # recomputed vs stored score; the layer stores doubles
PARCEL_SEP = "、"


@dataclass
class DossierData:
    pages: pd.DataFrame
    indicators: pd.DataFrame
    elements: pd.DataFrame
    score_mismatch: int = 0
    warnings: list = field(default_factory=list)


def fmt_values(values, digits=2):
    """Numbers as display text: thousands separators, `digits` decimals below 1 000 and none above, "—" for
    missing. Returns an object ndarray."""
    v = pd.to_numeric(pd.Series(values), errors="coerce").to_numpy(dtype=float)
    big = pd.Series(v).map("{:,.0f}".format)
    small = pd.Series(v).map(("{:,.%df}" % digits).format)
    out = np.where(np.abs(v) >= 1000, big, small)
    return np.where(np.isnan(v), MISSING, out).astype(object)


def _when(cond, yes, no=""):
    """Text `yes` where `cond`, else `no`, as an object array (so it concatenates with other text)."""
    return np.where(np.asarray(cond, dtype=bool), np.asarray(yes, dtype=object), np.asarray(no, dtype=object))


def indicator_label(fid, unit):
    """Chinese label of an indicator with its unit; per-area indicators read 亩均… when the unit is 亩."""
    catalogue = load_catalogue()
    name = catalogue.label(fid, "zh")
    if unit == "mu" and name.startswith("地均"):
        name = "亩均" + name[2:]
    unit_text = catalogue.unit_of(fid, unit, "zh")
    return f"{name}（{unit_text}）" if unit_text and unit_text not in ("fraction", "yes/no", "category") else name


def _filled_scores(scores, policy, reference):
    """The score matrix as the aggregation sees it under a missing-value policy (see core.scoring; the `mean`
    policy's means come from the `reference` rows)."""
    present = ~np.isnan(scores)
    if policy == "zero":
        return np.where(present, scores, 0.0)
    if policy == "mean":
        counted = present & reference[:, np.newaxis]
        counts = counted.sum(axis=0)
        means = np.where(counts > 0, np.where(counted, scores, 0.0).sum(axis=0) / np.maximum(counts, 1), np.nan)
        return np.where(present, scores, means[np.newaxis, :])
    return scores


def _contributions(normalized, cfg, reference):
    """(combined weights in `normalized`'s column order, every parcel's contribution per indicator, recomputed
    scores): contribution = w·s / Σw over the indicators that count for the parcel under the missing policy."""
    combined = cfg.combined_weights()
    weights = np.array([combined[i] for i in normalized.columns])
    filled = _filled_scores(normalized.to_numpy(dtype=float), cfg.missing, reference)
    used = ~np.isnan(filled)
    w = np.where(used, weights[np.newaxis, :], 0.0)
    total = w.sum(axis=1, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        contribution = np.where(used & (total > 0), w * np.nan_to_num(filled) / total, np.nan)
    recomputed = np.where(total[:, 0] > 0, np.nansum(contribution, axis=1), np.nan)
    return weights, contribution, recomputed


def _value_texts(frame, specs, sel, reference, norm_sel):
    """(values of the selected parcels as text, parcels × indicators; the district's median — mode for a
    categorical indicator — per indicator; per selected parcel the labels of the indicators it has a value
    for that could not be scored)."""
    value_text = np.empty((len(sel), len(specs)), dtype=object)
    median_text = np.empty(len(specs), dtype=object)
    unscored = pd.Series("", index=range(len(sel)), dtype=object)
    for j, spec in enumerate(specs):
        # One pass per indicator (a few dozen), each vectorised over the parcels; medians are district-wide.
        column = frame[spec.field] if spec.field in frame else pd.Series(np.nan, index=frame.index)
        if spec.direction == "categorical":
            text = column.fillna("").astype(str).str.strip()
            has_value = (text != "").to_numpy()[sel]
            value_text[:, j] = _when(has_value, text.to_numpy()[sel], MISSING)
            mode = text[(text != "") & reference].mode()
            median_text[j] = mode.iloc[0] if len(mode) else MISSING
        else:
            numbers = pd.to_numeric(column, errors="coerce")
            has_value = numbers.notna().to_numpy()[sel]
            value_text[:, j] = fmt_values(numbers.to_numpy()[sel])
            median_text[j] = fmt_values([numbers[reference].median()])[0]
        lost = has_value & np.isnan(norm_sel[:, j])
        label = load_catalogue().label(spec.id, "zh")
        unscored = unscored + _when(lost & (unscored != ""), PARCEL_SEP) + _when(lost, label)
    return value_text, median_text, unscored


def _weak_marks(frame, ids, sel):
    """Selected parcels × indicators: True where the indicator is among the parcel's `weakest`."""
    weakest = text_column(frame, "weakest").to_numpy()[sel]
    weak = np.zeros((len(sel), len(ids)), dtype=bool)
    for j, iid in enumerate(ids):
        weak[:, j] = pd.Series(";" + weakest + ";").str.contains(f";{iid};", regex=False).to_numpy()
    return weak


def indicator_table(frame, cfg, selected, unit):
    """(long table of the selected parcels' indicators, recomputed scores of every parcel, per selected parcel
    the labels of the indicators it has a value for that could not be scored, warnings).

    contribution = w·s / Σw over the indicators that count for the parcel, so under arithmetic aggregation the
    contributions of a parcel add up to its score; a missing indicator contributes nothing."""
    normalized, warnings = normalized_indicators(frame, cfg)
    ids = list(normalized.columns)
    # The district the parcels are scored against: those passing the vetoes (core.scoring.statistics_mask).
    reference = statistics_mask(frame)
    weights, contribution, recomputed = _contributions(normalized, cfg, reference)
    sel = np.flatnonzero(selected)
    n_sel, n_ind = len(sel), len(ids)
    specs = [spec for _, spec in cfg.indicators()]
    element_of = [element for element, _ in cfg.indicators()]
    norm_sel = normalized.to_numpy(dtype=float)[sel]
    value_text, median_text, unscored = _value_texts(frame, specs, sel, reference, norm_sel)
    weak = _weak_marks(frame, ids, sel)
    table = pd.DataFrame({
        "pid": np.repeat(text_column(frame, "parcel_id").to_numpy()[sel], n_ind),
        "seq": np.tile(np.arange(1, n_ind + 1), n_sel),
        "element": np.tile([cfg.label_of(e, "zh") for e in element_of], n_sel),
        "indicator": np.tile([indicator_label(s.id, unit) if not s.label else cfg.label_of(s, "zh") for s in specs],
                             n_sel),
        "value": value_text.ravel(),
        "median": np.tile(median_text, n_sel),
        "norm": fmt_values(norm_sel.ravel(), 3),
        "weight": fmt_values(np.tile(weights, n_sel), 3),
        "contrib": fmt_values(contribution[sel].ravel(), 3),
        "weak": weak.ravel().astype(np.int32),
    })
    table["mark"] = _when(table["weak"] == 1, "▼ 短板", "")
    return table, recomputed, unscored.to_numpy(), warnings


def element_table(frame, cfg, selected):
    """Long table of the selected parcels' element sub-scores (s_<element> of the layer) with text bars."""
    sel = np.flatnonzero(selected)
    rows = []
    for element in cfg.elements:
        score = number_column(frame, f"s_{element.id}").to_numpy(dtype=float)[sel]
        cells = np.rint(np.clip(np.nan_to_num(score), 0, 1) * BAR_CELLS).astype(int)
        bar = np.char.add(np.char.multiply("█", cells), np.char.multiply("░", BAR_CELLS - cells))
        rows.append(pd.DataFrame({
            "pid": text_column(frame, "parcel_id").to_numpy()[sel],
            "element": cfg.label_of(element, "zh"),
            "weight": fmt_values(np.full(len(sel), element.weight), 3),
            "score": fmt_values(score, 3),
            "bar": _when(np.isnan(score), MISSING, bar),
        }))
    if not rows:
        return pd.DataFrame(columns=["pid", "seq", "element", "weight", "score", "bar"])
    table = pd.concat(rows, keys=range(1, len(rows) + 1), names=["seq", None]).reset_index(level=0)
    return table.sort_values(["pid", "seq"], kind="stable").reset_index(drop=True)


def _lines(*parts):
    """Join Series of text lines with newlines, leaving out the empty ones."""
    out = None
    for part in parts:
        part = pd.Series(part).fillna("").astype(str)
        if out is None:
            out = part
            continue
        part.index = out.index
        out = out + _when((out != "") & (part != ""), "\n", "") + part
    return out


def _labelled(title, values):
    """'title：value' where value is non-empty, else ''."""
    return _when(values != "", title + "：" + values, "")


def identity_text(frame, unit, park):
    """Identity block: id, street, park, scale level, area in 亩 and m², enterprises."""
    area_m2 = number_column(frame, "area_m2")
    area_unit = number_column(frame, f"area_{unit}").fillna(area_m2 / M2_PER_UNIT[unit])
    mu = area_m2 / M2_PER_UNIT["mu"] if unit != "mu" else area_unit
    n_firms = number_column(frame, "n_enterprises")
    firms = pd.Series(_when(n_firms.isna(), MISSING, fmt_values(n_firms, 0) + " 家"), index=frame.index)
    name = text_column(frame, "enterprise_name")
    firms = firms.where(name == "", firms + "（" + name + "）")
    area = pd.Series(fmt_values(mu) + " 亩（" + fmt_values(area_m2, 0) + " m²）", index=frame.index)
    if unit != "mu":
        area = area + "；" + fmt_values(area_unit, 3) + " " + unit_label(unit, "zh")
    level = coded_labels(frame, "level", labels.value_labels("level"))
    return _lines(
        pd.Series("宗地编号：" + text_column(frame, "parcel_id"), index=frame.index),
        pd.Series(_labelled("所在街镇", text_column(frame, "town")), index=frame.index),
        pd.Series(_labelled("所在园区", pd.Series("" if park is None else park, index=frame.index, dtype=object)
                                     .fillna("").astype(str)), index=frame.index),
        pd.Series(_labelled("规模层级", level), index=frame.index),
        "用地面积：" + area,
        "用地企业：" + firms,
    )


def result_text(frame, cfg, decision_labels):
    """Result block: score against the threshold, vetoes, type and flags, category, tier, path, clearance zone,
    robustness class and probability of being inefficient (those last ones only when the layer has them)."""
    score = number_column(frame, "score")
    threshold = cfg.threshold
    if threshold is None or getattr(cfg, "identification", None) == "screening":
        # A rule set that identifies by screening does not compare the score with a threshold.
        versus = pd.Series("", index=frame.index)
    else:
        gap = score - threshold
        sign = _when(gap < 0, " < ", " ≥ ")
        versus = pd.Series(_when(score.isna(), "", sign + f"阈值 {threshold:.3f}（差 " + fmt_values(gap, 3) + "）"),
                           index=frame.index)
    rank = number_column(frame, "score_rank")
    score_line = ("综合得分：" + pd.Series(fmt_values(score, 3), index=frame.index) + versus +
                  pd.Series(_when(rank.isna(), "", "，排名 " + fmt_values(rank, 0)), index=frame.index))
    failed = number_column(frame, "veto_failed").fillna(0) == 1
    vetoes = id_labels(frame, "veto_reasons", "veto_reasons", cfg)
    veto_line = pd.Series(_when(failed, "一票否决：" + vetoes.where(vetoes != "", "是"), "一票否决：无"),
                          index=frame.index)
    type_label = coded_labels(frame, "ineff_type", labels.value_labels("ineff_type", "zh", cfg))
    flags = id_labels(frame, "ineff_flags", "ineff_flags", cfg)
    type_line = "低效类型：" + type_label.where(type_label != "", "无") + \
        pd.Series(_when(flags != "", "（标记：" + flags + "）", ""), index=frame.index)
    category = coded_labels(frame, "category", labels.value_labels("category", "zh", cfg))
    tier = coded_labels(frame, "tier", labels.value_labels("tier", "zh"))
    paths = decision_labels or {}
    path = coded_labels(frame, "path", paths.get("path", {}))
    reason = text_column(frame, "path_reason")
    zone = coded_labels(frame, "clearance_zone", paths.get("clearance_zone", {}))
    robust = coded_labels(frame, "robust_class", paths.get("robust_class") or labels.value_labels("robust_class"))
    p_ineff = number_column(frame, "p_inefficient")
    verify = number_column(frame, "needs_verification").fillna(0) == 1
    return _lines(
        score_line,
        veto_line,
        type_line,
        pd.Series(_labelled("认定类别", category), index=frame.index),
        pd.Series(_labelled("分级", tier), index=frame.index),
        pd.Series(_labelled("建议路径", path + _when(reason != "", "（" + reason + "）", "")), index=frame.index),
        pd.Series(_labelled("清退分区", zone), index=frame.index),
        pd.Series(_labelled("稳健性", robust), index=frame.index),
        pd.Series(_when(p_ineff.isna(), "", "低效概率：" + fmt_values(p_ineff * 100, 0) + "%"), index=frame.index),
        pd.Series(_when(verify, "待核实：是", ""), index=frame.index),
    )


def notes_text(frame, cfg, unscored):
    """Data-quality notes of each parcel: no enterprise joined, the weight set's indicators it lacks, those it
    has but that could not be scored (`unscored`: ';'-free Chinese labels joined by 、, per parcel), a score in
    the review band, a flag asking for verification."""
    names = {spec.id: spec.field for _, spec in cfg.indicators()}
    missing = pd.Series("", index=frame.index)
    for iid, column in names.items():
        lacks = (number_column(frame, column).isna() & (text_column(frame, column) == "")) if column in frame else \
            pd.Series(True, index=frame.index)
        label = load_catalogue().label(iid, "zh")
        missing = missing.where(~lacks, missing + _when(missing != "", PARCEL_SEP, "") + label)
    n_firms = number_column(frame, "n_enterprises")
    review = number_column(frame, "review").fillna(0) == 1
    verify = number_column(frame, "needs_verification").fillna(0) == 1
    unknown = id_labels(frame, "veto_unknown", "veto_reasons", cfg)
    notes = _lines(
        pd.Series(_when(n_firms.fillna(1) == 0, "未关联到企业数据，经济指标缺失", ""), index=frame.index),
        pd.Series(_when(missing != "", "缺失指标：" + missing + "（" + ("按权重重分配" if cfg.missing == "reweight"
                                                                       else "按方案缺失值规则") + "）", ""),
                  index=frame.index),
        pd.Series(_when(unscored != "", "有值但未能标准化（不计入得分）：" + unscored),
                  index=frame.index),
        pd.Series(_when(review, "得分在复核区间内（阈值以上 " + f"{cfg.review_band:g}" + " 内），建议复核", ""),
                  index=frame.index),
        pd.Series(_when(verify, "识别结果待现场核实", ""), index=frame.index),
        pd.Series(_when(unknown != "", "否决项数据缺失、待核实：" + unknown), index=frame.index),
    )
    return notes.where(notes != "", "无")


def build_dossier(frame, cfg, selected, info, park=None, decision_labels=None):
    """Tables and texts of the dossiers of the parcels where `selected` (bool array over `frame`) is true.

    info: weight_set (name), digest (sha256), run_date (text), area_unit. park: park name per parcel (or None).
    decision_labels: {field: {code: label}} for path, clearance_zone, robust_class (value maps of the layer).
    """
    selected = np.asarray(selected, dtype=bool)
    unit = info.get("area_unit") or "mu"
    indicators, recomputed, unscored, warnings = indicator_table(frame, cfg, selected, unit)
    stored = number_column(frame, "score").to_numpy(dtype=float)
    differs = np.abs(np.nan_to_num(recomputed, nan=-1.0) - np.nan_to_num(stored, nan=-1.0)) > SCORE_TOLERANCE
    mismatch = int((differs & selected).sum()) if cfg.aggregation == "arithmetic" else 0
    if mismatch:
        warnings.append(Problem("For {count} parcel(s) the score recomputed with weight set {name!r} differs from the "
                                "layer's score: the layer was evaluated with other settings (another weight set, a "
                                "NORMALIZATION override or GROUP_FIELD). The indicator tables show the "
                                "recomputation; give the PRESET or WEIGHT_SET the layer was evaluated with.",
                                count=mismatch, name=cfg.name))
    part = frame[selected]
    park_part = None if park is None else np.asarray(park, dtype=object)[selected]
    digest = str(info.get("digest") or "")
    footer = (f"评价日期 {info.get('run_date', '')} · 权重方案 {info.get('weight_set', cfg.name)} · "
              f"摘要 sha256 {digest[:16]}")
    pages = pd.DataFrame({
        "pid": text_column(part, "parcel_id").to_numpy(),
        "d_title": ("编号 " + text_column(part, "parcel_id")).to_numpy(),
        "d_identity": identity_text(part, unit, park_part).to_numpy(),
        "d_result": result_text(part, cfg, decision_labels).to_numpy(),
        "d_notes": notes_text(part, cfg, pd.Series(unscored, index=part.index)).to_numpy(),
        "d_footer": footer,
    })
    return DossierData(pages, indicators, element_table(frame, cfg, selected), mismatch, warnings)
