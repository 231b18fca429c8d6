"""Writes the small hand-made layers the algorithm tests use (run with /usr/bin/python3; output committed).

Everything is laid out on round numbers in EPSG:4547 (CGCS2000 / 3-degree Gauss-Kruger CM 114E) so the
expected results can be worked out by hand; see tests/algorithms/test_golden.py for the arithmetic.
X0, Y0 is 60 km east of the central meridian at about 30°N.

Parcels (宗地编号, area):
  P01  100 × 100 m rectangle                         10 000 m² = 15 亩
  P02  200 × 100 m                                   20 000 m² = 30 亩
  P03  150 × 100 m                                   15 000 m² = 22.5 亩
  P04   60 × 100 m                                    6 000 m² = 9 亩    (no enterprise; locally reported)
  P05  two 50 × 100 m parts (multipart)              10 000 m² = 15 亩   (redevelopment under way)
  P06  self-intersecting bow-tie over 100 × 100 m;   repaired: two triangles of 2 500 m² = 5 000 m² = 7.5 亩
Enterprises: E01 on P01, E02 and E03 (tenants) on P02, E04 on P03, E05 on P05, E06 on P06, E07 on "P99"
(a parcel that does not exist).
Red line (stored in EPSG:4490, to exercise reprojection): x in [X0-50, X0+50], y in [Y0-50, Y0+450]:
  half of P01 (share 0.5) and 50 of P04's 60 m width (share 5/6).
Development boundary (EPSG:4547): x in [X0-100, X0+450], y in [Y0-100, Y0+200]: P01 and P02 inside.
POIs (EPSG:4490): A (X0+50, Y0+120), B (X0+300, Y0+130), C (X0+560, Y0+200), D far away.
Parks (EPSG:4547): PA 开发区, industrial share 0.7, x [X0-100, X0+2400] × y [Y0-2100, Y0+200] (5.75 km²,
  holds P01–P03) → base; PB 市级园区, share 0.55, x [X0-100, X0+450] × y [Y0+250, Y0+2450] (1.21 km², holds
  P04, P05) → community; P06 in no park → block.
"""
import csv
import os
from pathlib import Path

from osgeo import ogr, osr

HERE = Path(__file__).resolve().parent
X0, Y0 = 560000.0, 3320000.0


def rect(x1, y1, x2, y2):
    return [(X0 + x1, Y0 + y1), (X0 + x2, Y0 + y1), (X0 + x2, Y0 + y2), (X0 + x1, Y0 + y2), (X0 + x1, Y0 + y1)]


def wkt_polygon(*rings):
    return "POLYGON(" + ",".join("(" + ",".join(f"{x} {y}" for x, y in r) + ")" for r in rings) + ")"


PARCELS = [
    # id, wkt, reported, in_progress
    ("P01", wkt_polygon(rect(0, 0, 100, 100)), "否", "否"),
    ("P02", wkt_polygon(rect(200, 0, 400, 100)), "否", "否"),
    ("P03", wkt_polygon(rect(500, 0, 650, 100)), "否", "否"),
    ("P04", wkt_polygon(rect(0, 300, 60, 400)), "是", "否"),
    ("P05", "MULTIPOLYGON(((" + ",".join(f"{x} {y}" for x, y in rect(200, 300, 250, 400)) + ")),(("
     + ",".join(f"{x} {y}" for x, y in rect(300, 300, 350, 400)) + ")))", "否", "是"),
    ("P06", wkt_polygon([(X0 + 500, Y0 + 300), (X0 + 600, Y0 + 400), (X0 + 600, Y0 + 300), (X0 + 500, Y0 + 400),
                         (X0 + 500, Y0 + 300)]), "否", "否"),
]

ENTERPRISE_HEADERS = ["企业编号", "企业名称", "宗地编号", "总建筑面积", "建筑基底面积", "总产值", "税收", "从业人员",
                      "是否有合法工业用地证"]
ENTERPRISES = [
    # id, name, parcel, floor m², footprint m², output 万元, tax 万元, employees, legal certificate; point (x, y)
    ("E01", "甲机械有限公司", "P01", 12000, 5000, 3000, 150, 60, "是", (30, 30)),
    ("E02", "乙电子有限公司", "P02", 10000, 6000, 2000, 60, 50, "是", (250, 50)),
    ("E03", "丙纺织厂", "P02", 6000, 2000, "1,000", 30, 25, "否", (350, 50)),
    ("E04", "丁化工有限公司", "P03", 9000, 6000, 900, 27, 30, "是", (550, 50)),
    ("E05", "戊包装厂", "P05", 5000, 3000, 600, 15, 12, "是", (225, 350)),
    ("E06", "己五金加工部", "P06", 2000, 1500, 150, 3, 5, "是", (510, 350)),
    ("E07", "庚物流有限公司", "P99", 3000, 2000, 500, 20, 10, "是", (3000, 3000)),
]

POIS = [("A", 50, 120), ("B", 300, 130), ("C", 560, 200), ("D", 5000, 5000)]
PARKS = [("PA", "开发区", 0.7, rect(-100, -2100, 2400, 200)), ("PB", "市级园区", 0.55, rect(-100, 250, 450, 2450))]


def srs(epsg):
    s = osr.SpatialReference()
    s.ImportFromEPSG(epsg)
    s.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return s


def to_4490():
    return osr.CoordinateTransformation(srs(4547), srs(4490))


def new_layer(path, name, geom_type, epsg, fields, driver="GPKG"):
    if os.path.exists(path):
        ogr.GetDriverByName(driver).DeleteDataSource(str(path))
    ds = ogr.GetDriverByName(driver).CreateDataSource(str(path))
    options = ["ENCODING=UTF-8"] if driver == "ESRI Shapefile" else []
    layer = ds.CreateLayer(name, srs(epsg) if epsg else None, geom_type, options)
    for fname, ftype in fields:
        layer.CreateField(ogr.FieldDefn(fname, ftype))
    return ds, layer


def add(layer, values, wkt=None, transform=None):
    feat = ogr.Feature(layer.GetLayerDefn())
    for k, v in values.items():
        feat.SetField(k, v)
    if wkt:
        g = ogr.CreateGeometryFromWkt(wkt)
        if transform is not None:
            g.Transform(transform)
        if layer.GetGeomType() == ogr.wkbMultiPolygon:
            g = ogr.ForceToMultiPolygon(g)
        feat.SetGeometry(g)
    layer.CreateFeature(feat)


def parcels(path, epsg, id_field="宗地编号", driver="GPKG"):
    fields = [(id_field, ogr.OFTString), ("是否地方上报", ogr.OFTString), ("是否正在推进改造", ogr.OFTString)]
    if driver == "ESRI Shapefile":
        fields = [(id_field, ogr.OFTString), ("reported", ogr.OFTString), ("in_prog", ogr.OFTString)]
    ds, layer = new_layer(path, "parcels", ogr.wkbMultiPolygon, epsg, fields, driver)
    names = [f for f, _ in fields]
    for pid, wkt, reported, progress in PARCELS:
        add(layer, dict(zip(names, (pid, reported, progress))), wkt, to_4490() if epsg == 4490 else None)
    ds = None


def enterprise_tables():
    rows = [list(e[:9]) for e in ENTERPRISES]
    for name, encoding in (("enterprises_utf8.csv", "utf-8"), ("enterprises_gbk.csv", "gbk")):
        with open(HERE / name, "w", encoding=encoding, newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(ENTERPRISE_HEADERS)
            writer.writerows(rows)
    types = [ogr.OFTString, ogr.OFTString, ogr.OFTString] + [ogr.OFTReal] * 5 + [ogr.OFTString]
    ds, layer = new_layer(HERE / "enterprises.xlsx", "企业", ogr.wkbNone, None,
                          list(zip(ENTERPRISE_HEADERS, types)), "XLSX")
    for row in rows:
        values = [float(str(v).replace(",", "")) if t == ogr.OFTReal else v for v, t in zip(row, types)]
        add(layer, dict(zip(ENTERPRISE_HEADERS, values)))
    ds = None
    fields = [(h, ogr.OFTString) for h in ENTERPRISE_HEADERS if h != "宗地编号"]
    ds, layer = new_layer(HERE / "enterprise_points.gpkg", "enterprise_points", ogr.wkbPoint, 4547, fields)
    for e in ENTERPRISES:
        values = {h: str(v) for h, v in zip(ENTERPRISE_HEADERS, e[:9]) if h != "宗地编号"}
        x, y = e[9]
        add(layer, values, f"POINT({X0 + x} {Y0 + y})")
    ds = None


def overlays():
    ds, layer = new_layer(HERE / "redline_4490.gpkg", "redline", ogr.wkbPolygon, 4490, [("name", ogr.OFTString)])
    add(layer, {"name": "生态保护红线"}, wkt_polygon(rect(-50, -50, 50, 450)), to_4490())
    ds = None
    ds, layer = new_layer(HERE / "dev_boundary.gpkg", "dev_boundary", ogr.wkbPolygon, 4547, [("name", ogr.OFTString)])
    add(layer, {"name": "城镇开发边界"}, wkt_polygon(rect(-100, -100, 450, 200)))
    ds = None
    ds, layer = new_layer(HERE / "pois_4490.gpkg", "pois", ogr.wkbPoint, 4490, [("name", ogr.OFTString)])
    for name, x, y in POIS:
        add(layer, {"name": name}, f"POINT({X0 + x} {Y0 + y})", to_4490())
    ds = None
    ds, layer = new_layer(HERE / "parks.gpkg", "parks", ogr.wkbPolygon, 4547,
                          [("park_id", ogr.OFTString), ("zone_type", ogr.OFTString), ("industrial_share", ogr.OFTReal)])
    for pid, zone, share, ring in PARKS:
        add(layer, {"park_id": pid, "zone_type": zone, "industrial_share": share}, wkt_polygon(ring))
    ds = None


if __name__ == "__main__":
    parcels(HERE / "parcels_4547.gpkg", 4547)
    parcels(HERE / "parcels_4490.gpkg", 4490)
    parcels(HERE / "parcels_4547.shp", 4547, id_field="parcel_id", driver="ESRI Shapefile")
    enterprise_tables()
    overlays()
