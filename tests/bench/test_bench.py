"""The benchmark script runs end to end at a tiny size and prints its table (no timing is asserted)."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BENCH = ROOT / "scripts" / "bench.py"


@pytest.mark.slow
def test_bench_runs_at_200_parcels(tmp_path):
    out = tmp_path / "result.json"
    # --steps: only the steps named (no field-calculator input is prepared without its step).
    part = subprocess.run([sys.executable, str(BENCH), "--sizes", "200", "--cache", str(tmp_path / "cache"),
                           "--steps", "savefeatures"], capture_output=True, text=True, timeout=600)
    assert part.returncode == 0, part.stderr[-3000:]
    assert [line.split()[1] for line in part.stdout.splitlines()[2:] if line] == ["savefeatures"]
    assert "preparing the field-calculator input" not in part.stderr
    done = subprocess.run([sys.executable, str(BENCH), "--sizes", "200", "--cache", str(tmp_path / "cache"),
                           "--json", str(out)], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    lines = done.stdout.splitlines()
    assert lines[0].split() == ["parcels", "step", "seconds", "3/1", "3/2", "peak", "RSS", "parcels/s"]
    rows = {line.split()[1]: line for line in lines[2:] if line and not line.startswith("robustness/")}
    assert set(rows) == {"savefeatures", "fieldcalculator", "evaluate", "evaluate_all", "robustness"}
    result = json.loads(out.read_text())
    records = {r["step"]: r for r in result["records"]}
    for step in ("savefeatures", "fieldcalculator"):
        assert records[step]["size"] == 200
        assert records[step]["seconds"] > 0
        assert 50 * 2 ** 20 < records[step]["peak_rss"] < 4 * 2 ** 30  # a QGIS process, not this one
    if records["evaluate"]["available"]:
        for step in ("evaluate", "evaluate_all"):  # evaluate_all: KEEP_FIELDS 2 (issue 17)
            ratio = records[step]["seconds"] / records["savefeatures"]["seconds"]
            assert rows[step].split()[3] == f"{ratio:.2f}"
        robust = records["robustness"]
        assert robust["draws"] == 1000 and robust["seconds"] > 0 and robust["peak_rss"] > 50 * 2 ** 20
        time_ratio = robust["seconds"] / records["evaluate"]["seconds"]
        assert f"robustness/evaluate at 200 parcels (1000 draws): time {time_ratio:.2f}x" in done.stdout
    else:
        assert "not available" in rows["evaluate"]
    assert result["machine"]["qgis"].startswith("QGIS 3.")
    # the sample went into the cache, with the marker that lets the next run reuse it
    assert len(list((tmp_path / "cache").glob("gen-*/p200/summary.txt"))) == 1


def test_sizes_and_profile_summary(tmp_path):
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import bench
    finally:
        sys.path.pop(0)
    assert bench.parse_sizes("10k, 100k,1M,250") == [10000, 100000, 1000000, 250]
    raw = tmp_path / "raw.txt"
    raw.write_text("main;read;_column 6\nmain;write 3\nmain 1\n")
    summary = bench.summarize_profile(raw, top=2)
    assert "10 samples" in summary
    assert " 60.0 %  _column" in summary  # own time of the leaf frame
    assert "100.0 %  main" in summary  # total time includes callees
