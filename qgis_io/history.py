"""The inefficient-land database's history of evaluated rounds (低效用地数据库, issue 16): one row per parcel and
round, appended by landeval:registerround to a table in PostGIS or in a GeoPackage.

The table (default name `landeval_rounds`) has no geometry: round (a year `2024` or a date `2024-06-30`, text,
so that text order is time order), parcel_id, score, tier, category, inefficient, ineff_type, ineff_flags,
weight_set, weight_digest, registered_at (UTC, ISO 8601). (round, parcel_id) is unique, and a round already in the
table is refused as a whole before anything is written. Each round goes in one transaction.

Reading rounds back needs no code here: the table is a layer, and one round is that layer filtered on it
(`… sql="round" = '2024'` for PostGIS, `history.gpkg|layername=landeval_rounds|subset="round" = '2024'`),
which landeval:persistence and landeval:comparerounds take as any round.
"""
import io
import os
import re
import sqlite3
from datetime import datetime, timezone

from ..core.errors import LandEvalError
from . import postgis
from .values import python_values

DEFAULT_TABLE = "landeval_rounds"
# (column, PostgreSQL type, GeoPackage/OGR kind) in table order.
COLUMNS = (
    ("round", "text", "string"), ("parcel_id", "text", "string"), ("score", "double precision", "real"),
    ("tier", "text", "string"), ("category", "text", "string"), ("inefficient", "integer", "integer"),
    ("ineff_type", "text", "string"), ("ineff_flags", "text", "string"), ("weight_set", "text", "string"),
    ("weight_digest", "text", "string"), ("registered_at", "text", "string"),
)
NAMES = [c[0] for c in COLUMNS]
_ROUND_RE = re.compile(r"^\d{4}(-\d{2}-\d{2})?$")


def check_round(text):
    """The round as written in the table: a year (2024) or an ISO date (2024-06-30); LandEvalError otherwise."""
    text = (text or "").strip()
    if _ROUND_RE.match(text):
        try:
            if len(text) > 4:
                datetime.strptime(text, "%Y-%m-%d")
            return text
        except ValueError:
            pass
    raise LandEvalError("ROUND {value!r} is neither a year (2024) nor a date (2024-06-30): give the round's year or "
                        "the date of its evaluation.", value=text)


def round_rows(frame, round_name, weight_set, weight_digest):
    """The history rows of one round: `frame` holds parcel_id and the result columns it has (absent: NULL)."""
    rows = frame.reindex(columns=NAMES).copy()
    rows["round"] = round_name
    rows["weight_set"] = weight_set
    rows["weight_digest"] = weight_digest
    rows["registered_at"] = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    rows["inefficient"] = rows["inefficient"].astype("Int64")
    return rows


def split_history(text):
    """('postgis', PgTable) or ('gpkg', path, table) for HISTORY: a `postgis:`/`postgres://` table, or a
    GeoPackage path with an optional `|layername=`."""
    table = postgis.parse(text)
    if table is not None:
        return ("postgis", table)
    path, _, option = (text or "").strip().partition("|")
    key, _, value = option.partition("=")
    name = value.strip() if key.strip().lower() == "layername" and value.strip() else DEFAULT_TABLE
    if not path.lower().endswith(".gpkg"):
        raise LandEvalError("HISTORY {value!r} is neither a PostGIS table (postgis:dbname=… table=\"schema\".\"name\") "
                            "nor a GeoPackage (.gpkg, optionally |layername=…).", value=text)
    return ("gpkg", os.path.abspath(path), name)


def append_round(history, rows):
    """Append `rows` (round_rows) to the history table `history` (split_history), creating it when missing;
    returns where they went (no password). A round already registered there is refused."""
    target = split_history(history)
    if target[0] == "postgis":
        return _append_postgis(target[1], rows)
    return _append_geopackage(target[1], target[2], rows)


def _already(round_name, where):
    return LandEvalError("Round {round} is already registered in {where}: a round is registered once. Give another "
                         "ROUND, or delete that round's rows from the table first if it must be replaced.",
                         round=round_name, where=where)


def _append_postgis(table, rows):
    """COPY the rows in one transaction; the table (with its unique key) is created when missing."""
    import psycopg2
    from psycopg2 import sql

    name = sql.SQL("{}.{}").format(sql.Identifier(table.schema), sql.Identifier(table.table))
    where = f"{table.schema}.{table.table} ({table.where})"
    conn = postgis.connect(table)
    try:
        with conn.cursor() as cur:
            columns = sql.SQL(", ").join(sql.SQL("{} " + kind).format(sql.Identifier(column))
                                         for column, kind, _ in COLUMNS)
            cur.execute(sql.SQL("CREATE TABLE IF NOT EXISTS {} (fid bigserial PRIMARY KEY, {}, "
                                "UNIQUE (round, parcel_id))").format(name, columns))
            cur.execute(sql.SQL("LOCK TABLE {} IN SHARE ROW EXCLUSIVE MODE").format(name))
            cur.execute(sql.SQL("SELECT EXISTS (SELECT 1 FROM {} WHERE round = %s)").format(name),
                        (rows["round"].iat[0],))
            if cur.fetchone()[0]:
                raise _already(rows["round"].iat[0], where)
            buffer = io.StringIO()
            rows[NAMES].to_csv(buffer, index=False, header=False)
            buffer.seek(0)
            cur.copy_expert(sql.SQL("COPY {} ({}) FROM STDIN WITH (FORMAT csv)").format(
                name, sql.SQL(", ").join(map(sql.Identifier, NAMES))).as_string(cur), buffer)
        conn.commit()
    except psycopg2.Error as err:
        raise LandEvalError("Registering the round in the PostGIS table {where} failed: {reason}. Nothing was "
                            "registered.", where=where, reason=postgis.mask_password(err, table.uri)) from None
    finally:
        conn.close()
    return where


def _create_geopackage_table(path, name):
    """An attribute table (no geometry) `name` in the GeoPackage `path` (created when missing), made by OGR so
    that QGIS lists it."""
    from osgeo import ogr

    kinds = {"string": ogr.OFTString, "real": ogr.OFTReal, "integer": ogr.OFTInteger}
    driver = ogr.GetDriverByName("GPKG")
    dataset = ogr.Open(path, 1) if os.path.exists(path) else driver.CreateDataSource(path)
    if dataset is None:
        raise LandEvalError("Cannot open or create the GeoPackage {path} for HISTORY: choose a .gpkg file you may "
                            "write.", path=path)
    if dataset.GetLayerByName(name) is None:
        layer = dataset.CreateLayer(name, geom_type=ogr.wkbNone, options=["FID=fid"])
        for column, _, kind in COLUMNS:
            layer.CreateField(ogr.FieldDefn(column, kinds[kind]))
    dataset = None


def _append_geopackage(path, name, rows):
    """Insert the rows in one SQLite transaction (executemany: no per-parcel Python loop)."""
    _create_geopackage_table(path, name)
    where = f"{path}|layername={name}"
    quoted = '"' + name.replace('"', '""') + '"'
    conn = sqlite3.connect(path)
    try:
        with conn:
            conn.execute(f"CREATE UNIQUE INDEX IF NOT EXISTS {quoted[:-1]}_round_parcel\" ON {quoted} "
                         "(round, parcel_id)")
            if conn.execute(f"SELECT 1 FROM {quoted} WHERE round = ? LIMIT 1", (rows["round"].iat[0],)).fetchone():
                raise _already(rows["round"].iat[0], where)
            values = zip(*(python_values(rows[column]) for column in NAMES))
            conn.executemany(f"INSERT INTO {quoted} ({', '.join(NAMES)}) VALUES ({', '.join('?' * len(NAMES))})",
                             values)
    except sqlite3.Error as err:
        raise LandEvalError("Registering the round in {where} failed: {reason}. Nothing was registered.",
                            where=where, reason=str(err)) from None
    finally:
        conn.close()
    return where
