"""The sample county: the generator is deterministic and the committed data has the stated properties."""
import importlib.util
import io
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from osgeo import ogr

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "sample"
M2_PER_MU = 10000 / 15


def _load_generator():
    spec = importlib.util.spec_from_file_location("make_sample", ROOT / "scripts" / "make_sample.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


make_sample = _load_generator()


def _features(path, layer):
    """Attributes as a DataFrame plus the OGR geometries of one GeoPackage layer."""
    ds = ogr.Open(str(path))
    lyr = ds.GetLayerByName(layer)
    defn = lyr.GetLayerDefn()
    names = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
    rows, geoms = [], []
    for feat in lyr:
        rows.append([feat.GetField(i) for i in range(len(names))])
        geoms.append(feat.GetGeometryRef().Clone())
    srs = lyr.GetSpatialRef()
    return pd.DataFrame(rows, columns=names), geoms, srs


@pytest.fixture(scope="module")
def parcels():
    df, geoms, srs = _features(SAMPLE / "sample_county.gpkg", "parcels")
    df["valid"] = [g.IsValid() for g in geoms]
    fixed = [g if g.IsValid() else g.MakeValid() for g in geoms]
    df["area_m2"] = [g.GetArea() for g in fixed]
    df["parts"] = [g.GetGeometryCount() for g in geoms]
    return df, fixed, srs


@pytest.fixture(scope="module")
def firms():
    raw = (SAMPLE / "enterprises.csv").read_bytes()
    return pd.read_csv(io.StringIO(raw.decode("gbk")), dtype={"宗地编号": str, "行业代码": str, "企业编号": str})


def test_same_seed_same_digest_other_seed_differs(tmp_path):
    runs = {}
    for name, seed in (("a", 11), ("b", 11), ("c", 12)):
        out = tmp_path / name
        make_sample.generate(300, seed, str(out), xlsx=False, log=lambda *_: None)
        runs[name] = make_sample.content_digest(str(out))
    assert runs["a"] == runs["b"]
    assert runs["a"] != runs["c"]


def test_committed_sample_is_what_the_generator_makes(tmp_path):
    make_sample.generate(2000, 20240501, str(tmp_path), xlsx=False, log=lambda *_: None)
    if make_sample.content_digest(str(tmp_path)) == make_sample.content_digest(str(SAMPLE)):
        return
    # Another numpy/GDAL (QGIS 3.40's trixie) may round transcendental functions differently in the last
    # bits, so fall back to the same data within a tolerance far below any unit the sample states.
    fresh = pd.read_csv(tmp_path / "enterprises.csv", encoding="gbk")
    committed = pd.read_csv(SAMPLE / "enterprises.csv", encoding="gbk")
    pd.testing.assert_frame_equal(fresh, committed, check_exact=False, rtol=1e-6)
    for layer in ("parcels", "parks", "eco_redline", "dev_boundary", "pois"):
        (df_new, geoms_new, _), (df_old, geoms_old, _) = _features(tmp_path / "sample_county.gpkg", layer), \
            _features(SAMPLE / "sample_county.gpkg", layer)
        pd.testing.assert_frame_equal(df_new, df_old, check_exact=False, rtol=1e-6)
        np.testing.assert_allclose([g.GetArea() for g in geoms_new], [g.GetArea() for g in geoms_old], rtol=1e-6)


def test_larger_sizes_tile_counties(tmp_path):
    summary = make_sample.generate(4000, 3, str(tmp_path), xlsx=False, log=lambda *_: None)
    assert summary["counties"] == 2 and summary["parks"] == 8 and summary["parcels"] == 4000
    df, geoms, _ = _features(tmp_path / "sample_county.gpkg", "parcels")
    assert df["宗地编号"].is_unique
    # counties sit side by side: no parcel of one county overlaps the other's extent
    xs = np.array([g.Centroid().GetX() for g in geoms])
    assert xs.max() - xs.min() > make_sample.COUNTY_W


def test_parcels_layer(parcels):
    df, geoms, srs = parcels
    assert srs.GetAuthorityCode(None) == "4547"
    assert len(df) == 2000 and df["宗地编号"].is_unique
    mu = df["area_m2"] / M2_PER_MU
    assert mu.min() >= 2.99 and mu.max() <= 500.01
    assert mu.max() > 300 and mu.min() < 3.2  # the whole stated range is used
    assert 5 <= (~df["valid"]).sum() <= 15  # a handful of self-intersecting rings to repair
    assert 5 <= (df["parts"] > 1).sum() <= 30  # a few multipart parcels
    assert set(df["是否地方上报"]) == {"是", "否"} and set(df["是否正在推进改造"]) == {"是", "否"}
    assert 0.03 < (df["是否地方上报"] == "是").mean() < 0.12
    assert 0.01 < (df["是否正在推进改造"] == "是").mean() < 0.06
    assert df["街镇"].nunique() == 6
    # parcels do not overlap: the union of all parcels has (almost) the summed area
    union = ogr.Geometry(ogr.wkbMultiPolygon)
    for g in geoms:
        for i in range(g.GetGeometryCount()):
            union.AddGeometry(g.GetGeometryRef(i))
    assert union.UnionCascaded().GetArea() == pytest.approx(df["area_m2"].sum(), rel=1e-6)


def test_parks_have_the_three_levels(parcels):
    parks, park_geoms, _ = _features(SAMPLE / "sample_county.gpkg", "parks")
    assert len(parks) == 4
    km2 = np.array([g.GetArea() / 1e6 for g in park_geoms])
    np.testing.assert_allclose(parks["面积_km2"], km2, atol=1e-3)
    assert (km2 > 4).sum() == 1 and ((km2 > 1) & (km2 < 4)).sum() == 2 and (km2 < 1).sum() == 1
    assert set(parks["园区级别"]) == {"国家级", "省级", "市级", "镇级"}
    assert parks["工业用地占比"].between(0.3, 0.8).all()
    df, geoms, _ = parcels
    in_park = np.array([any(g.Centroid().Within(p) for p in park_geoms) for g in geoms])
    assert 0.55 < in_park.mean() < 0.75  # the rest are scattered blocks


def test_redline_and_boundary_cut_through_parcels(parcels):
    df, geoms, _ = parcels
    _, eco, _ = _features(SAMPLE / "sample_county.gpkg", "eco_redline")
    _, dev, _ = _features(SAMPLE / "sample_county.gpkg", "dev_boundary")
    share = np.array([sum(g.Intersection(e).GetArea() for e in eco) / g.GetArea() for g in geoms])
    assert 20 <= (share > 0).sum() <= 120
    assert ((share > 0) & (share < 0.5)).sum() >= 5  # partly inside, not only whole parcels
    outside = np.array([not any(g.Centroid().Within(d) for d in dev) for g in geoms])
    assert 0.05 < outside.mean() < 0.25
    pois, _, _ = _features(SAMPLE / "sample_county.gpkg", "pois")
    assert len(pois) == 600 and pois["类型"].nunique() == len(make_sample.POI_TYPES[0])


def test_enterprise_headers_are_the_catalogue_first_aliases(firms):
    from landeval.core.catalogue import load_catalogue

    cat = load_catalogue()
    assert list(firms.columns) == [cat.raw[rid].aliases[0] for rid in make_sample.FIRM_COLUMNS]
    resolved = cat.resolve_columns(firms.columns)
    assert {rid: resolved[rid] for rid in make_sample.FIRM_COLUMNS} == dict(zip(make_sample.FIRM_COLUMNS,
                                                                                firms.columns))
    parcels_cols = list(_features(SAMPLE / "sample_county.gpkg", "parcels")[0].columns)
    assert [cat.canonical_id(c) for c in parcels_cols[:4]] == list(make_sample.PARCEL_COLUMNS)


def test_enterprise_table(firms, parcels):
    df, _, _ = parcels
    assert 2300 <= len(firms) <= 2700 and firms["企业编号"].is_unique
    assert firms["企业编号"].str.len().eq(18).all()
    matched = firms["宗地编号"].isin(df["宗地编号"])
    assert 0.01 < (~matched).mean() < 0.05  # firms whose parcel id matches no parcel
    per_parcel = firms[matched].groupby("宗地编号").size()
    assert (per_parcel > 1).sum() > 200  # multi-tenant parcels
    assert 0.03 < 1 - len(per_parcel) / len(df) < 0.15  # parcels without any firm
    area = df.set_index("宗地编号")["area_m2"]
    sums = firms[matched].groupby("宗地编号")[["总税收", "总建筑面积"]].sum()
    tax_mu = sums["总税收"] / (area[sums.index] / M2_PER_MU)
    assert (tax_mu.between(0, 1)).sum() > 50 and (tax_mu > 100).sum() >= 3
    plot_ratio = sums["总建筑面积"] / area[sums.index]
    assert plot_ratio.min() >= 0.2 - 1e-4 and plot_ratio.max() <= 3 + 1e-4  # floor areas rounded to 0.01 m²
    assert plot_ratio.quantile(0.05) < 0.5 and plot_ratio.quantile(0.95) > 2
    status = firms["登记状态"].value_counts(normalize=True)
    assert {"吊销", "注销", "停业"} <= set(status.index) and 0.05 < status[["吊销", "注销", "停业"]].sum() < 0.2
    assert firms["行业代码"].nunique() >= 12
    from landeval.core.catalogue import load_catalogue

    cat = load_catalogue()
    flags = [cat.raw[rid].aliases[0] for rid in make_sample.FIRM_COLUMNS if cat.raw[rid].kind == "flag"]
    assert len(flags) == 15
    for column in flags:
        assert set(firms[column].dropna()) <= {"是", "否"}, column
    for column in ("是否有合法工业用地证", "是否符合土地利用总体规划", "是否符合国土空间规划用途", "是否按合同约定履行",
                   "是否符合安全要求", "是否符合环保要求", "是否满足邻避要求", "是否符合建设要求"):
        assert 0.002 < (firms[column] == "否").mean() < 0.05, column  # veto failures at a few per cent
    # department tables have gaps, mostly in the environmental columns; keys never
    assert firms["用水量"].isna().sum() > 20 and firms["宗地编号"].notna().all()


def test_xlsx_copy_matches_csv(firms):
    ds = ogr.Open(str(SAMPLE / "enterprises.xlsx"))
    layer = ds.GetLayer(0)
    defn = layer.GetLayerDefn()
    names = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
    assert names == list(firms.columns)
    assert layer.GetFeatureCount() == len(firms)
    first = layer.GetNextFeature()
    assert first.GetField("宗地编号") == firms.loc[0, "宗地编号"]
    assert first.GetField("总产值") == pytest.approx(firms.loc[0, "总产值"])
