import pytest

from landeval.core.catalogue import header_key, load_catalogue
from landeval.core.errors import LandEvalError

DESIGN_INDICATORS = (
    "plot_ratio building_density green_ratio idle_rate output_per_area tax_per_area value_added_per_area "
    "employees_per_area fixed_investment_per_area electricity_per_output water_per_output wastewater_per_output "
    "solid_waste_per_output debt_ratio labour_productivity value_added_per_energy value_added_per_emission "
    "rd_intensity above_scale_share high_tech_share strategic_output_share output_value tax net_profit "
    "total_assets talent_count insured_employees staff_turnover patents bidding_record industrial_investment "
    "industrial_potential chain_efficiency wastewater solid_waste enterprise_type registration_status "
    "poi_density redline_share"
).split()


def test_every_design_indicator_is_catalogued_with_labels():
    cat = load_catalogue()
    for iid in DESIGN_INDICATORS:
        entry = cat.indicators[iid]
        assert entry.zh and entry.en and entry.zh != iid
        assert entry.direction in ("benefit", "cost", "categorical")
    assert cat.label("tax_per_area") == "地均税收"
    assert cat.unit_of("tax_per_area", "km2") == "万元/平方千米"
    assert cat.indicators["plot_ratio"].inputs == ("floor_area", "area_m2")


def test_issue_aliases_resolve():
    cat = load_catalogue()
    headers = ["宗地编号", "总建筑面积", "总税收", "工业总产值", "就业人数", "闲置率", "foo"]
    assert cat.resolve_columns(headers) == {
        "parcel_id": "宗地编号", "floor_area": "总建筑面积", "tax": "总税收", "output_value": "工业总产值",
        "employees": "就业人数", "idle_rate": "闲置率",
    }
    assert cat.canonical_id("地块编号") == "parcel_id"
    assert cat.canonical_id("税收") == "tax"
    assert cat.canonical_id("从业人员") == "employees"
    assert cat.canonical_id("总产值（万元）") == "output_value"


def test_exact_ids_and_field_map_win():
    cat = load_catalogue()
    got = cat.resolve_columns(["税收", "tax", "产值2"], field_map={"output_value": "产值2"})
    assert got == {"tax": "tax", "output_value": "产值2"}
    with pytest.raises(LandEvalError, match="no column 'missing'"):
        cat.resolve_columns(["a"], field_map={"tax": "missing"})


def test_header_key_normalises():
    assert header_key(" 总产值 (万元) ") == header_key("总产值")
    assert header_key("ＴＡＸ") == "tax"


DESIGN_RAW = (
    "parcel_id enterprise_id enterprise_name industry_code town floor_area footprint_area green_area idle_area "
    "output_value value_added revenue tax net_profit total_assets total_liabilities fixed_investment "
    "industrial_investment rd_expense employees talent_count insured_employees staff_turnover patents "
    "bidding_record industrial_potential chain_efficiency electricity water energy emissions wastewater "
    "solid_waste strategic_output enterprise_type registration_status above_scale high_tech legal_certificate "
    "plan_quota spatial_plan contract_fulfilled safety_ok environment_ok nimby_ok construction_ok eia_passed "
    "safety_evaluated dominant_sector management_ok reported in_progress new_project redline_share "
    "inside_dev_boundary poi_count poi_density"
).split()


def test_every_design_raw_input_is_catalogued():
    cat = load_catalogue()
    for rid in DESIGN_RAW:
        entry = cat.raw[rid]
        assert entry.zh and entry.en and entry.aggregate
        assert entry.aliases[0] == entry.zh  # the Chinese header is the first alias
    veto_flags = ("legal_certificate plan_quota spatial_plan contract_fulfilled safety_ok environment_ok "
                  "nimby_ok construction_ok").split()
    assert all(cat.raw[f].aggregate == "all" for f in veto_flags)
    assert cat.raw["staff_turnover"].weight_by == "employees"
    assert cat.raw["enterprise_type"].aggregate == "dominant"
