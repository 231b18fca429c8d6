"""What the four decision-support algorithms share on the QGIS side: parcel centroids and park boundaries in
metres for core.decision, the rule-file and language parameters, and styling their outputs with a QML of
their own plus value maps for their coded fields (path, clearance_zone, change, quadrant)."""
import os

import numpy as np
from qgis.core import (
    QgsCoordinateTransform,
    QgsEditorWidgetSetup,
    QgsGeometry,
    QgsMapLayer,
    QgsPointXY,
    QgsProcessingUtils,
    QgsRectangle,
    QgsWkbTypes,
)

from ..core.errors import LandEvalError
from ..translation import output_language
from .spatial import metric_crs
from .styling import STYLES_DIR, finish_output
from .values import check_canceled

_CHUNK = 2000
# Only the look comes from our QML; its field section would wipe the aliases set by finish_output.
_STYLE_PARTS = QgsMapLayer.StyleCategory.Symbology | QgsMapLayer.StyleCategory.Labeling | QgsMapLayer.StyleCategory.Rendering | QgsMapLayer.StyleCategory.Legend


class MetricFrame:
    """A metric CRS for distance work around a layer (its own CRS when projected, else the UTM zone) and the
    transforms into it and back."""

    def __init__(self, crs, geometries, context):
        extent = QgsRectangle()
        for g in geometries:
            if g is not None and not g.isEmpty():
                extent.combineExtentWith(g.boundingBox())
        self.crs = crs
        self.metric = metric_crs(crs, extent)
        self.context = context
        same = self.metric == crs
        self.forward = None if same else QgsCoordinateTransform(crs, self.metric, context.transformContext())
        self.back = None if same else QgsCoordinateTransform(self.metric, crs, context.transformContext())

    def to_metric(self, source_crs):
        """Transform from another layer's CRS into the metric CRS (None when it is the metric CRS)."""
        if not source_crs.isValid():
            raise LandEvalError("A layer given with the parcels has no coordinate reference system; set it.")
        if source_crs == self.metric:
            return None
        return QgsCoordinateTransform(source_crs, self.metric, self.context.transformContext())

    def centroids(self, geometries, feedback=None):
        """(n, 2) centroid coordinates in metres; NaN for a missing or empty geometry."""
        xy = np.full((len(geometries), 2), np.nan)
        for i, g in enumerate(geometries):
            if i % _CHUNK == 0:
                check_canceled(feedback)
            if g is None or g.isNull() or g.isEmpty():
                continue
            # pointOnSurface would stay inside a U-shaped parcel, but distances are to the parcel's middle.
            c = g.centroid().asPoint()
            if self.forward is not None:
                c = self.forward.transform(c)
            xy[i] = (c.x(), c.y())
        return xy

    def line_back(self, x0, y0, x1, y1):
        """A straight line between two metric points, in the layer's CRS."""
        line = QgsGeometry.fromPolylineXY([QgsPointXY(x0, y0), QgsPointXY(x1, y1)])
        if self.back is not None:
            line.transform(self.back)
        return line


def geometry_segments(geometries, transform=None, densify_m=None, feedback=None):
    """Segments (x0, y0, x1, y1) in metres of the outlines of polygons / the parts of lines / points, with
    the position of the geometry each belongs to. densify_m splits long edges first (for length sums)."""
    rows, owners = [], []
    for i, g in enumerate(geometries):
        if i % _CHUNK == 0:
            check_canceled(feedback)
        if g is None or g.isNull() or g.isEmpty():
            continue
        g = QgsGeometry(g)
        if transform is not None:
            g.transform(transform)
        kind = QgsWkbTypes.geometryType(g.wkbType())
        if kind == QgsWkbTypes.GeometryType.PointGeometry:
            pts = g.asMultiPoint() if g.isMultipart() else [g.asPoint()]
            coords = np.array([[p.x(), p.y(), p.x(), p.y()] for p in pts], dtype=float)
        else:
            if kind == QgsWkbTypes.GeometryType.PolygonGeometry:
                g = QgsGeometry(g.constGet().boundary())
            if densify_m:
                g = g.densifyByDistance(densify_m)
            parts = g.asMultiPolyline() if g.isMultipart() else [g.asPolyline()]
            pieces = [np.array([[p.x(), p.y()] for p in part], dtype=float) for part in parts if len(part) > 1]
            if not pieces:
                continue
            coords = np.vstack([np.hstack([v[:-1], v[1:]]) for v in pieces])
        rows.append(coords)
        owners.append(np.full(len(coords), i, dtype=np.int64))
    if not rows:
        return np.empty((0, 4)), np.empty(0, dtype=np.int64)
    return np.vstack(rows), np.concatenate(owners)


def qml_path(name, lang):
    """resources/styles/<name>.qml (Chinese legend) or resources/styles/en/<name>.qml (English legend)."""
    path = os.path.join(STYLES_DIR, "en", name + ".qml") if lang == "en" else os.path.join(STYLES_DIR, name + ".qml")
    if not os.path.isfile(path):
        raise LandEvalError("The style file {path} is missing; reinstall the LandEval plugin.", path=path)
    return path


def finish_decision_output(dest_id, context, feedback, names, field_aliases, value_maps, qml=None, lang=None):
    """Colour a written output by its own QML (a spatial one only), give its fields their aliases ({field: alias}) and its coded
    fields value maps, then finish it as every LandEval output (catalogue aliases, style saved into the file
    for headless runs, desktop post-processor), all in `lang` (default: the run's language)."""
    lang = lang or output_language()
    # The layer is loaded into the run's context here; finish_output then finds this same layer and saves
    # the style once with everything on it.
    layer = QgsProcessingUtils.mapLayerFromString(dest_id, context)
    if layer is not None:
        # A round given as a table has no geometry, and QGIS refuses a symbology QML on it; the aliases and
        # value maps below still apply, and a table needs no colours.
        if qml and layer.isSpatial():
            message, ok = layer.loadNamedStyle(qml_path(qml, lang), _STYLE_PARTS)
            if not ok:
                raise LandEvalError("Cannot load the style {qml}: {message}", qml=qml, message=message)
        for field, alias in field_aliases.items():
            idx = layer.fields().lookupField(field)
            if idx >= 0:
                layer.setFieldAlias(idx, alias)
        for field, labels in value_maps.items():
            idx = layer.fields().lookupField(field)
            if idx >= 0 and labels:
                layer.setEditorWidgetSetup(idx, QgsEditorWidgetSetup(
                    "ValueMap", {"map": [{text: code} for code, text in labels.items()]}))
    return finish_output(dest_id, context, feedback, kind=None, names=names, lang=lang)


def aliases(*label_maps, lang=None):
    """{field: alias} in `lang` (default: the run's language) from core label maps of the form
    {field: {"zh": …, "en": …}}."""
    lang = lang or output_language()
    out = {}
    for labels in label_maps:
        out.update({field: text.get(lang) or text.get("zh") for field, text in labels.items()})
    return out
