"""The packages import each other only downwards (issue 19, "The shape to reach"):

    ui/ ──► algorithms/ (by id) ──► qgis_io/ ──► core/

checked by parsing every import statement with ast (nothing is imported, so no QGIS is needed).
"""
import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("core", "qgis_io", "algorithms", "ui")
# algorithms/ modules that are not one algorithm: they may be imported by the algorithm modules.
ALGORITHM_INFRASTRUCTURE = {"__init__", "provider", "registry", "base", "params"}


def _modules(package):
    return sorted((ROOT / package).rglob("*.py"))


def _imports(path):
    """The plugin-internal modules `path` imports, as 'package.module' (relative imports resolved; the plugin
    folder is the package root), plus the absolute top-level packages it imports (e.g. 'qgis')."""
    rel = path.relative_to(ROOT)
    here = list(rel.parent.parts)
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0:
                found.add(node.module)
                continue
            base = here[: len(here) - (node.level - 1)] if node.level > 1 else here
            if node.module:
                found.add(".".join(base + node.module.split(".")))
            else:  # from . import spatial
                found.update(".".join(base + [alias.name]) for alias in node.names)
    return found


def _top(name):
    return name.split(".")[0]


def test_the_checker_resolves_relative_imports():
    assert {"core.scale", "qgis_io.layer_io", "qgis.core"} <= _imports(ROOT / "qgis_io" / "parks.py")
    assert {"algorithms.base", "algorithms.params"} <= _imports(ROOT / "algorithms" / "computeindicators.py")
    assert "qgis_io.spatial" in _imports(ROOT / "qgis_io" / "assemble.py")  # from . import spatial


def test_no_algorithm_module_imports_another_algorithm_module():
    # Issue 19: "No module of algorithms/ imports another algorithm module"; registry lists them all.
    offenders = []
    for path in _modules("algorithms"):
        if path.stem in ALGORITHM_INFRASTRUCTURE:
            continue
        for name in _imports(path):
            parts = name.split(".")
            if parts[0] == "algorithms" and len(parts) > 1 and parts[1] not in ALGORITHM_INFRASTRUCTURE:
                offenders.append(f"{path.relative_to(ROOT)} imports {name}")
    assert not offenders, "\n".join(offenders)


def test_the_bridge_never_imports_algorithms_or_ui():
    # Issue 19: the bridge's functions "never see a Processing algorithm or its parameter dictionary".
    offenders = [f"{p.relative_to(ROOT)} imports {n}" for p in _modules("qgis_io") for n in _imports(p)
                 if _top(n) in ("algorithms", "ui")]
    assert not offenders, "\n".join(offenders)


def test_core_never_imports_qgis_or_the_packages_above_it():
    # docs/design.md: "core/ engine: pandas/numpy/yaml only, never imports qgis".
    offenders = [f"{p.relative_to(ROOT)} imports {n}" for p in _modules("core") for n in _imports(p)
                 if _top(n) in ("qgis", "processing", "qgis_io", "algorithms", "ui")]
    assert not offenders, "\n".join(offenders)


def test_ui_imports_no_algorithm_module():
    # Issue 19: "ui/ imports only core/, the bridge and Processing by algorithm id".
    offenders = [f"{p.relative_to(ROOT)} imports {n}" for p in _modules("ui") for n in _imports(p)
                 if _top(n) == "algorithms"]
    assert not offenders, "\n".join(offenders)


def test_no_function_of_the_algorithms_or_the_bridge_is_over_60_lines():
    # Issue 19, "Done when": "no function over 60 lines outside tests" (core/ and scripts/ are another part).
    long = [f"{p.relative_to(ROOT)}:{n.lineno} {n.name} ({n.end_lineno - n.lineno + 1} lines)"
            for package in ("algorithms", "qgis_io") for p in _modules(package)
            for n in ast.walk(ast.parse(p.read_text(encoding="utf-8")))
            if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and n.end_lineno - n.lineno + 1 > 60]
    assert not long, "\n".join(long)
