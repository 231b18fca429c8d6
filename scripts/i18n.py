#!/usr/bin/env python3
"""LandEval's translations: find the plugin's translatable strings, keep `i18n/*.ts` in step, compile `.qm`.

    python3 scripts/i18n.py update [SEED.yaml …]   # add new strings to every .ts (unfinished, or translated
                                   # from the seeds: {context: {English: Chinese}}), drop vanished ones
    python3 scripts/i18n.py check      # exit 1 listing unfinished or missing entries (CI and the tests run it)

A change that adds strings brings their translations in `i18n/seeds/<name>.yaml` ({context: {English:
Chinese}}) instead of editing the .ts, so that several changes in flight never conflict in one XML file;
`check` and `compile` read the seeds over the .ts, and `update` folds them into the .ts and deletes them.
    python3 scripts/i18n.py compile [DIR]   # lrelease every .ts into DIR (default i18n/) as .qm

A translatable string is a literal English text in one of: `tr("text")` / `self.tr("text")` (context
"LandEval", or `context="…"`), `QCoreApplication.translate("Context", "text")`, `QT_TRANSLATE_NOOP("Context",
"text")` (marks a string kept in a constant and translated where it is shown), the template of
`LandEvalError("text", **values)` and `Problem("text", **values)` (context "LandEvalError"; translated where
the error is shown, by translation.message_of), and an algorithm's `DISPLAY`, `GROUP`, `HELP`, `OUTPUT_HELP`
and `METHOD_HELP` class attributes (context "LandEval"; the base class translates them). Strings are read from the
plugin's Python files with `ast`, so this needs no PyQt tool and works the same for Qt 5 and Qt 6; compiling
needs `lrelease` from Debian's Qt tools (qttools5-dev-tools or qt6-l10n-tools).
"""
import ast
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "i18n"
DEFAULT_CONTEXT = "LandEval"
SKIP_DIRS = {"tests", "scripts", "dist", "i18n", "docs", "resources"}
LRELEASE = ("/usr/lib/qt5/bin/lrelease", "/usr/lib/qt6/bin/lrelease", "lrelease-qt5", "lrelease")


def plugin_sources(root=ROOT):
    """The plugin's Python files (not tests, scripts or hidden folders such as .venv)."""
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(root).parts
        if parts[0] in SKIP_DIRS or any(p.startswith(".") or p == "__pycache__" for p in parts):
            continue
        yield path


def _literal(node):
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


# core/ raises LandEvalError("English template", **values) and lists a configuration's Problem("template", …);
# core cannot call tr() (no QGIS there), so the place that shows the error translates the template in this context.
ERROR_MESSAGES = ("LandEvalError", "Problem")
ERROR_CONTEXT = "LandEvalError"


def _message(call):
    """(context, source) of a translation call with literal arguments, else None."""
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
    args = [_literal(a) for a in call.args]
    if name in ("translate", "QT_TRANSLATE_NOOP") and len(args) >= 2 and args[0] and args[1]:
        return args[0], args[1]
    if name in ERROR_MESSAGES and args and args[0]:
        return ERROR_CONTEXT, args[0]
    if name == "tr" and args and args[0]:
        context = next((_literal(k.value) for k in call.keywords if k.arg == "context"), None)
        return context or (args[1] if len(args) > 1 and args[1] else DEFAULT_CONTEXT), args[0]
    return None


TRANSLATED_ATTRIBUTES = ("DISPLAY", "GROUP", "HELP", "OUTPUT_HELP", "METHOD_HELP")


def _class_attribute(node):
    """(context, source) of `DISPLAY = "text"` / `GROUP = "text"` in a class body, else None."""
    targets = [t.id for t in getattr(node, "targets", []) if isinstance(t, ast.Name)]
    text = _literal(node.value) if isinstance(node, ast.Assign) else None
    return (DEFAULT_CONTEXT, text) if text and set(targets) & set(TRANSLATED_ATTRIBUTES) else None


def extract(root=ROOT):
    """{context: [source, …]} in the order first met, over every plugin source file."""
    found = {}
    for path in plugin_sources(root):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        messages = [_message(node) for node in ast.walk(tree) if isinstance(node, ast.Call)]
        messages += [_class_attribute(item) for node in ast.walk(tree) if isinstance(node, ast.ClassDef)
                     for item in node.body]
        for message in filter(None, messages):
            if message[1] not in found.setdefault(message[0], []):
                found[message[0]].append(message[1])
    return found


def read_ts(path):
    """{(context, source): translation or None when unfinished}."""
    entries = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            done = translation is not None and translation.get("type") not in ("unfinished", "vanished",
                                                                               "obsolete")
            entries[(name, message.findtext("source"))] = translation.text if done and translation.text else None
    return entries


def write_ts(path, language, strings, translations):
    """Write the .ts: contexts and sources sorted (a stable diff), each with its translation or unfinished."""
    ts = ET.Element("TS", version="2.1", language=language, sourcelanguage="en")
    for context in sorted(strings):
        element = ET.SubElement(ts, "context")
        ET.SubElement(element, "name").text = context
        for source in sorted(strings[context]):
            message = ET.SubElement(element, "message")
            ET.SubElement(message, "source").text = source
            text = translations.get((context, source))
            translation = ET.SubElement(message, "translation")
            translation.text = text or ""
            if not text:
                translation.set("type", "unfinished")
    ET.indent(ts, space="    ")
    body = ET.tostring(ts, encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


TRANSLATIONS = ("zh_CN",)  # the .ts files kept; `update` creates a missing one


def ts_files():
    return [I18N / f"landeval_{language}.ts" for language in TRANSLATIONS]


def read_seeds(paths):
    """{(context, English): Chinese} from YAML seed files ({context: {English: Chinese}}): translations written
    beside a change of the code (several people at once) and folded into the .ts by `update`."""
    import yaml

    seeds = {}
    for path in paths:
        for context, messages in (yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}).items():
            seeds.update({(context, source): text for source, text in messages.items()})
    return seeds


SEEDS = I18N / "seeds"  # i18n/seeds/*.yaml: translations of changes in flight, folded in by `update`


def translations(path, seed_paths=()):
    """{(context, source): text} of a .ts with the pending seeds (and `seed_paths`) over it: a seed is newer
    than the .ts, so it wins where both translate a string."""
    known = read_ts(path) if path.exists() else {}
    seeds = read_seeds([*sorted(SEEDS.glob("*.yaml")), *seed_paths])
    return {**{k: v for k, v in known.items() if v}, **seeds}


def update(seed_paths=()):
    """Write every .ts from the code's strings, its translations and the seeds; the pending seeds, now in the
    .ts, are deleted."""
    strings = extract()
    for path in ts_files():
        language = path.stem.split("_", 1)[1]
        write_ts(path, language, strings, translations(path, seed_paths))
        print(f"{path.relative_to(ROOT)}: {sum(len(v) for v in strings.values())} string(s)")
    for seed in sorted(SEEDS.glob("*.yaml")):
        seed.unlink()


def problems():
    """One line per string of the code missing or unfinished in a .ts, and per .ts entry the code lost."""
    strings = extract()
    wanted = {(c, s) for c, sources in strings.items() for s in sources}
    lines = []
    for path in ts_files():
        entries = translations(path)
        name = path.relative_to(ROOT)
        lines += [f"{name}: not translated: [{c}] {s!r}" for c, s in sorted(wanted) if not entries.get((c, s))]
        lines += [f"{name}: no longer in the code: [{c}] {s!r}" for c, s in sorted(set(entries) - wanted)]
    return lines


def lrelease():
    for candidate in LRELEASE:
        found = candidate if os.access(candidate, os.X_OK) else shutil.which(candidate)
        if found:
            return found
    raise SystemExit("lrelease is missing: apt install qttools5-dev-tools (or qt6-l10n-tools), "
                     "or run bash scripts/setup.sh")


def compile_all(out_dir=I18N):
    """Compile every .ts into `out_dir`; returns the .qm paths."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    tool, written, strings = lrelease(), [], extract()
    with tempfile.TemporaryDirectory() as work:
        for path in ts_files():
            # The .ts with the pending seeds folded in, so a checkout shows the translations of its changes.
            merged = Path(work) / path.name
            write_ts(merged, path.stem.split("_", 1)[1], strings, translations(path))
            target = out_dir / (path.stem + ".qm")
            subprocess.run([tool, "-silent", str(merged), "-qm", str(target)], check=True)
            written.append(target)
    return written


def main(argv):
    command = argv[1] if len(argv) > 1 else "check"
    if command == "update":
        update(argv[2:])
    elif command == "check":
        found = problems()
        print("\n".join(found) or f"i18n: every string translated in {len(ts_files())} file(s)")
        return 1 if found else 0
    elif command == "compile":
        for path in compile_all(argv[2] if len(argv) > 2 else I18N):
            print(path)
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
