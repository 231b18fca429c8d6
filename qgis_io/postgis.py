"""PostGIS outputs: a `postgis:` destination written in one transaction (issue 16).

Processing's own PostGIS sink creates the table first and inserts feature by feature, replacing an existing table
without asking; a failed run leaves half a table. Here the writer (qgis_io.writer) hands the features over and:
  1. connects with psycopg2 from the destination's QgsDataSourceUri (an authentication configuration is expanded
     by QGIS, so no password needs to be typed into the destination);
  2. in ONE transaction creates the table under a temporary name, bulk-loads it with COPY from an in-memory
     buffer (chunks of _CHUNK features, so memory stays bounded), drops the old table when the destination asks
     for it (`replace=yes`), renames the new one into place, adds the primary key, the spatial index and the
     aliases as column comments;
  3. commits. Any error or Cancel before the commit rolls everything back: neither a partial table nor a changed
     old one is left.
Identifiers are quoted with psycopg2.sql.Identifier and values bound or streamed through COPY; no SQL is built
from a value. A password never appears in a message (mask_password) nor in the destination id returned.
"""
import io
import os
import struct
from typing import NamedTuple

import numpy as np
import pandas as pd
from qgis.core import (
    QgsDataSourceUri,
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingOutputLayerDefinition,
    QgsProperty,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDate, QDateTime, QTime, QVariant

from ..core.errors import LandEvalError
from ..translation import tr
from .values import check_canceled

# Features per COPY chunk: the buffer holds this many rows at a time.
_CHUNK = 5000
# Rows of results per COPY chunk of the server path (about 50 MB of CSV at 90 columns).
_RESULT_CHUNK = 50000
# The destination option that allows replacing an existing table (`… replace=yes table="s"."t" (geom)`).
REPLACE_OPTION = "replace"
_PREFIXES = ("postgis:", "postgres://", "postgres:")
_EWKB_SRID_FLAG = 0x20000000
_PG_TYPES = {
    QVariant.Int: "integer", QVariant.UInt: "bigint", QVariant.LongLong: "bigint", QVariant.ULongLong: "numeric",
    QVariant.Double: "double precision", QVariant.Bool: "boolean", QVariant.Date: "date",
    QVariant.DateTime: "timestamp", QVariant.Time: "time",
}


class PgTable(NamedTuple):
    """A PostGIS table a destination or an input names: its QgsDataSourceUri and where it lives."""

    uri: QgsDataSourceUri
    schema: str
    table: str
    geometry: str

    @property
    def where(self):
        """host:port/database, for messages (never the password)."""
        return f"{self.uri.host() or 'localhost'}:{self.uri.port() or '5432'}/{self.uri.database()}"

    def same_table(self, other):
        """Whether two URIs name one table (same server, database, schema and table)."""
        return (self.where, self.schema, self.table) == (other.where, other.schema, other.table)


def parse(text):
    """The PgTable a `postgis:` / `postgres://` string names, or None for any other string."""
    if not isinstance(text, str):
        return None
    stripped = text.strip()
    for prefix in _PREFIXES:
        if stripped.lower().startswith(prefix):
            return table_of_uri(QgsDataSourceUri(stripped[len(prefix):]))
    return None


def table_of_uri(uri):
    """The PgTable of a postgres QgsDataSourceUri, or None when it names no table."""
    if not uri.table():
        return None
    return PgTable(uri, uri.schema() or "public", uri.table(), uri.geometryColumn())


def layer_table(layer):
    """The PgTable a loaded layer reads, or None when it is no postgres layer."""
    if layer is None or layer.providerType() != "postgres":
        return None
    return table_of_uri(QgsDataSourceUri(layer.source()))


class PgSource(NamedTuple):
    """A postgres layer whose feature ids are its integer key: its table, key column, geometry column and
    filter (the layer's subset string, SQL the provider itself puts in its WHERE clause)."""

    table: PgTable
    key: str
    geometry: str
    subset: str


def pg_source(layer):
    """The PgSource of a postgres layer with a one-column integer key and a geometry column, else None (the
    provider then numbers features itself, and server rows could not be matched to them)."""
    table = layer_table(layer)
    if table is None or not table.geometry:
        return None
    key = table.uri.keyColumn()
    index = layer.fields().lookupField(key) if key and "," not in key else -1
    if index < 0 or layer.fields().at(index).type() not in (QVariant.Int, QVariant.LongLong):
        return None
    return PgSource(table, key, table.geometry, layer.subsetString())


def server_areas(pg):
    """(fids, planar areas in the layer's units², ok) of every feature of a PgSource, measured by the server
    (ST_Area, the same shoelace area as QgsGeometry.area in a projected CRS), or None when `pg` is None or the
    query fails (the caller then measures in QGIS). `ok` is False where LandEval must measure itself: no or
    empty geometry, or one the server finds invalid (it is repaired first)."""
    if pg is None:
        return None
    import psycopg2
    from psycopg2 import sql

    geom = sql.Identifier(pg.geometry)
    query = sql.SQL("SELECT {key}, COALESCE(ST_Area({geom}), -1), {geom} IS NOT NULL AND NOT ST_IsEmpty({geom}) "
                    "AND ST_IsValid({geom}) FROM {schema}.{table}").format(
        key=sql.Identifier(pg.key), geom=geom, schema=sql.Identifier(pg.table.schema),
        table=sql.Identifier(pg.table.table))
    if pg.subset:
        # The layer's own filter, SQL its user wrote for this database, which the postgres provider puts in its
        # WHERE clause verbatim too; no value of the run goes into it.
        query = sql.SQL("{} WHERE {}").format(query, sql.SQL(pg.subset))
    try:
        conn = connect(pg.table)
    except LandEvalError:
        return None
    buffer = io.StringIO()
    try:
        with conn.cursor() as cur:
            cur.execute("SET client_min_messages = error")  # ST_IsValid's NOTICE per invalid polygon
            # COPY out as CSV, parsed by pandas: no Python object per parcel (10⁶ rows).
            cur.copy_expert(sql.SQL("COPY ({}) TO STDOUT WITH (FORMAT csv)").format(query).as_string(cur), buffer)
    except psycopg2.Error:
        return None
    finally:
        conn.close()
    buffer.seek(0)
    rows = pd.read_csv(buffer, header=None, names=["fid", "area", "ok"], dtype={"fid": np.int64, "area": float,
                                                                                "ok": str})
    area = rows["area"].to_numpy(dtype=float)
    return rows["fid"].to_numpy(dtype=np.int64), area, (rows["ok"].to_numpy() == "t") & (area >= 0)


def destination(target):
    """The PgTable of a sink target (algorithms/params.OutputSink) that names a PostGIS table, else None."""
    parameters, name, context = (getattr(target, a, None) for a in ("parameters", "name", "context"))
    if not isinstance(parameters, dict):
        return None
    value = parameters.get(name)
    if isinstance(value, QgsProcessingOutputLayerDefinition):
        value = value.sink
    if isinstance(value, QgsProperty):
        value, _ = value.valueAsString(context.expressionContext())
    if not isinstance(value, str) or value == QgsProcessing.TEMPORARY_OUTPUT:
        return None
    return parse(value)


def mask_password(text, uri):
    """`text` with the connection's password (if any) replaced by ***."""
    password = uri.password()
    text = str(text).strip()
    return text.replace(password, "***") if password else text


def connect(table):
    """A psycopg2 connection to the database of `table` (authentication configuration expanded by QGIS);
    LandEvalError without the password when the server refuses it."""
    import psycopg2

    try:
        return psycopg2.connect(table.uri.connectionInfo(True), application_name="LandEval")
    except psycopg2.Error as err:
        raise LandEvalError(
            "Cannot connect to the PostGIS database {where} as {user}: {reason}. Check the user name and password "
            "of the connection (or its authentication configuration) and that the server runs; nothing was written.",
            where=table.where, user=table.uri.username() or "(default user)",
            reason=mask_password(err, table.uri)) from None


def pg_type(field):
    """The PostgreSQL column type of a QgsField."""
    return _PG_TYPES.get(field.type(), "text")


def _ewkb_hex(geometry, srid):
    """Hex EWKB of a QgsGeometry with its SRID set (PostGIS's geometry input reads it in COPY), or None."""
    if geometry is None or geometry.isNull():
        return None
    wkb = bytes(geometry.asWkb())
    if not srid:
        return wkb.hex()
    order = "<" if wkb[0] == 1 else ">"
    (kind,) = struct.unpack(order + "I", wkb[1:5])
    return (wkb[:1] + struct.pack(order + "II", kind | _EWKB_SRID_FLAG, srid) + wkb[5:]).hex()


_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _copy_text(value):
    """One value in COPY's text format (\\N for NULL)."""
    if value is None or (isinstance(value, QVariant) and value.isNull()):
        return "\\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, float):
        return "\\N" if value != value else repr(value)
    if isinstance(value, (QDate, QDateTime, QTime)):
        return value.toString("yyyy-MM-dd") if isinstance(value, QDate) else value.toString(
            "yyyy-MM-ddTHH:mm:ss.zzz" if isinstance(value, QDateTime) else "HH:mm:ss.zzz") or "\\N"
    return str(value).translate(_ESCAPES)


def _srid(crs):
    """The EPSG code of a CRS as PostGIS's SRID (0: unknown, the geometry column then has none)."""
    authid = crs.authid() if crs is not None and crs.isValid() else ""
    return int(authid.split(":")[1]) if authid.upper().startswith("EPSG:") else 0


class _Plan(NamedTuple):
    """The columns of the table to write: `names` in COPY order, the primary key and whether it is loaded."""

    names: list
    key: str
    key_loaded: bool


def _plan(fields, geometry):
    """Column names of the output: every field, the geometry (when any) and the primary key `fid` (a field of
    that name — the source's feature id — is the key; otherwise a serial column is added)."""
    names = fields.names()
    key = next((n for n in names if n.lower() == "fid"), None)
    return _Plan(names + ([geometry] if geometry else []), key or "fid", key is not None)


def _create_sql(sql, schema, temp, fields, plan, geometry, wkb, srid):
    """CREATE TABLE of the output under its temporary name."""
    columns = [sql.SQL("{} {}").format(sql.Identifier(f.name()), sql.SQL(pg_type(f))) for f in fields]
    if not plan.key_loaded:
        columns.insert(0, sql.SQL("{} bigserial").format(sql.Identifier(plan.key)))
    if geometry:
        kind = QgsWkbTypes.displayString(QgsWkbTypes.flatType(wkb)).upper() or "GEOMETRY"
        dims = ("Z" if QgsWkbTypes.hasZ(wkb) else "") + ("M" if QgsWkbTypes.hasM(wkb) else "")
        typmod = f"geometry({kind}{dims}, {srid})" if srid else f"geometry({kind}{dims})"
        columns.append(sql.SQL("{} " + typmod).format(sql.Identifier(geometry)))
    return sql.SQL("CREATE TABLE {}.{} ({})").format(sql.Identifier(schema), sql.Identifier(temp),
                                                      sql.SQL(", ").join(columns))


def _copy_rows(cur, sql, schema, temp, plan, features, geometry, srid, feedback):
    """COPY the features into the temporary table in chunks; returns how many were written. (The feature
    iterators of qgis_io.writer report progress and check Cancel as they go; checked again per chunk.)"""
    copy = sql.SQL("COPY {}.{} ({}) FROM STDIN").format(
        sql.Identifier(schema), sql.Identifier(temp), sql.SQL(", ").join(map(sql.Identifier, plan.names)))
    statement = copy.as_string(cur)
    count, lines = 0, []
    for feature in features:
        values = [_copy_text(v) for v in feature.attributes()]
        if geometry:
            values.append(_copy_text(_ewkb_hex(feature.geometry(), srid)))
        lines.append("\t".join(values))
        count += 1
        if len(lines) == _CHUNK:
            cur.copy_expert(statement, io.StringIO("\n".join(lines) + "\n"))
            lines = []
            check_canceled(feedback)
    if lines:
        cur.copy_expert(statement, io.StringIO("\n".join(lines) + "\n"))
    check_canceled(feedback)
    return count


def _table_exists(cur, schema, table):
    cur.execute("SELECT to_regclass(%s) IS NOT NULL",
                (f'"{schema.replace(chr(34), chr(34) * 2)}"."{table.replace(chr(34), chr(34) * 2)}"',))
    return cur.fetchone()[0]


def replace_asked(table):
    """Whether the destination asks for an existing table to be replaced (`replace=yes`)."""
    return table.uri.param(REPLACE_OPTION).lower() in ("yes", "true", "1")


def _exists_error(table, param):
    return LandEvalError(
        "The PostGIS table {schema}.{table} already exists on {where}. Choose another table name for "
        "{param}, or add replace=yes to the destination to replace it (e.g. postgis:… replace=yes "
        "table=\"{schema}\".\"{table}\" (geom)); nothing was written.",
        schema=table.schema, table=table.table, where=table.where, param=param)


def refuse_existing(table, param):
    """Before any work, as the run's parameters are checked: LandEvalError when the destination table exists and
    replace=yes was not asked. A server that cannot be reached is left for the write to report."""
    import psycopg2

    if replace_asked(table):
        return
    try:
        conn = connect(table)
    except LandEvalError:
        return
    try:
        with conn.cursor() as cur:
            exists = _table_exists(cur, table.schema, table.table)
    except psycopg2.Error:
        return
    finally:
        conn.close()
    if exists:
        raise _exists_error(table, param)


def _finish_sql(sql, schema, temp, table, plan, fields, geometry):
    """Rename into place, primary key, spatial index and the aliases as column comments."""
    target = sql.SQL("{}.{}").format(sql.Identifier(schema), sql.Identifier(table))
    statements = [
        sql.SQL("ALTER TABLE {}.{} RENAME TO {}").format(sql.Identifier(schema), sql.Identifier(temp),
                                                        sql.Identifier(table)),
        sql.SQL("ALTER TABLE {} ADD PRIMARY KEY ({})").format(target, sql.Identifier(plan.key)),
    ]
    if geometry:
        statements.append(sql.SQL("CREATE INDEX ON {} USING GIST ({})").format(target, sql.Identifier(geometry)))
    return statements, [(sql.SQL("COMMENT ON COLUMN {}.{} IS %s").format(target, sql.Identifier(f.name())), f.alias())
                        for f in fields if f.alias()]


def _error(err, table, param):
    """The LandEvalError for a database error during the write (no password in it)."""
    import psycopg2.errors

    reason = mask_password(getattr(err, "pgerror", None) or err, table.uri)
    if isinstance(err, psycopg2.errors.InsufficientPrivilege):
        return LandEvalError(
            "The role {user} may not create the table {table} in schema {schema} of {where} ({reason}). Ask the "
            "database administrator for CREATE on schema {schema} (GRANT CREATE ON SCHEMA), or choose for {param} a "
            "schema you may write to; nothing was written.",
            user=table.uri.username() or "(default user)", table=table.table, schema=table.schema,
            where=table.where, reason=reason, param=param)
    return LandEvalError(
        "Writing the PostGIS table {schema}.{table} on {where} failed: {reason}. Nothing was written and an existing "
        "table of that name was left as it was; check the server and run again.",
        schema=table.schema, table=table.table, where=table.where, reason=reason)


def _results_csv(copy, columns):
    """The result columns and their feature ids as CSV for COPY (\\N for NULL, so an empty text stays empty),
    one buffer per _RESULT_CHUNK rows, so that memory holds one chunk's text at a time."""
    frame = pd.DataFrame({f"r{k}": copy.results[c] for k, c in enumerate(columns)})
    for name in frame.columns:
        if pd.api.types.is_bool_dtype(frame[name].dtype):
            frame[name] = frame[name].astype(int)  # written as integers, as the general path does
    frame.insert(0, "le_fid", np.asarray(copy.fids, dtype=np.int64))
    for start in range(0, len(frame), _RESULT_CHUNK):
        buffer = io.StringIO()
        frame.iloc[start:start + _RESULT_CHUNK].to_csv(buffer, index=False, header=False, na_rep="\\N")
        buffer.seek(0)
        yield buffer


def _fill_on_server(cur, sql, schema, temp, fields, plan, geometry, copy, feedback):
    """Fill the temporary table from the source table in the same database (INSERT … SELECT joined with the
    results COPYed into a session table): no feature crosses into Python. Returns the number of rows."""
    src = copy.postgis
    columns = [c for kind, c in copy.plan if kind == "res"]
    slot = {c: k for k, c in enumerate(columns)}
    by_name = {fields.at(i).name(): fields.at(i) for i in range(fields.count())}
    results = sql.SQL(", ").join(sql.SQL("{} " + pg_type(by_name[str(c)])).format(sql.Identifier(f"r{slot[c]}"))
                                 for c in columns)
    cur.execute(sql.SQL("CREATE TEMPORARY TABLE le_results (le_fid bigint PRIMARY KEY{}{}) ON COMMIT DROP").format(
        sql.SQL(", ") if columns else sql.SQL(""), results))
    for buffer in _results_csv(copy, columns):
        cur.copy_expert("COPY le_results FROM STDIN WITH (FORMAT csv, NULL '\\N')", buffer)
        check_canceled(feedback)
    source_names = [field.name() for field in fields]  # the output's own names; source fields keep theirs
    exprs = []
    for (kind, value), name in zip(copy.plan, source_names):
        column = sql.Identifier(name) if kind == "src" else sql.Identifier(f"r{slot[value]}")
        exprs.append(sql.SQL("s.{}").format(column) if kind == "src" else sql.SQL("r.{}").format(column))
    if geometry:
        exprs.append(sql.SQL("ST_Multi(s.{})").format(sql.Identifier(src.geometry)))
    query = sql.SQL("INSERT INTO {}.{} ({}) SELECT {} FROM {}.{} AS s LEFT JOIN le_results AS r ON r.le_fid = s.{}").format(
        sql.Identifier(schema), sql.Identifier(temp), sql.SQL(", ").join(map(sql.Identifier, plan.names)),
        sql.SQL(", ").join(exprs), sql.Identifier(src.table.schema), sql.Identifier(src.table.table),
        sql.Identifier(src.key))
    if src.subset:
        query = sql.SQL("{} WHERE {}").format(query, sql.SQL(src.subset))  # the layer's own filter (server_areas)
    cur.execute(query)
    return cur.rowcount


def _on_server(copy, table, geometry):
    """Whether the output may be filled on the server: a whole PostGIS source in the destination's database
    with a geometry (the multi type is made by ST_Multi)."""
    src = copy.postgis if copy is not None else None
    return (src is not None and geometry is not None and src.table.where == table.where
            and src.table.uri.username() == table.uri.username())


def write(table, target, context, fields, wkb, crs, features, feedback, copy=None):
    """Write `features` (QgsFeature with `fields`) as the PostGIS table `table` in one transaction; returns the
    id of the written layer (kept in the context's temporary layer store, as Processing's own PostGIS sinks
    do). An existing table is replaced only with `replace=yes` in the destination. With `copy` (writer.SqlCopy)
    from a PostGIS source in the same database, the rows are made on the server instead."""
    import psycopg2
    from psycopg2 import sql

    geometry = None
    if QgsWkbTypes.geometryType(wkb) not in (QgsWkbTypes.GeometryType.NullGeometry,
                                             QgsWkbTypes.GeometryType.UnknownGeometry):
        geometry = table.geometry or "geom"
    srid = _srid(crs) if geometry else 0
    plan = _plan(fields, geometry)
    temp = f"{table.table[:40]}__landeval_{os.getpid()}"
    param = getattr(target, "name", "OUTPUT")
    conn = connect(table)
    try:
        with conn.cursor() as cur:
            if not replace_asked(table) and _table_exists(cur, table.schema, table.table):
                raise _exists_error(table, param)
            cur.execute(_create_sql(sql, table.schema, temp, fields, plan, geometry, wkb, srid))
            count = None
            if _on_server(copy, table, geometry):
                cur.execute("SAVEPOINT le_server")
                try:
                    count = _fill_on_server(cur, sql, table.schema, temp, fields, plan, geometry, copy, feedback)
                except (psycopg2.DataError, psycopg2.ProgrammingError):
                    # A source column the output type cannot take as it is, or a field that is no column (a
                    # virtual field): the general path converts in QGIS.
                    cur.execute("ROLLBACK TO SAVEPOINT le_server")
            if count is None:
                count = _copy_rows(cur, sql, table.schema, temp, plan, features, geometry, srid, feedback)
            cur.execute(sql.SQL("DROP TABLE IF EXISTS {}.{}").format(sql.Identifier(table.schema),
                                                                   sql.Identifier(table.table)))
            statements, comments = _finish_sql(sql, table.schema, temp, table.table, plan, fields, geometry)
            for statement in statements:
                cur.execute(statement)
            for statement, alias in comments:
                cur.execute(statement, (alias,))
        conn.commit()
    except psycopg2.Error as err:
        raise _error(err, table, param) from None
    finally:
        # Rolls back whatever was not committed (an error, Cancel): the old table stays as it was.
        conn.close()
    if feedback is not None:
        feedback.pushInfo(tr("{count} feature(s) written to the PostGIS table {schema}.{table}").format(
            count=count, schema=table.schema, table=table.table))
    return _open_written(table, plan, geometry, context)


def _open_written(table, plan, geometry, context):
    """The written table as a layer of the context's temporary store (its id is the destination id)."""
    uri = QgsDataSourceUri(table.uri)
    uri.removeParam(REPLACE_OPTION)
    uri.setDataSource(table.schema, table.table, geometry or "", "", plan.key)
    if not geometry:
        uri.setWkbType(QgsWkbTypes.Type.NoGeometry)
    layer = QgsVectorLayer(uri.uri(False), table.table, "postgres")
    if not layer.isValid():
        raise LandEvalError("The PostGIS table {schema}.{table} on {where} was written but QGIS cannot open it.",
                            schema=table.schema, table=table.table, where=table.where)
    context.temporaryLayerStore().addMapLayer(layer)
    return layer.id()


def load_on_completion(target, dest_id, context):
    """Register the written table to be loaded into the project, as parameterAsSink does for its sinks."""
    value = target.parameters.get(target.name)
    if isinstance(value, QgsProcessingOutputLayerDefinition) and value.destinationProject is not None:
        name = value.destinationName or target.name
        context.addLayerToLoadOnCompletion(dest_id, QgsProcessingContext.LayerDetails(
            name, value.destinationProject, target.name))
