#!/usr/bin/python3
"""LandEval benchmark, PostGIS → PostGIS (issue 16): landeval:evaluate against native:savefeatures.

    scripts/bench_postgis.py                        # 100k and 1M parcels, each step once
    scripts/bench_postgis.py --sizes 10k            # a quick check

The sample county of scripts/bench (same generator, seed and cache) is loaded into PostGIS (the parcels with
ogr2ogr's PostgreSQL driver; not timed). Then, per size, each step is its own `qgis_process.bin` child, as in
scripts/bench (wall time with QGIS start-up, the child's peak RSS):
  1. native:savefeatures  parcels PostGIS table -> new PostGIS table (QGIS's own PostGIS sink);
  2. landeval:evaluate    parcels PostGIS table (+ the enterprise CSV, as in scripts/bench) -> new PostGIS
                          table (qgis_io/postgis.py: one transaction; in one database the rows are made on the
                          server), styled in public.layer_styles.
It needs a PostgreSQL with PostGIS: LANDEVAL_PG_URI (an admin role's libpq string), else it starts the
throwaway cluster of scripts/postgis_cluster.sh for the run and removes it afterwards.
"""
import argparse
import importlib.util
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = "bench"


def _bench():
    """scripts/bench.py as a module (its sample cache, runner and helpers)."""
    spec = importlib.util.spec_from_file_location("landeval_bench", ROOT / "scripts" / "bench.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _with_cluster(argv):
    """Run this script again inside a throwaway cluster (scripts/postgis_cluster.sh), removed on exit."""
    script = ('source "$1/scripts/postgis_cluster.sh" && landeval_pg_start; shift; '
              'if [ -z "${LANDEVAL_PG_URI:-}" ]; then echo "bench_postgis: $LANDEVAL_PG_ERROR" >&2; exit 3; fi; '
              '"$@"; status=$?; exit $status')
    return subprocess.call(["bash", "-c", script, "bench", str(ROOT), sys.executable, __file__, *argv])


def _params(uri):
    return dict(part.split("=", 1) for part in uri.split())


def _connection(uri):
    p = _params(uri)
    return f"dbname='{p['dbname']}' host={p.get('host', 'localhost')} port={p.get('port', '5432')} user='{p['user']}'"


def load_parcels(uri, folder, size, log):
    """The sample's parcels as the PostGIS table bench.parcels_<size> (created once per cluster)."""
    import psycopg2
    from osgeo import gdal

    table = f"parcels_{size}"
    with psycopg2.connect(uri) as conn, conn.cursor() as cur:
        cur.execute(f"CREATE SCHEMA IF NOT EXISTS {SCHEMA}")
        cur.execute("SELECT to_regclass(%s) IS NOT NULL", (f"{SCHEMA}.{table}",))
        exists = cur.fetchone()[0]
    if not exists:
        p = _params(uri)
        t0 = time.perf_counter()
        done = gdal.VectorTranslate(f"PG:host={p.get('host')} port={p.get('port')} dbname={p['dbname']} "
                                    f"user={p['user']}", str(folder / "sample_county.gpkg"), layers=["parcels"],
                                    layerName=f"{SCHEMA}.{table}", format="PostgreSQL",
                                    layerCreationOptions=["GEOMETRY_NAME=geom", "FID=fid"])
        if done is None:
            raise SystemExit(f"loading {folder / 'sample_county.gpkg'} into PostGIS failed")
        done = None
        log(f"  loaded into PostGIS in {time.perf_counter() - t0:.1f} s (not timed)")
    return f"postgres://{_connection(uri)} key='fid' table=\"{SCHEMA}\".\"{table}\" (geom)"


def drop(uri, table):
    import psycopg2

    with psycopg2.connect(uri) as conn, conn.cursor() as cur:
        cur.execute(f'DROP TABLE IF EXISTS {SCHEMA}."{table}"')


def measure(bench, runner, uri, sizes, cache, log):
    records = []
    for size in sizes:
        folder = bench.sample_dir(cache, size, log)
        parcels = load_parcels(uri, folder, size, log)
        steps = (
            ("savefeatures", "native:savefeatures", {"INPUT": parcels}),
            ("evaluate", "landeval:evaluate", {"PARCELS": parcels, "PARCEL_ID": bench.PARCEL_ID,
                                               "ENTERPRISES": folder / "enterprises.csv",
                                               "ENTERPRISE_PARCEL_ID": bench.PARCEL_ID, "PRESET": bench.PRESET}),
        )
        for step, alg, params in steps:
            out = f"{step}_{size}"
            drop(uri, out)
            log(f"{bench.human(size)} parcels: {alg} PostGIS -> PostGIS ...")
            done = runner.run(alg, {**params, "OUTPUT": f"postgis:{_connection(uri)} table=\"{SCHEMA}\".\"{out}\" "
                                                        "(geom)"}, f"pg-{step}-{size}")
            records.append(dict(size=size, step=step, seconds=done["seconds"], peak_rss=done["rss"]))
            drop(uri, out)
    return records


def table(bench, records):
    head = f"{'parcels':>10}  {'step (PostGIS -> PostGIS)':<26} {'seconds':>8} {'2/1':>6} {'peak RSS':>10} {'parcels/s':>10}"
    lines = [head, "-" * len(head)]
    base = {r["size"]: r["seconds"] for r in records if r["step"] == "savefeatures"}
    for r in records:
        ratio = f"{r['seconds'] / base[r['size']]:.2f}" if r["step"] == "evaluate" and r["size"] in base else ""
        lines.append(f"{bench.human(r['size']):>10}  {r['step']:<26} {r['seconds']:8.2f} {ratio:>6} "
                     f"{r['peak_rss'] / 2 ** 20:7.0f} MB {r['size'] / r['seconds']:10,.0f}")
    return "\n".join(lines)


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="100k,1M", help="parcel counts, e.g. 10k,100k,1M (default 100k,1M)")
    ap.add_argument("--cache", default=str(ROOT / ".bench-cache"), help="cache folder (default .bench-cache/)")
    args = ap.parse_args(argv)
    uri = os.environ.get("LANDEVAL_PG_URI")
    if not uri:
        return _with_cluster(argv)
    bench = _bench()
    sizes = bench.parse_sizes(args.sizes)

    def log(message):
        print(message, file=sys.stderr, flush=True)

    with tempfile.TemporaryDirectory(prefix="landeval-bench-pg-") as workdir:
        runner = bench.Runner(workdir)
        records = measure(bench, runner, uri, sizes, Path(args.cache), log)
    print(table(bench, records))
    return 0


if __name__ == "__main__":
    sys.exit(main())
