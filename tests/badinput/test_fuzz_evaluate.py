"""Fuzz landeval:evaluate with random parcel tables: random column types, nulls, placeholder and junk text,
Chinese text, huge and tiny numbers, negative values, odd geometries. Every run must either succeed with
every score in [0, 1] (or empty) and one output feature per parcel, or fail with a LandEval message — never a
Python error, never a changed input (the harness in conftest.py checks both on every example)."""
import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from qgis.PyQt.QtCore import QVariant

from .conftest import memory_layer, outcome

X0, Y0 = 500000.0, 3500000.0

# Headers LandEval recognises (numbers, a category, yes/no answers) and one it does not.
NUMERIC = ["总税收", "总产值", "总建筑面积", "从业人员", "闲置面积", "绿地面积", "建筑基底面积", "净利润", "用电量"]
CATEGORY = ["企业类型"]
YES_NO = ["是否有合法工业用地证", "是否符合安全要求"]
OTHER = ["备注"]

huge_tiny = st.sampled_from([1e300, -1e300, 1.7e308, 1e-300, -1e-300, 5e-324, 0.0, -0.0, 1e15, -1.0])
ordinary = st.floats(0, 1e5, allow_nan=False)
numbers = st.one_of(st.floats(-1e9, 1e9, allow_nan=False), huge_tiny, st.integers(-10**12, 10**12).map(float))
junk = st.one_of(
    st.sampled_from(["暂无", "—", "-", "/", "N/A", "1,234", "12万", "3.5亿", "5000元", "35%", "１２３", " 7 ", "约5",
                     "见附件", "无", "nan", "inf", "-inf", "1e400", "", "0x1F", "12万万"]),
    st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x9FFF, blacklist_categories=("Cs",)),
            max_size=8),
)
yes_no = st.sampled_from(["是", "否", "Y", "N", "1", "0", "符合", "不符合", "", None])
category = st.one_of(st.sampled_from(["国有企业", "民营企业", "外商投资企业", "其他", "个体工商户", "", None]), junk)
geometry = st.one_of(
    st.builds(lambda i, s: f"POLYGON(({X0 + 300 * i} {Y0},{X0 + 300 * i + s} {Y0},{X0 + 300 * i + s} {Y0 + s},"
                           f"{X0 + 300 * i} {Y0 + s},{X0 + 300 * i} {Y0}))",
              st.integers(0, 50), st.sampled_from([100.0, 1.0, 0.01, 250.0])),
    st.sampled_from([None, "POLYGON EMPTY",
                     f"POLYGON(({X0} {Y0},{X0 + 10} {Y0 + 10},{X0 + 10} {Y0},{X0} {Y0 + 10},{X0} {Y0}))"]),
)


@st.composite
def parcel_tables(draw):
    """(field specs, rows): a random subset of columns, each typed as text or number, 1–10 parcels."""
    n = draw(st.integers(1, 10))
    # Floor area, tax and output are always there (as numbers or text), so most examples can be scored.
    extra = draw(st.lists(st.sampled_from(NUMERIC[3:] + CATEGORY + YES_NO + OTHER), unique=True, max_size=6))
    columns = NUMERIC[:3] + extra
    specs, values = ["宗地编号:string"], [[f"P{i}" for i in range(n)]]
    for name in columns:
        if name in YES_NO:
            answers = st.one_of(yes_no, junk) if draw(st.booleans()) else yes_no
            specs.append(f"{name}:string")
            values.append(draw(st.lists(answers, min_size=n, max_size=n)))
        elif name in CATEGORY:
            specs.append(f"{name}:string")
            values.append(draw(st.lists(category, min_size=n, max_size=n)))
        elif draw(st.booleans()):
            specs.append(f"{name}:double")
            values.append(draw(st.lists(st.one_of(ordinary, numbers, st.none()), min_size=n, max_size=n)))
        else:
            specs.append(f"{name}:string")
            cells = st.one_of(ordinary.map(repr), numbers.map(repr), junk, st.none())
            values.append(draw(st.lists(cells, min_size=n, max_size=n)))
    geometries = draw(st.lists(geometry, min_size=n, max_size=n))
    rows = [(geometries[i], [col[i] for col in values]) for i in range(n)]
    return specs, rows


def _number(value):
    return None if value is None or isinstance(value, QVariant) else float(value)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(parcel_tables(), st.sampled_from(["jiangning", "county_table2", "zhejiang_mujun"]))
def test_evaluate_succeeds_in_range_or_fails_with_a_landeval_message(provider, table, preset):
    specs, rows = table
    layer = memory_layer("Polygon", "EPSG:4547", specs, rows, name="fuzz")
    result = outcome("evaluate", {"PARCELS": layer, "PARCEL_ID": "宗地编号", "PRESET": preset, "OUTPUT": "memory:"})
    if not result.ok:
        assert result.message.strip(), "an empty error message"
        return
    out = result.results["OUTPUT"]
    assert out.featureCount() == len(rows)
    for feature in out.getFeatures():
        score = _number(feature["score"])
        assert score is None or (math.isfinite(score) and 0.0 <= score <= 1.0), (feature["宗地编号"], score)
        area = _number(feature["area_m2"])
        assert area is None or (math.isfinite(area) and area >= 0.0)
        assert feature["tier"] in ("A", "B", "C", "D", "T")
