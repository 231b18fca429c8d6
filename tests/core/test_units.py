import numpy as np
import pytest

from landeval.core import units
from landeval.core.errors import LandEvalError


def test_mu_is_one_fifteenth_of_a_hectare():
    assert units.M2_PER_UNIT["mu"] == pytest.approx(666.6666666666666, abs=1e-12)
    assert units.from_m2(10000.0 / 15.0, "mu") == pytest.approx(1.0)


def test_one_square_kilometre_is_1500_mu_and_100_ha():
    assert units.from_m2(1.0e6, "mu") == pytest.approx(1500.0, rel=1e-12)
    assert units.from_m2(1.0e6, "ha") == pytest.approx(100.0)
    assert units.from_m2(1.0e6, "km2") == pytest.approx(1.0)


def test_arrays_round_trip():
    areas = np.array([0.0, 666.67, 1.0e4, 2.5e6])
    for unit in units.AREA_UNITS:
        np.testing.assert_allclose(units.to_m2(units.from_m2(areas, unit), unit), areas)


def test_labels_and_unknown_unit():
    assert units.unit_label("mu", "zh") == "亩"
    assert units.unit_label("km2", "en") == "km²"
    with pytest.raises(LandEvalError, match="mu, ha, km2"):
        units.from_m2(1.0, "acre")


# ------------------------------------------------------------------------------------------ units in headers
# Issue 18: "Parse the unit a header states (full- and half-width brackets, spaces, `单位:` forms)".
@pytest.mark.parametrize("header, unit", [
    ("税收总额（元）", "元"),                 # full-width brackets, as tax offices export
    ("工业总产值(万元)", "万元"),             # half-width
    ("工业总产值 ( 万元 )", "万元"),          # spaces inside and before
    ("用电量【万千瓦时】", "万千瓦时"),
    ("用电量[kWh]", "kWh"),
    ("税收总额（单位：万元）", "万元"),       # 单位: inside brackets
    ("税收总额 单位:元", "元"),               # 单位: after the name
    ("税收总额，单位：亿元", "亿元"),
    ("从业人员数（人）", "人"),
    ("工业总产值（万元）（2023年）", "万元"),   # the last bracket holding a unit
    ("税收总额", None),
])
def test_header_unit_forms(header, unit):
    assert units.header_unit(header) == unit


def test_bracketed_words_that_are_no_unit():
    assert units.header_unit("总产值（现价）") == "现价"
    assert not units.is_unit("现价") and not units.is_unit("2023年")
    assert units.is_unit("元/亩") and units.is_unit("ｋＷｈ") and units.is_unit("㎡")


# Every family of the issue: "money 元 / 千元 / 万元 / 亿元; area m² / 平方米 / 亩 / 公顷 / ha / km²; electricity
# kWh / 千瓦时 / 万千瓦时 / 万度 / MWh; water m³ / 吨 / 万吨; energy 吨标准煤 / 吨标煤 / tce / 万吨标准煤; emissions 吨 /
# 千克; people 人 / 万人; shares % vs fraction". Factors by hand: 1 万 = 10⁴, 1 亿 = 10⁸, 1 亩 = 10000/15 m²
# (docs/design.md), 1 MWh = 1000 kWh, 1 吨 of water = 1 m³.
@pytest.mark.parametrize("stated, target, factor", [
    ("元", "万元", 1.0e-4), ("千元", "万元", 0.1), ("万元", "万元", 1.0), ("亿元", "万元", 1.0e4),
    ("m²", "m²", 1.0), ("平方米", "m²", 1.0), ("亩", "m²", 10000.0 / 15.0), ("公顷", "m²", 1.0e4),
    ("ha", "m²", 1.0e4), ("km²", "m²", 1.0e6), ("km2", "m²", 1.0e6),
    ("kWh", "万kWh", 1.0e-4), ("千瓦时", "万kWh", 1.0e-4), ("万千瓦时", "万kWh", 1.0), ("万度", "万kWh", 1.0),
    ("MWh", "万kWh", 0.1),
    ("m³", "吨", 1.0), ("吨", "吨", 1.0), ("万吨", "吨", 1.0e4),
    ("吨标准煤", "吨标煤", 1.0), ("tce", "吨标煤", 1.0), ("万吨标准煤", "吨标煤", 1.0e4),
    ("千克", "吨", 1.0e-3),
    ("人", "人", 1.0), ("万人", "人", 1.0e4),
    ("%", "fraction", 0.01), ("fraction", "fraction", 1.0),
    ("元/亩", "万元/亩", 1.0e-4), ("万元/公顷", "万元/亩", 1.0 / 15.0), ("kWh/元", "万kWh/万元", 1.0),
])
def test_conversion_factors_of_every_family(stated, target, factor):
    assert units.conversion_factor(stated, target) == pytest.approx(factor, rel=1e-12)


@pytest.mark.parametrize("stated, target", [("亩", "万元"), ("元", "m²"), ("人", "吨"), ("%", "万元"),
                                            ("元/亩", "万元"), ("万元", "万元/亩"), ("%", "")])
def test_units_of_another_kind_do_not_convert(stated, target):
    # Issue 18: "A unit LandEval cannot convert to the catalogue's dimension (亩 given for an amount of money)".
    assert units.conversion_factor(stated, target) is None


def test_money_factor_of_money_units_and_ratios():
    assert units.money_factor("万元") == 1.0e4 and units.money_factor("万元/亩") == 1.0e4
    assert units.money_factor("元") == 1.0 and units.money_factor("万kWh/万元") is None


# Issue 13 (part G, step 2): English aliases carried Chinese units ("Tax per area (万元/mu)").
# 万元 is ten thousand yuan; 吨标煤 is tonnes of standard coal equivalent (tce); 亩 reads "mu".
def test_catalogue_units_read_in_english_part_by_part():
    assert units.unit_text("万元/亩", "en") == "10k yuan/mu"
    assert units.unit_text("万元/吨标煤", "en") == "10k yuan/tce"
    assert units.unit_text("万kWh/万元", "en") == "10k kWh/10k yuan"
    assert units.unit_text("吨/万元", "en") == "t/10k yuan"
    assert units.unit_text("个/km²", "en") == "count/km²"
    assert units.unit_text("fraction", "en") == "fraction"


def test_catalogue_units_stay_as_written_in_chinese():
    assert units.unit_text("万元/亩", "zh") == "万元/亩"


def test_every_catalogue_unit_has_an_english_text():
    import re

    from landeval.core.catalogue import load_catalogue

    catalogue = load_catalogue()
    for fid in list(catalogue.indicators) + list(catalogue.raw):
        for area in units.AREA_UNITS:
            text = catalogue.unit_of(fid, area, "en")
            assert not re.search(r"[\u4e00-\u9fff]", text), (fid, text)
    # The Chinese stays the catalogue's: tax_per_area is "万元/{area}" (catalogue.yaml).
    assert catalogue.unit_of("tax_per_area", "mu", "zh") == "万元/亩"
    assert catalogue.unit_of("tax_per_area", "mu", "en") == "10k yuan/mu"
