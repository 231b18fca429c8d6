#!/usr/bin/python3
"""LandEval benchmark: landeval:evaluate against QGIS's own tools at 10 k, 100 k and 1 M parcels.

    scripts/bench                                   # 10k, 100k and 1M parcels, each step once
    scripts/bench --sizes 10k,100k --repeat 3       # median of three runs per step
    scripts/bench --sizes 100k --profile            # py-spy profile of the evaluate step

Per size, in one run, each step is its own `qgis_process.bin` child (a fresh QGIS, as a headless batch job):
  1. native:savefeatures   parcel layer -> new GeoPackage (the floor: read + write);
  2. native:fieldcalculator the weighted sum of the preset's indicators as one QGIS expression, on a layer that
                           already carries the indicator columns (what a user does without LandEval; the join
                           and indicator preparation is not timed, which favours this step);
  3. landeval:evaluate     the whole chain with the preset, styled GeoPackage output;
  4. landeval:robustness   --draws weight draws (default 1000, Dirichlet, the preset's threshold) on step 3's
                           output, styled GeoPackage output (issue 14's target: at most 3 x step 3's time and
                           1.5 x its peak RSS, printed below the table).
Wall time includes QGIS start-up (about 1-2 s); peak RSS is the child's own (`os.wait4` in a small launcher).

Sample counties come from scripts/make_sample.py and are cached in .bench-cache/ by size, seed and the
generator's sha256, so a changed generator regenerates them and an unchanged one is reused.
"""
import argparse
import hashlib
import importlib.util
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
GENERATOR = ROOT / "scripts" / "make_sample.py"
DEFAULT_CACHE = ROOT / ".bench-cache"
DEFAULT_SIZES = "10k,100k,1M"
PRESET = "jiangning"
PARCEL_LAYER = "parcels"
PARCEL_ID = "宗地编号"
SEED = 20240501
# Bump when the preparation of the field-calculator input changes, so cached inputs are rebuilt.
PREP_VERSION = 2
# evaluate writes KEEP_FIELDS 0 (its default since issue 17); evaluate_all KEEP_FIELDS 2, every column as before.
STEPS = ("savefeatures", "fieldcalculator", "evaluate", "evaluate_all", "robustness")
DRAWS = 1000
# Issue 14: 1 000 draws take at most 3 x one evaluate of the same parcels, with at most 1.5 x its peak memory.
ROBUSTNESS_TARGETS = (3.0, 1.5)

# Each step is started through this small launcher, which forks it and reports the child's peak RSS.
# Linux keeps a process's peak RSS across fork+exec from its parent: measured directly from this (large,
# after preparing a million parcels) process, every child would report at least this process's peak.
LAUNCHER = """
import os, sys
pid = os.fork()
if pid == 0:
    os.execv(sys.argv[2], sys.argv[2:])
_, status, usage = os.wait4(pid, 0)
with open(sys.argv[1], "w") as fh:
    fh.write(str(usage.ru_maxrss))
code = os.waitstatus_to_exitcode(status)
sys.exit(code if code >= 0 else 128 - code)
"""


def qgis_process_path():
    """$LANDEVAL_QGIS_PROCESS, else Debian's real binary (the /usr/bin/qgis_process wrapper is broken on 3.22)."""
    for candidate in (os.environ.get("LANDEVAL_QGIS_PROCESS"), "/usr/bin/qgis_process.bin",
                      shutil.which("qgis_process.bin"), shutil.which("qgis_process")):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    raise SystemExit("qgis_process not found: install QGIS (scripts/setup.sh) or set LANDEVAL_QGIS_PROCESS")


def import_landeval():
    """The checkout as the package `landeval` (its folder may have any name); core/ needs no QGIS."""
    if "landeval" not in sys.modules:
        spec = importlib.util.spec_from_file_location("landeval", ROOT / "__init__.py",
                                                      submodule_search_locations=[str(ROOT)])
        module = importlib.util.module_from_spec(spec)
        sys.modules["landeval"] = module
        spec.loader.exec_module(module)
    return sys.modules["landeval"]


def parse_sizes(text):
    """'10k,100k,1M' -> [10000, 100000, 1000000]."""
    out = []
    for part in text.split(","):
        part = part.strip().lower()
        scale = {"k": 1000, "m": 1000000}.get(part[-1:], 1)
        number = float(part[:-1] if scale > 1 else part)
        out.append(int(round(number * scale)))
    return out


def human(n):
    return f"{n:,}".replace(",", " ")


# ------------------------------------------------------------------------------------------------- inputs
def sha256_file(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def sample_dir(cache, size, log):
    """The cached sample county of `size` parcels, generated when missing or when the generator changed."""
    folder = cache / f"gen-{sha256_file(GENERATOR)[:12]}-seed{SEED}" / f"p{size}"
    done = folder / "summary.txt"
    if done.is_file():
        return folder
    if folder.exists():
        shutil.rmtree(folder)
    log(f"generating {human(size)} parcels into {folder} ...")
    t0 = time.perf_counter()
    result = subprocess.run([sys.executable, str(GENERATOR), "--parcels", str(size), "--seed", str(SEED),
                             "--out", str(folder), "--no-xlsx"], capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"make_sample.py failed for {size} parcels:\n{result.stderr[-3000:]}")
    # Written last: a folder without it is an interrupted generation and is regenerated next time.
    done.write_text(result.stdout)
    log(f"  generated in {time.perf_counter() - t0:.1f} s")
    return folder


def read_enterprises(path):
    """The enterprise CSV (GBK, Chinese headers) with canonical ids as column names."""
    from landeval.core.catalogue import load_catalogue

    table = pd.read_csv(path, encoding="gb18030", dtype={PARCEL_ID: str}, low_memory=False)
    resolved = load_catalogue().resolve_columns(table.columns)
    return table.rename(columns={column: fid for fid, column in resolved.items()})


def aggregate_per_parcel(firms, raw_ids):
    """One row per parcel id from the enterprise rows, by each raw input's catalogue `aggregate` rule.

    This is the manual join a user makes before a field calculator (QGIS's Aggregate + Join); it stands in
    for that preparation, so step 2 is measured on the expression alone.
    """
    from landeval.core.catalogue import load_catalogue

    catalogue = load_catalogue()
    out = {}
    output = pd.to_numeric(firms["output_value"], errors="coerce")
    dominant_rows = output.fillna(-np.inf).groupby(firms["parcel_id"], sort=False).idxmax()
    for rid in raw_ids:
        entry = catalogue.raw[rid]
        if entry.aggregate == "dominant":
            out[rid] = firms.loc[dominant_rows.to_numpy(), rid].set_axis(dominant_rows.index)
            continue
        values = pd.to_numeric(firms[rid], errors="coerce")
        if entry.aggregate == "wmean":
            weight = pd.to_numeric(firms[entry.weight_by], errors="coerce").where(values.notna())
            num = (values * weight).groupby(firms["parcel_id"], sort=False).sum(min_count=1)
            den = weight.groupby(firms["parcel_id"], sort=False).sum(min_count=1)
            plain = values.groupby(firms["parcel_id"], sort=False).mean()
            out[rid] = (num / den.where(den > 0)).fillna(plain)
        else:
            out[rid] = values.groupby(firms["parcel_id"], sort=False).sum(min_count=1)
    return pd.DataFrame(out)


def preset_indicators():
    """(combined weight, IndicatorSpec, catalogue entry) of every indicator of the benchmark preset."""
    from landeval.core.catalogue import load_catalogue
    from landeval.core.config import load_config

    cfg = load_config(PRESET)
    catalogue = load_catalogue()
    weights = cfg.combined_weights()
    return cfg, [(weights[ind.id], ind, catalogue.get(ind.id)) for _, ind in cfg.indicators()]


def indicator_values(parcels, agg, area_unit):
    """Indicator columns by the catalogue formulas (num / den, den may be the parcel area)."""
    from landeval.core.units import from_m2

    _, indicators = preset_indicators()
    joined = agg.reindex(parcels["pid"])
    area = {"area_m2": parcels["area_m2"].to_numpy(), "area": from_m2(parcels["area_m2"].to_numpy(), area_unit)}
    out = {}
    for _, ind, entry in indicators:
        formula = entry.formula
        if not formula:
            column = joined[ind.id]
            out[ind.id] = column.to_numpy() if column.dtype == object else column.to_numpy(dtype=float)
            continue
        num = joined[formula["num"]].to_numpy(dtype=float)
        den = area[formula["den"]] if formula["den"] in area else joined[formula["den"]].to_numpy(dtype=float)
        with np.errstate(divide="ignore", invalid="ignore"):
            value = num / den
        out[ind.id] = np.where(np.isfinite(value), value, np.nan)
    return pd.DataFrame(out)


def _no_op(*_args):
    return 0


def add_columns(gpkg, layer, fids, frame):
    """Add `frame`'s columns to a GeoPackage layer, row k to feature fids[k], in bulk SQL.

    The rtree triggers of a GeoPackage call ST_IsEmpty/ST_Min*/ST_Max* (SpatiaLite/GDAL functions) when a
    row's fid changes; plain sqlite3 must know the names to prepare an UPDATE, and they never run here.
    """
    con = sqlite3.connect(gpkg)
    for name in ("ST_IsEmpty", "ST_MinX", "ST_MaxX", "ST_MinY", "ST_MaxY"):
        con.create_function(name, 1, _no_op)
    names = list(frame.columns)
    kinds = ["TEXT" if frame[c].dtype == object else "REAL" for c in names]
    with con:
        con.execute("CREATE TEMP TABLE bench_values (fid INTEGER PRIMARY KEY, {})".format(
            ", ".join(f'"{n}" {k}' for n, k in zip(names, kinds))))
        columns = [np.asarray(fids).tolist()] + [
            frame[c].where(frame[c].notna(), None).tolist() for c in names]
        con.executemany("INSERT INTO bench_values VALUES ({})".format(",".join("?" * len(columns))),
                        zip(*columns))
        for n, k in zip(names, kinds):
            con.execute(f'ALTER TABLE "{layer}" ADD COLUMN "{n}" {k}')
        con.execute('UPDATE "{0}" SET ({1}) = ({2}) FROM bench_values v WHERE "{0}".fid = v.fid'.format(
            layer, ", ".join(f'"{n}"' for n in names), ", ".join(f'v."{n}"' for n in names)))
    con.close()


def fieldcalc_input(folder, log):
    """Parcel layer + the preset's indicator columns (cached beside the sample): the input of step 2."""
    from osgeo import gdal, ogr

    gdal.UseExceptions()
    key = hashlib.sha256(b"%d" % PREP_VERSION)
    for path in (ROOT / "resources" / "presets" / "catalogue.yaml", ROOT / "resources" / "presets" / f"{PRESET}.yaml"):
        key.update(Path(path).read_bytes())
    target = folder / f"indicators-{key.hexdigest()[:12]}.gpkg"
    if target.is_file():
        return target
    log(f"  preparing the field-calculator input {target.name} ...")
    t0 = time.perf_counter()
    cfg, indicators = preset_indicators()
    catalogue = import_landeval().core.catalogue.load_catalogue()
    raw_ids = []
    for _, ind, entry in indicators:
        for rid in entry.inputs:
            if rid not in ("area", "area_m2") and rid not in raw_ids:
                raw_ids.append(rid)
                weight_by = catalogue.raw[rid].weight_by
                if weight_by and weight_by not in raw_ids:
                    raw_ids.append(weight_by)
    firms = read_enterprises(folder / "enterprises.csv")
    agg = aggregate_per_parcel(firms, raw_ids)
    src = ogr.Open(str(folder / "sample_county.gpkg"))
    sql = src.ExecuteSQL(f'SELECT fid, "{PARCEL_ID}", ST_Area(geom) FROM {PARCEL_LAYER}', dialect="SQLITE")
    rows = [(f.GetFID(), f.GetField(0), f.GetField(1)) for f in sql]
    src.ReleaseResultSet(sql)
    src = None
    fids, pids, areas = zip(*rows)
    parcels = pd.DataFrame({"pid": pids, "area_m2": areas})
    values = indicator_values(parcels, agg, cfg.area_unit)
    tmp = target.with_suffix(".tmp.gpkg")
    gdal.VectorTranslate(str(tmp), str(folder / "sample_county.gpkg"), layers=[PARCEL_LAYER], format="GPKG")
    add_columns(str(tmp), PARCEL_LAYER, fids, values)
    os.replace(tmp, target)
    log(f"  prepared in {time.perf_counter() - t0:.1f} s")
    return target


def minmax(values):
    finite = values[np.isfinite(values)]
    return (float(finite.min()), float(finite.max())) if len(finite) else (0.0, 0.0)


def score_expression(layer_path):
    """The preset's weighted sum as one QGIS expression: min-max normalized indicators (the min and max read
    from the prepared layer), categorical indicators through CASE, a missing value contributing 0."""
    from osgeo import ogr

    _, indicators = preset_indicators()
    ds = ogr.Open(str(layer_path))
    terms = []
    for weight, ind, _ in indicators:
        field = f'"{ind.id}"'
        if ind.direction == "categorical":
            cases = " ".join(f"WHEN {field} = '{value}' THEN {score!r}" for value, score in ind.scores.items())
            normalized = f"CASE {cases} END"
        else:
            sql = ds.ExecuteSQL(f'SELECT MIN({field}), MAX({field}) FROM {PARCEL_LAYER}')
            feature = sql.GetNextFeature()
            lo, hi = feature.GetField(0), feature.GetField(1)
            ds.ReleaseResultSet(sql)
            if lo is None or hi is None or hi == lo:
                continue
            span = hi - lo
            normalized = (f"({field} - {lo!r}) / {span!r}" if ind.direction == "benefit"
                          else f"({hi!r} - {field}) / {span!r}")
        terms.append(f"{weight:.6g} * coalesce({normalized}, 0)")
    return " + ".join(terms)


# --------------------------------------------------------------------------------------------- running
class Runner:
    """Runs qgis_process children in a throwaway QGIS profile holding the checkout as the plugin."""

    def __init__(self, workdir, profiler=None):
        self.exe = qgis_process_path()
        self.workdir = Path(workdir)
        self.config = self.workdir / "qgis-config"
        plugins = self.config / "profiles" / "default" / "python" / "plugins"
        plugins.mkdir(parents=True)
        (plugins / "landeval").symlink_to(ROOT, target_is_directory=True)
        runtime = self.config / "xdg-runtime"
        runtime.mkdir(mode=0o700)
        self.env = {k: v for k, v in os.environ.items()
                    if k not in ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "VIRTUAL_ENV")}
        self.env.update(QGIS_CUSTOM_CONFIG_PATH=str(self.config), QT_QPA_PLATFORM="offscreen",
                        XDG_RUNTIME_DIR=str(runtime))
        self.profiler = profiler
        done = self.call(["plugins", "enable", "landeval"], "enable")
        if done["returncode"] != 0:
            raise SystemExit(f"qgis_process plugins enable landeval failed:\n{done['stderr'][-3000:]}")

    def call(self, args, label, profile_to=None):
        """Run one child; returns wall seconds, peak RSS (bytes), exit code and its output."""
        command = [self.exe] + [str(a) for a in args]
        out_path, err_path = self.workdir / f"{label}.out", self.workdir / f"{label}.err"
        rss_path = self.workdir / f"{label}.rss"
        with open(out_path, "w") as out, open(err_path, "w") as err:
            t0 = time.perf_counter()
            proc = subprocess.Popen([sys.executable, "-c", LAUNCHER, str(rss_path)] + command,
                                    stdin=subprocess.DEVNULL, stdout=out, stderr=err, env=self.env)
            spy = self._attach_profiler(proc, profile_to) if profile_to is not None else None
            returncode = proc.wait()
            seconds = time.perf_counter() - t0
            if spy is not None:
                spy.wait()
        rss = int(rss_path.read_text()) * 1024 if rss_path.is_file() else 0  # ru_maxrss is in KiB
        return dict(seconds=seconds, rss=rss, returncode=returncode,
                    stdout=out_path.read_text(errors="replace"), stderr=err_path.read_text(errors="replace"))

    def _attach_profiler(self, launcher, output):
        """py-spy attached to the qgis_process child once its embedded Python is loaded (py-spy cannot start
        qgis_process itself: the interpreter appears only after QGIS has initialised)."""
        children = Path(f"/proc/{launcher.pid}/task/{launcher.pid}/children")
        while launcher.poll() is None:
            try:
                pid = int(children.read_text().split()[0])
                if "libpython" in Path(f"/proc/{pid}/maps").read_text():
                    return subprocess.Popen([self.profiler, "record", "--pid", str(pid), "--rate", "50",
                                             "--nonblocking", "--format", "raw", "--output", str(output)],
                                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            except (OSError, IndexError, ValueError):
                pass  # not forked yet, or already gone
            time.sleep(0.05)
        return None

    def has_algorithm(self, alg_id):
        done = self.call(["--json", "list"], "list")
        try:
            providers = json.loads(done["stdout"])["providers"]
        except (ValueError, KeyError):
            return False
        return any(alg_id in p.get("algorithms", {}) for p in providers.values())

    def run(self, alg_id, params, label, profile_to=None):
        args = ["--json", "run", alg_id, "--"] + [f"{k}={v}" for k, v in params.items()]
        done = self.call(args, label, profile_to)
        if done["returncode"] != 0:
            tail = "\n".join((done["stderr"] + done["stdout"]).splitlines()[-30:])
            raise SystemExit(f"{alg_id} failed (exit {done['returncode']}):\n{tail}")
        return done


def step_params(step, folder, fc_input, expression, out, evaluated=None, draws=DRAWS):
    if step == "robustness":
        return "landeval:robustness", {"INPUT": evaluated, "PRESET": PRESET, "DRAWS": draws, "OUTPUT": out}
    parcels = f"{folder / 'sample_county.gpkg'}|layername={PARCEL_LAYER}"
    if step == "savefeatures":
        return "native:savefeatures", {"INPUT": parcels, "OUTPUT": out}
    if step == "fieldcalculator":
        return "native:fieldcalculator", {"INPUT": f"{fc_input}|layername={PARCEL_LAYER}", "FIELD_NAME": "score",
                                          "FIELD_TYPE": 0, "FIELD_LENGTH": 20, "FIELD_PRECISION": 6,
                                          "FORMULA": expression, "OUTPUT": out}
    keep = {"KEEP_FIELDS": 2} if step == "evaluate_all" else {}
    return "landeval:evaluate", {"PARCELS": parcels, "PARCEL_ID": PARCEL_ID,
                                 "ENTERPRISES": folder / "enterprises.csv", "ENTERPRISE_PARCEL_ID": PARCEL_ID,
                                 "PRESET": PRESET, "OUTPUT": out, **keep}


def summarize_profile(path, top=15):
    """Top functions by own and by total samples from py-spy's raw (collapsed stack) output."""
    own, total = Counter(), Counter()
    samples = 0
    for line in Path(path).read_text(errors="replace").splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack or not count.isdigit():
            continue
        n = int(count)
        samples += n
        frames = stack.split(";")
        own[frames[-1]] += n
        for frame in set(frames):
            total[frame] += n
    lines = [f"profile: {samples} samples ({path})", "  own time:"]
    lines += [f"    {100 * n / max(samples, 1):5.1f} %  {frame}" for frame, n in own.most_common(top)]
    lines += ["  total time (function and what it calls):"]
    lines += [f"    {100 * n / max(samples, 1):5.1f} %  {frame}" for frame, n in total.most_common(top)]
    return "\n".join(lines)


def measure(runner, sizes, repeat, cache, profile, log, draws=DRAWS, steps=STEPS):
    """Every step at every size; returns one record per (size, step)."""
    has_evaluate = runner.has_algorithm("landeval:evaluate")
    if not has_evaluate:
        log("landeval:evaluate is not available in this checkout yet: timing steps 1 and 2 only.")
    has_robustness = has_evaluate and runner.has_algorithm("landeval:robustness")
    records = []
    for size in sizes:
        folder = sample_dir(cache, size, log)
        # The field calculator's input (indicator columns added, minutes at 1 M) only when that step runs.
        fc_input = fieldcalc_input(folder, log) if "fieldcalculator" in steps else None
        expression = score_expression(fc_input) if fc_input else None
        evaluated = runner.workdir / f"evaluated-{size}.gpkg"
        for step in [s for s in STEPS if s in steps]:
            if (step.startswith("evaluate") and not has_evaluate) or (step == "robustness" and not has_robustness):
                records.append(dict(size=size, step=step, available=False))
                continue
            times, rss = [], []
            for k in range(repeat):
                out = runner.workdir / f"{step}-{size}.gpkg"
                alg, params = step_params(step, folder, fc_input, expression, out, evaluated, draws)
                log(f"{human(size)} parcels: {alg} ({k + 1}/{repeat}) ...")
                done = runner.run(alg, params, f"{step}-{size}-{k}")
                times.append(done["seconds"])
                rss.append(done["rss"])
                if step == "evaluate" and has_robustness:
                    os.replace(out, evaluated)  # step 4's input
                for leftover in runner.workdir.glob(f"{step}-{size}.*"):
                    leftover.unlink()
            records.append(dict(size=size, step=step, available=True, seconds=statistics.median(times),
                                runs=times, peak_rss=max(rss), **({"draws": draws} if step == "robustness" else {})))
        for leftover in runner.workdir.glob(f"evaluated-{size}.*"):
            leftover.unlink()
        if profile and has_evaluate:
            out = runner.workdir / f"profiled-{size}.gpkg"
            prof = cache / "profiles" / f"evaluate-{size}-{time.strftime('%Y%m%d-%H%M%S')}.txt"
            prof.parent.mkdir(parents=True, exist_ok=True)
            alg, params = step_params("evaluate", folder, fc_input, expression, out)
            log(f"{human(size)} parcels: profiling {alg} with py-spy ...")
            runner.run(alg, params, f"profile-{size}", profile_to=prof)
            log(summarize_profile(prof))
    return records


def table(records):
    """The results as a fixed-width text table (one line per size and step)."""
    head = (f"{'parcels':>10}  {'step':<16} {'seconds':>8} {'3/1':>6} {'3/2':>6} {'peak RSS':>10} "
            f"{'parcels/s':>10}")
    lines = [head, "-" * len(head)]
    by_key = {(r["size"], r["step"]): r for r in records}
    for r in records:
        if not r["available"]:
            lines.append(f"{human(r['size']):>10}  {r['step']:<16} not available (landeval:{r['step']} missing)")
            continue
        ratios = ["", ""]
        if r["step"].startswith("evaluate"):
            for i, base in enumerate(("savefeatures", "fieldcalculator")):
                if by_key.get((r["size"], base), {}).get("available"):
                    ratios[i] = f"{r['seconds'] / by_key[(r['size'], base)]['seconds']:.2f}"
        lines.append(f"{human(r['size']):>10}  {r['step']:<16} {r['seconds']:8.2f} {ratios[0]:>6} {ratios[1]:>6} "
                     f"{r['peak_rss'] / 2 ** 20:7.0f} MB {r['size'] / r['seconds']:10,.0f}")
    return "\n".join(lines + robustness_lines(records))


def robustness_lines(records):
    """Step 4 against step 3 of the same size, with issue 14's targets."""
    by_key = {(r["size"], r["step"]): r for r in records}
    lines = []
    for r in records:
        base = by_key.get((r["size"], "evaluate"))
        if r["step"] != "robustness" or not r["available"] or not base or not base["available"]:
            continue
        time_ratio, rss_ratio = r["seconds"] / base["seconds"], r["peak_rss"] / base["peak_rss"]
        ok = time_ratio <= ROBUSTNESS_TARGETS[0] and rss_ratio <= ROBUSTNESS_TARGETS[1]
        lines.append(f"robustness/evaluate at {human(r['size'])} parcels ({r['draws']} draws): time "
                     f"{time_ratio:.2f}x, peak RSS {rss_ratio:.2f}x (targets <= {ROBUSTNESS_TARGETS[0]:g}x, "
                     f"<= {ROBUSTNESS_TARGETS[1]:g}x: {'met' if ok else 'NOT met'})")
    return [""] + lines if lines else []


def machine():
    """CPU, cores, RAM and QGIS version, for the record."""
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), "unknown CPU")
    mem = next((int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                if line.startswith("MemTotal")), 0)
    qgis = subprocess.run([qgis_process_path(), "--version"], capture_output=True, text=True,
                          env=dict(os.environ, QT_QPA_PLATFORM="offscreen")).stdout
    version = next((line.strip() for line in qgis.splitlines() if line.startswith("QGIS")), "QGIS ?")
    return dict(cpu=cpu, cores=os.cpu_count(), ram_gib=round(mem / 2 ** 20, 1), qgis=version)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default=DEFAULT_SIZES, help=f"parcel counts, e.g. 10k,100k,1M (default {DEFAULT_SIZES})")
    ap.add_argument("--repeat", type=int, default=1, help="runs per step; the median time is reported (default 1)")
    ap.add_argument("--profile", action="store_true", help="also profile one evaluate run per size with py-spy")
    ap.add_argument("--cache", default=str(DEFAULT_CACHE), help="cache folder (default .bench-cache/)")
    ap.add_argument("--draws", type=int, default=DRAWS, help=f"weight draws of the robustness step (default {DRAWS})")
    ap.add_argument("--steps", default=",".join(STEPS), help=f"steps to run (default {','.join(STEPS)})")
    ap.add_argument("--json", dest="json_out", help="also write the records and the machine to this JSON file")
    args = ap.parse_args(argv)
    sizes = parse_sizes(args.sizes)
    if any(s < 50 for s in sizes) or args.repeat < 1:
        ap.error("sizes must be at least 50 parcels and --repeat at least 1")
    profiler = None
    if args.profile:
        profiler = shutil.which("py-spy") or str(ROOT / ".venv" / "bin" / "py-spy")
        if not os.access(profiler, os.X_OK):
            ap.error("--profile needs py-spy: .venv/bin/pip install py-spy")

    def log(message):
        print(message, file=sys.stderr, flush=True)

    import_landeval()
    cache = Path(args.cache).resolve()
    cache.mkdir(parents=True, exist_ok=True)
    info = machine()
    log(f"{info['cpu']}, {info['cores']} cores, {info['ram_gib']} GiB, {info['qgis']}")
    with tempfile.TemporaryDirectory(prefix="run-", dir=cache) as workdir:
        runner = Runner(workdir, profiler)
        records = measure(runner, sizes, args.repeat, cache, args.profile, log, args.draws,
                          [s for s in args.steps.split(",") if s])
    print(table(records))
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(dict(machine=info, records=records), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
