#!/usr/bin/python3
"""Evaluate the bundled sample county headless and show what came out (called by scripts/demo.sh).

1. installs the plugin (a symlink to this checkout) into a private QGIS profile under output/.qgis-profile,
   so the user's own QGIS settings are never touched, and enables it;
2. runs `landeval:evaluate` through qgis_process.bin on resources/sample/ with the jiangning preset:
   parcels + enterprise table (GBK CSV) + ecological red line + development boundary + POIs + parks;
3. writes output/sample_county_evaluated.gpkg (styled by tier inside the file), output/report.html and
   output/map.png (the report's map), and prints the counts per tier and category and the elapsed time.
"""
import argparse
import base64
import json
import os
import re
import subprocess
import sys
import time
import unicodedata
from collections import Counter, defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLE = os.path.join(ROOT, "resources", "sample")
QGIS_PROCESS = os.environ.get("LANDEVAL_QGIS_PROCESS", "/usr/bin/qgis_process.bin")
# Debian's /usr/bin/qgis_process wrapper fails every command on 3.22; the binary beside it works.

TIER_LABELS = {"A": "A类（激励发展） A", "B": "B类（支持提升） B", "C": "C类（观察提升） C", "D": "D类（收回处置） D",
               "T": "T类（暂不评级） T"}


def qgis_env(profile):
    env = dict(os.environ)
    for name in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV"):
        env.pop(name, None)  # QGIS's embedded Python must find the plugin through the profile only
    runtime = os.path.join(profile, "xdg-runtime")
    os.makedirs(runtime, mode=0o700, exist_ok=True)
    env.update(QGIS_CUSTOM_CONFIG_PATH=profile, QT_QPA_PLATFORM="offscreen", XDG_RUNTIME_DIR=runtime)
    return env


def install_plugin(profile):
    plugins = os.path.join(profile, "profiles", "default", "python", "plugins")
    os.makedirs(plugins, exist_ok=True)
    link = os.path.join(plugins, "landeval")
    if os.path.islink(link) and os.path.realpath(link) != ROOT:
        os.remove(link)
    if not os.path.lexists(link):
        os.symlink(ROOT, link, target_is_directory=True)
    proc = subprocess.run([QGIS_PROCESS, "plugins", "enable", "landeval"], env=qgis_env(profile), capture_output=True,
                          text=True)
    # a second demo run finds the plugin enabled already, which qgis_process reports with exit status 1
    if proc.returncode != 0 and "already enabled" not in proc.stdout + proc.stderr:
        sys.stderr.write(proc.stdout[-4000:] + proc.stderr[-4000:])
        raise SystemExit(f"demo: enabling the plugin in {profile} failed (exit {proc.returncode})")


def run(cmd, env):
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.stderr.write(proc.stdout[-4000:] + proc.stderr[-4000:])
        raise SystemExit(f"demo: {' '.join(cmd[:4])} … failed (exit {proc.returncode})")
    return proc


def evaluate_params(out_dir):
    gpkg = os.path.join(SAMPLE, "sample_county.gpkg")
    return {
        "PARCELS": f"{gpkg}|layername=parcels", "PARCEL_ID": "宗地编号",
        "ENTERPRISES": os.path.join(SAMPLE, "enterprises.csv"), "ENTERPRISE_PARCEL_ID": "宗地编号",
        "ECO_REDLINE": f"{gpkg}|layername=eco_redline", "DEV_BOUNDARY": f"{gpkg}|layername=dev_boundary",
        "POIS": f"{gpkg}|layername=pois", "PARKS": f"{gpkg}|layername=parks",
        "ZONE_TYPE_FIELD": "园区类型", "SHARE_FIELD": "工业用地占比",
        "PRESET": "jiangning", "AREA_UNIT": "0",
        "OUTPUT": os.path.join(out_dir, "sample_county_evaluated.gpkg"),
        "REPORT": os.path.join(out_dir, "report.html"),
    }


def extract_map(report_path, png_path):
    """The report carries its map inline; save the same PNG beside it."""
    with open(report_path, encoding="utf-8") as fh:
        match = re.search(r'id="map-image"[^>]*src="data:image/png;base64,([^"]+)"', fh.read())
    if not match:
        raise SystemExit(f"demo: {report_path} has no map image")
    with open(png_path, "wb") as fh:
        fh.write(base64.b64decode(match.group(1)))


def read_results(gpkg):
    """Tier, category and area of every evaluated parcel (OGR, no QGIS start needed)."""
    from osgeo import ogr

    ds = ogr.Open(gpkg)
    layer = ds.GetLayer(0)
    names = [layer.GetLayerDefn().GetFieldDefn(i).GetName() for i in range(layer.GetLayerDefn().GetFieldCount())]
    area_field = next((n for n in names if n == "area_mu"), None)
    verify = "needs_verification" in names
    rows = [(f.GetField("tier"), f.GetField("category"), f.GetField(area_field) if area_field else 0.0,
             f.GetField("inefficient"), f.GetField("needs_verification") if verify else 0) for f in layer]
    styled = ds.GetLayerByName("layer_styles") is not None
    return rows, styled


def pad(text, width):
    """Left-align text in `width` terminal columns; Chinese characters take two."""
    used = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    return text + " " * max(width - used, 1)


def summary(rows, elapsed, styled, out_dir):
    counts, areas = Counter(), defaultdict(float)
    cats, cat_areas = Counter(), defaultdict(float)
    for tier, category, area, *_ in rows:
        counts[tier] += 1
        areas[tier] += area or 0.0
        cats[category] += 1
        cat_areas[category] += area or 0.0
    total = len(rows)
    lines = [f"LandEval demo — sample county, preset jiangning: {total} parcels evaluated in {elapsed:.1f} s",
             "", pad("Tier / 分级", 36) + "parcels    share   area (亩)"]
    for tier in "ABCDT":
        if counts[tier]:
            lines.append(f"  {pad(TIER_LABELS[tier], 34)}{counts[tier]:>7}  {100 * counts[tier] / total:5.1f}%"
                         f"  {areas[tier]:>10,.0f}")
    category_labels = {"in_progress": "正在推进 Redevelopment under way", "eco_exit": "生态清退 Eco red-line exit",
                       "reported": "地方上报 Locally reported", "identified": "低效认定 Identified inefficient",
                       "retained": "现状保留 Retained"}
    lines += ["", pad("Category / 认定类别", 36) + "parcels    share   area (亩)"]
    for key, label in category_labels.items():
        if cats[key]:
            lines.append(f"  {pad(label, 34)}{cats[key]:>7}  {100 * cats[key] / total:5.1f}%  {cat_areas[key]:>10,.0f}")
    inefficient = sum(1 for r in rows if r[3] == 1)
    unverified = sum(1 for r in rows if r[4] == 1)
    unverified_retained = sum(1 for r in rows if r[4] == 1 and r[1] == "retained")
    lines += ["", f"Inefficient / 低效: {inefficient} parcels ({100 * inefficient / total:.1f}%)",
              f"Needs verification / 需核实 (veto data missing): {unverified} parcels, {unverified_retained} of them "
              "现状保留", "",
              f"Written to {os.path.relpath(out_dir, os.getcwd())}/:",
              f"  sample_county_evaluated.gpkg  (style {'saved in the file' if styled else 'NOT saved'}: opens styled "
              "in QGIS)", "  report.html                   (open in a browser; works offline)",
              "  map.png                       (the tier map)"]
    return "\n".join(lines)


def main(argv=None):
    ap = argparse.ArgumentParser(description="Evaluate the sample county with LandEval, headless.")
    ap.add_argument("--out", default=os.path.join(ROOT, "output"), help="output folder (default output/)")
    args = ap.parse_args(argv)
    out_dir = os.path.abspath(args.out)
    os.makedirs(out_dir, exist_ok=True)
    if not os.access(QGIS_PROCESS, os.X_OK):
        raise SystemExit(f"demo: {QGIS_PROCESS} not found; run bash scripts/setup.sh --runtime-only first")
    profile = os.path.join(out_dir, ".qgis-profile")
    install_plugin(profile)
    for name in ("sample_county_evaluated.gpkg", "report.html", "map.png"):
        if os.path.exists(os.path.join(out_dir, name)):
            os.remove(os.path.join(out_dir, name))
    params = evaluate_params(out_dir)
    cmd = [QGIS_PROCESS, "--json", "run", "landeval:evaluate", "--"] + [f"{k}={v}" for k, v in params.items()]
    print("demo: running landeval:evaluate on the sample county (qgis_process.bin, private profile)…", flush=True)
    started = time.monotonic()
    proc = run(cmd, qgis_env(profile))
    elapsed = time.monotonic() - started
    result = json.loads(proc.stdout[proc.stdout.index("{"):])
    extract_map(params["REPORT"], os.path.join(out_dir, "map.png"))
    rows, styled = read_results(params["OUTPUT"])
    print(summary(rows, elapsed, styled, out_dir))
    counts = {k: v for k, v in result.get("results", {}).items() if isinstance(v, (int, float))}
    if counts:
        print("Data / 数据: " + ", ".join(f"{k} {v:g}" for k, v in sorted(counts.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
