"""What a run reads: a feature source together with what the bridge knows about where its features come from.

A whole, unfiltered GeoPackage layer on disk lets the bulk fast paths (bulk_io) read its columns as Arrow
arrays, measure its areas in SQLite and copy it into a GeoPackage output in SQL. Whether a source is one is
decided once, when the parameter is read (algorithms/params.source_input), and travels with it here as a value,
never as an attribute set on the source object.
"""
import os
from dataclasses import dataclass, field
from typing import Optional

from qgis.core import QgsProviderRegistry


@dataclass(frozen=True)
class GeoPackageTable:
    """A feature table of a GeoPackage file: its absolute path and its table name."""

    path: str
    table: str


@dataclass
class SourceInput:
    """A feature source (QgsFeatureSource or vector layer) and, when every one of its features is a row of one
    GeoPackage table, that table (the fast paths of bulk_io may then read or copy the table directly)."""

    source: object
    geopackage: Optional[GeoPackageTable] = None
    # A whole, unedited PostGIS layer (its subset string kept): areas may be measured on the server.
    postgis: Optional[object] = None
    # Field names the user saw in the dialog → this source's names (a GBK Shapefile re-read, see layer_io).
    field_names: dict = field(default_factory=dict)


def unwrap(source):
    """(feature source, GeoPackageTable or None) of a SourceInput or of a plain feature source."""
    if isinstance(source, SourceInput):
        return source.source, source.geopackage
    return source, None


def _own_layer(layer, project):
    """`layer` unless it is None or a layer of the open project (see geopackage_table)."""
    return None if layer is None or (project is not None and project.mapLayer(layer.id()) is layer) else layer


def postgis_source(layer, project=None):
    """The postgis.PgSource behind `layer` when it is an unedited postgres layer that is not a layer of the open
    project (its filter is part of it), else None."""
    layer = _own_layer(layer, project)
    if layer is None or layer.providerType() != "postgres" or layer.isModified():
        return None
    from .postgis import pg_source

    return pg_source(layer)


def geopackage_table(layer, project=None):
    """The GeoPackageTable behind `layer` when it is a whole, unfiltered, unedited GeoPackage layer on disk and
    not a layer of `project` (the open project), else None. The caller has already checked that the parameter
    asked for every feature (no selection, limit or filter)."""
    # A layer of the open project lives in the main thread, where the layer tree and canvas use it while a
    # dock run is in its task thread: asking it for its provider, source or edit state from here crashed
    # QGIS 3.40/3.44. LandEvalAlgorithm.prepareAlgorithm hands the run its own copy of such a layer; a project
    # layer that still arrives here (a caller that skipped prepare) does not take the fast paths.
    if _own_layer(layer, project) is None:
        return None
    if (layer.providerType() != "ogr" or layer.subsetString() or layer.isModified()
            or layer.dataProvider().storageType() != "GPKG"):
        return None
    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    path, table = parts.get("path"), parts.get("layerName")
    if not table:
        from osgeo import ogr

        dataset = ogr.Open(path)
        found = dataset.GetLayer(int(parts.get("layerId") or 0)) if dataset is not None else None
        table = found.GetName() if found is not None else None
    return GeoPackageTable(os.path.abspath(path), table) if path and table else None
