"""Spatial inputs of the evaluation, computed with QGIS geometry: overlay shares, POI counts, point joins.

Every overlay layer is reprojected to the parcel CRS first, so layers in different CRSs work together. The
work is proportional to the number of candidate pairs a spatial index finds, not parcels × overlay features:
overlays are dissolved and split into disjoint parts, each part is prepared once and only meets the
parcels its bounding box touches.
"""
import math

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsGeometry,
    QgsPointXY,
    QgsRectangle,
    QgsSpatialIndex,
    QgsWkbTypes,
)

from ..core.errors import LandEvalError
from .values import check_canceled

_CHUNK = 2000


def _transform(source, target_crs, context):
    """A transform from the source's CRS to `target_crs`, or None when they are the same."""
    crs = source.sourceCrs()
    if not crs.isValid():
        raise LandEvalError(
            "An overlay layer (red line, boundary, POIs, parks or enterprise points) has no coordinate reference "
            "system; set it so it can be matched with the parcels."
        )
    if crs == target_crs:
        return None
    return QgsCoordinateTransform(crs, target_crs, context.transformContext())


def source_geometries(source, target_crs, context, feedback=None):
    """Every non-empty geometry of `source`, reprojected to `target_crs`, with its feature id."""
    xform = _transform(source, target_crs, context)
    request = QgsFeatureRequest().setNoAttributes()
    fids, geoms = [], []
    for n, feat in enumerate(source.getFeatures(request)):
        if n % _CHUNK == 0:
            check_canceled(feedback)
        g = feat.geometry()
        if g.isNull() or g.isEmpty():
            continue
        g = QgsGeometry(g)
        if xform is not None:
            g.transform(xform)
        fids.append(feat.id())
        geoms.append(g)
    return np.asarray(fids, dtype=np.int64), geoms


def _index(geometries):
    """Spatial index over a list of geometries (None entries skipped), keyed by list position."""
    index = QgsSpatialIndex()
    for i, g in enumerate(geometries):
        if g is not None:
            index.addFeature(i, g.boundingBox())
    return index


def dissolved_parts(geometries):
    """The union of polygon geometries as disjoint single-part polygons (overlapping inputs counted once)."""
    polys = [g.makeValid() if not g.isGeosValid() else g for g in geometries
             if QgsWkbTypes.geometryType(g.wkbType()) == QgsWkbTypes.GeometryType.PolygonGeometry]
    if not polys:
        return []
    union = QgsGeometry.unaryUnion(polys)
    return [p for p in union.asGeometryCollection()
            if QgsWkbTypes.geometryType(p.wkbType()) == QgsWkbTypes.GeometryType.PolygonGeometry and not p.isEmpty()]


def overlay_share(parcels, overlay_source, crs, context, feedback=None):
    """Share (0–1) of each parcel's area inside the polygons of `overlay_source`.

    `parcels` are the (repaired) parcel geometries in `crs` (None = no geometry → NaN). The share is a ratio
    of areas measured in the same CRS, so the projection's scale cancels out.
    """
    _, geoms = source_geometries(overlay_source, crs, context, feedback)
    parts = dissolved_parts(geoms)
    own = np.array([g.area() if g is not None else np.nan for g in parcels], dtype=float)
    inside = np.zeros(len(parcels))
    index = _index(parcels)
    for part in parts:
        check_canceled(feedback)
        engine = QgsGeometry.createGeometryEngine(part.constGet())
        engine.prepareGeometry()
        for i in index.intersects(part.boundingBox()):
            g = parcels[i]
            if engine.contains(g.constGet()):
                inside[i] += own[i]
            elif engine.intersects(g.constGet()):
                inside[i] += part.intersection(g).area()
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(own > 0, inside / own, np.nan)
    return np.clip(share, 0.0, 1.0)


def metric_crs(crs, extent):
    """A CRS in metres for distance work: `crs` itself when projected, else the UTM zone of the extent."""
    if not crs.isGeographic():
        return crs
    centre = extent.center()
    zone = int(math.floor((centre.x() + 180.0) / 6.0)) % 60 + 1
    return QgsCoordinateReferenceSystem(f"EPSG:{(32600 if centre.y() >= 0 else 32700) + zone}")


def _centroids(parcels):
    return [g.centroid().asPoint() if g is not None else None for g in parcels]


def poi_counts(parcels, poi_source, crs, radius_m, context, feedback=None):
    """Number of POIs within `radius_m` metres of each parcel's centroid (NaN for a parcel without geometry).

    Distances are measured in a metric CRS (the parcel CRS when projected, else its UTM zone).
    """
    if radius_m <= 0:
        raise LandEvalError("POI_RADIUS must be a positive distance in metres (got {radius_m}).", radius_m=radius_m)
    extent = QgsRectangle()
    for g in parcels:
        if g is not None:
            extent.combineExtentWith(g.boundingBox())
    metric = metric_crs(crs, extent)
    to_metric = None if metric == crs else QgsCoordinateTransform(crs, metric, context.transformContext())
    _, pois = source_geometries(poi_source, metric, context, feedback)
    xy = np.array([[p.x(), p.y()] for g in pois for p in _vertices_as_points(g)], dtype=float).reshape(-1, 2)
    index = QgsSpatialIndex()
    for i, (x, y) in enumerate(xy):
        index.addFeature(i, QgsRectangle(x, y, x, y))
    counts = np.full(len(parcels), np.nan)
    r2 = radius_m * radius_m
    for i, c in enumerate(_centroids(parcels)):
        if i % _CHUNK == 0:
            check_canceled(feedback)
        if c is None:
            continue
        if to_metric is not None:
            c = to_metric.transform(c)
        ids = index.intersects(QgsRectangle(c.x() - radius_m, c.y() - radius_m, c.x() + radius_m, c.y() + radius_m))
        if ids:
            d = xy[ids] - (c.x(), c.y())
            counts[i] = np.count_nonzero((d * d).sum(axis=1) <= r2)
        else:
            counts[i] = 0
    return counts


def _vertices_as_points(g):
    """The points of a (multi)point geometry; other geometries count by their centroid."""
    if QgsWkbTypes.geometryType(g.wkbType()) == QgsWkbTypes.GeometryType.PointGeometry:
        return g.asMultiPoint() if g.isMultipart() else [g.asPoint()]
    return [g.centroid().asPoint()]


def poi_density(counts, radius_m):
    """POIs per km² of the search circle (the county paper's 'public-service POI density')."""
    return counts / (math.pi * radius_m * radius_m / 1.0e6)


def locate(points, polygons, feedback=None):
    """Position in `polygons` of the polygon containing each point geometry (−1 when none), and how many
    points fall in more than one polygon (they go to the first in list order)."""
    index = _index(polygons)
    where = np.full(len(points), -1, dtype=np.int64)
    ambiguous = 0
    for k, pt in enumerate(points):
        if k % _CHUNK == 0:
            check_canceled(feedback)
        if pt is None:
            continue
        probe = pt if not pt.isMultipart() else QgsGeometry.fromPointXY(QgsPointXY(pt.asMultiPoint()[0]))
        hits = sorted(i for i in index.intersects(probe.boundingBox()) if polygons[i].contains(probe))
        if hits:
            where[k] = hits[0]
            ambiguous += len(hits) > 1
    return where, ambiguous


def inner_points(geometries):
    """A point inside each polygon (point on surface, unlike the centroid of an L or a multipart parcel)."""
    return [g.pointOnSurface() if g is not None else None for g in geometries]


def points_in_parcels(parcels, point_source, crs, context, feedback=None):
    """For each feature of a point layer, the position of the parcel containing it (-1 when none).

    Returns (point feature ids, parcel positions, number of points inside more than one parcel). A point in
    overlapping parcels goes to the first parcel in reading order.
    """
    fids, points = source_geometries(point_source, crs, context, feedback)
    where, ambiguous = locate(points, parcels, feedback)
    return fids, where, ambiguous
