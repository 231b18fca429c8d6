"""Refusing, before any work, a destination that would overwrite one of the run's own input files.

Processing replaces a destination file whole: `OUTPUT=county.gpkg` with `PARCELS=county.gpkg|layername=parcels`
would write the parcels' evaluation over the GeoPackage and lose every other layer it held, and QGIS's own
algorithms do not stop it. Here every file destination is compared with every input file of the run — by the
file itself (os.path.samefile), so a relative path, a symlink, a `|layername=` suffix, the `ogr:dbname=` form
or a `file://` URL cannot hide it. A destination that is a *table* inside a GeoPackage
(`ogr:dbname='county.gpkg' table="evaluated"`) only adds or replaces that table, so it is allowed unless an
input reads that very table. Two destinations of the same run naming the same file are refused too: the
second would replace the first.
"""
import os
import re
from typing import NamedTuple, Optional

from qgis.core import (
    QgsDataSourceUri,
    QgsMapLayer,
    QgsProcessing,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingUtils,
    QgsProperty,
    QgsProviderRegistry,
)
from qgis.PyQt.QtCore import QUrl

from ..core.errors import LandEvalError, Problem
from . import postgis

# Parameter types whose value names a layer or a file the run reads (QgsProcessingParameterDefinition.type()).
INPUT_TYPES = {"source", "vector", "raster", "layer", "multilayer", "file", "mesh", "pointcloud", "vectortile"}
# Provider prefixes whose `dbname=` is a file on disk; any other prefix (memory:, postgres:, …) is no file.
_FILE_DB_PROVIDERS = ("ogr", "spatialite")
_PROVIDER_RE = re.compile(r"^([A-Za-z][A-Za-z0-9_]+):")


class FileRef(NamedTuple):
    """One file a parameter reads or writes; `layer` is the table inside it (None: the whole file for a
    destination, the file's first layer for an input)."""

    param: str
    path: str
    layer: Optional[str] = None
    layer_id: Optional[int] = None
    vector: bool = False  # a vector destination (a sink): it may go into a new table of a GeoPackage instead


def split_spelling(text):
    """(path, layer name, layer index) of a file spelled as a path, `path|layername=x` (or `|layerid=n`),
    `ogr:dbname='path' table="x" (geom)` or a `file://` URL; (None, None, None) when `text` names no file."""
    text = text.strip()
    prefix = _PROVIDER_RE.match(text)
    if prefix and prefix.group(1).lower() == "file":
        return QUrl(text).toLocalFile() or None, None, None
    if prefix and prefix.group(1).lower() in _FILE_DB_PROVIDERS:
        uri = QgsDataSourceUri(text[prefix.end():])
        return uri.database() or None, uri.table() or None, None
    if prefix:
        return None, None, None
    path, *options = text.split("|")
    layer, layer_id = None, None
    for option in options:
        key, _, value = option.partition("=")
        if key.strip().lower() == "layername":
            layer = value.strip()
        elif key.strip().lower() == "layerid" and value.strip().isdigit():
            layer_id = int(value.strip())
    return path or None, layer, layer_id


def _property_text(value, context):
    """The string a static or expression-based QgsProperty evaluates to in this run."""
    if value.propertyType() == QgsProperty.Type.StaticProperty:
        return value.staticValue()
    text, _ = value.valueAsString(context.expressionContext())
    return text


def _layer_file(layer):
    """(path, layer name, layer index) of the file a loaded layer reads, or Nones (a database, a WMS…)."""
    parts = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source())
    path = parts.get("path")
    if not path:
        return split_spelling(layer.source())
    layer_id = parts.get("layerId")
    return path, parts.get("layerName") or None, int(layer_id) if str(layer_id or "").isdigit() else None


def _input_file(value, context):
    """(path, layer, layer index) of one input value — a path, a layer object, a layer id or name of the
    project, a feature-source definition — or None when it is no existing file."""
    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        value = value.source
    if isinstance(value, QgsProperty):
        value = _property_text(value, context)
    if isinstance(value, QgsMapLayer):
        found = _layer_file(value)
    elif isinstance(value, str) and value.strip():
        found = split_spelling(value)
        if not (found[0] and os.path.exists(found[0])):
            # A layer of the project (by id or name) or one an earlier step loaded: only those already open,
            # so this check never loads a layer itself.
            layer = QgsProcessingUtils.mapLayerFromString(value, context, False)
            found = _layer_file(layer) if layer is not None else (None, None, None)
    else:
        return None
    return found if found[0] and os.path.exists(found[0]) else None


def input_files(inputs, context):
    """Every file the run reads, one FileRef per (parameter, file); `inputs`: (parameter definition, value) of
    every input parameter."""
    refs = []
    for definition, value in inputs:
        if definition.type() not in INPUT_TYPES:
            continue
        for item in value if isinstance(value, (list, tuple)) else [value]:
            found = _input_file(item, context)
            if found:
                refs.append(FileRef(definition.name(), *found))
    return refs


def _destination_paths(definition, path):
    """The files a destination may end up as: Processing adds the default extension to a bare name."""
    paths = [path]
    extension = getattr(definition, "defaultFileExtension", None)
    if not os.path.splitext(path)[1] and extension is not None and extension():
        paths.append(f"{path}.{extension()}")
    return paths


def _destination_text(value, context):
    """The string a destination parameter's value spells (an output definition's sink evaluated)."""
    if isinstance(value, QgsProcessingOutputLayerDefinition):
        value = value.sink
    if isinstance(value, QgsProperty):
        value = _property_text(value, context)
    return value


def destination_files(destinations, context):
    """Every file the run would write, one FileRef per (parameter, possible file); memory, temporary and
    database destinations name no file and are left out. `destinations`: (parameter definition, value) of
    every destination parameter."""
    refs = []
    for definition, value in destinations:
        value = _destination_text(value, context)
        if not isinstance(value, str) or not value.strip() or value == QgsProcessing.TEMPORARY_OUTPUT:
            continue
        path, layer, _ = split_spelling(value)
        if path:
            vector = definition.type() in ("sink", "vectorDestination")
            refs += [FileRef(definition.name(), p, layer, vector=vector) for p in _destination_paths(definition, path)]
    return refs


def same_file(a, b):
    """Whether two paths name one file (symlinks, relative spellings); False when either is missing."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _first_layer_name(path, layer_id):
    """The name of the layer OGR opens for a file given without a layer name (the first, or `layerid`)."""
    from osgeo import ogr

    dataset = ogr.Open(path)
    found = dataset.GetLayer(layer_id or 0) if dataset is not None else None
    return found.GetName() if found is not None else None


def _reads_table(source, table):
    """Whether input `source` reads the table `table` of its file (GeoPackage table names ignore case)."""
    name = source.layer or _first_layer_name(source.path, source.layer_id)
    return name is None or name.lower() == table.lower()


def _clash_error(dest, source):
    """The LandEvalError for a destination that is the file (or the table) an input reads."""
    real = os.path.realpath(dest.path)
    if dest.layer:
        return LandEvalError("{dest} would overwrite {source}: the table '{table}' of {path} is the layer {source} "
                             "reads. Choose another table name for {dest} (or another file); nothing was written.",
                             dest=dest.param, source=source.param, table=dest.layer, path=real)
    if dest.vector and real.lower().endswith(".gpkg"):
        advice = Problem("Choose another file for {dest}, or write a new table into this GeoPackage, which keeps "
                         "its other layers: {dest}=ogr:dbname='{path}' table=\"evaluated\" (geom)",
                         dest=dest.param, path=real)
    else:
        advice = Problem("Choose another file for {dest}", dest=dest.param)
    return LandEvalError("{dest} would overwrite {source}: both are the file {path}, and writing {dest} there would "
                         "replace the whole file and every layer in it. {advice}. Nothing was written.",
                         dest=dest.param, source=source.param, path=real, advice=advice)


def refuse_overwriting_inputs(inputs, destinations, context):
    """LandEvalError naming both parameters when a destination of the run is one of its input files (or
    another destination's file); a new table in an input GeoPackage is allowed. `inputs` and `destinations`:
    (parameter definition, value) of the run's input and destination parameters."""
    _refuse_postgis_inputs(inputs, destinations, context)
    destinations = destination_files(destinations, context)
    if not destinations:
        return
    sources = input_files(inputs, context)
    for dest in destinations:
        if not os.path.exists(dest.path):
            continue
        for source in sources:
            if same_file(dest.path, source.path) and (not dest.layer or _reads_table(source, dest.layer)):
                raise _clash_error(dest, source)
    _refuse_shared_destinations(destinations)


def _refuse_shared_destinations(destinations):
    """Two destinations naming the same file (the same table, or the whole file) replace each other."""
    for i, first in enumerate(destinations):
        for second in destinations[i + 1:]:
            if first.param == second.param or os.path.realpath(first.path) != os.path.realpath(second.path):
                continue
            if first.layer and second.layer and first.layer.lower() != second.layer.lower():
                continue
            raise LandEvalError(
                "{param} and {param2} both write {path}: the second would "
                "replace the first. Give {param2} a file of its own (or a table of its own in a "
                "GeoPackage); nothing was written.",
                param=first.param, param2=second.param, path=os.path.realpath(first.path))


def _input_table(value, context):
    """The PostGIS table one input value reads (a `postgres://` string, a postgres layer, its id or name in the
    project), or None."""
    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        value = value.source
    if isinstance(value, QgsProperty):
        value = _property_text(value, context)
    if isinstance(value, QgsMapLayer):
        return postgis.layer_table(value)
    if not isinstance(value, str) or not value.strip():
        return None
    table = postgis.parse(value)
    if table is None:
        table = postgis.layer_table(QgsProcessingUtils.mapLayerFromString(value, context, False))
    return table


def _refuse_postgis_inputs(inputs, destinations, context):
    """A `postgis:` destination that exists without replace=yes is refused before any work; one that is the
    very table an input reads would replace the data the run reads."""
    written = []
    for definition, value in destinations:
        table = postgis.parse(_destination_text(value, context))
        if table is not None:
            written.append((definition.name(), table))
    if not written:
        return
    for param, table in written:
        postgis.refuse_existing(table, param)
    for definition, value in inputs:
        if definition.type() not in INPUT_TYPES:
            continue
        for item in value if isinstance(value, (list, tuple)) else [value]:
            read = _input_table(item, context)
            for param, table in written:
                if read is not None and read.same_table(table):
                    raise LandEvalError(
                        "{dest} would overwrite {source}: both are the PostGIS table {schema}.{table} on {where}. "
                        "Choose another table name for {dest}; nothing was written.",
                        dest=param, source=definition.name(), schema=table.schema, table=table.table,
                        where=table.where)
