"""Issue 13: "A test fails if any user-facing string bypasses translation."

An ast walk over every module that shows text to a user (algorithms/, qgis_io/, ui/, translation.py): the text
argument of a call that shows it — Processing feedback (pushInfo, pushWarning, reportError, pushCommandInfo,
setProgressText; pushDebugInfo may stay English), message boxes, the message bar, widget texts, tool tips,
titles, placeholders, combo items, tabs, actions — must not be written out in the code: a bare string literal,
an f-string, a concatenation or %-formatting of literals, or "literal".format(...). It must come through tr(),
tr(...).format(...), message_of(...), a data label from core.labels, or a variable holding one of them.

A literal without letters ("", "•", "—", "…") says nothing to translate and passes.
"""
import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCANNED = [*sorted((ROOT / "algorithms").glob("*.py")), *sorted((ROOT / "qgis_io").glob("*.py")),
           *sorted((ROOT / "ui").glob("*.py")), ROOT / "translation.py"]
LETTER = re.compile(r"[A-Za-z\u3400-\u9fff]")

# Methods that show their argument(s) to a user -> the positions of the text arguments.
SHOWING_METHODS = {
    # Processing feedback (the log of the Processing dialog and of qgis_process); the message bar takes
    # (title, text) under the same names.
    "pushInfo": (0, 1), "pushWarning": (0, 1), "reportError": (0,), "pushCommandInfo": (0,),
    "pushConsoleInfo": (0,), "setProgressText": (0,), "pushMessage": (0, 1), "pushCritical": (0, 1),
    "pushSuccess": (0, 1),
    # widgets
    "setText": (0,), "setToolTip": (0,), "setWindowTitle": (0,), "setPlaceholderText": (0,), "setTitle": (0,),
    "setStatusTip": (0,), "setWhatsThis": (0,), "setLabelText": (0,), "setTabText": (1,), "setItemText": (1,),
    "setSuffix": (0,), "setPrefix": (0,), "setSpecialValueText": (0,), "setHeaderLabels": (0,),
    "setHorizontalHeaderLabels": (0,), "addItem": (0, 1), "insertItem": (1, 2), "addTab": (1, 2),
    "insertTab": (2, 3), "addAction": (0, 1), "addMenu": (0, 1), "setButtonText": (1,),
    # QMessageBox.information/warning/critical/question(parent, title, text)
    "information": (1, 2), "warning": (1, 2), "critical": (1, 2), "question": (1, 2), "about": (1, 2),
}
# Widgets whose constructor takes the text they show.
SHOWING_CLASSES = {"QLabel": (0,), "QPushButton": (0, 1), "QCheckBox": (0,), "QGroupBox": (0,),
                   "QRadioButton": (0,), "QToolButton": (0,), "QAction": (0, 1), "QMenu": (0,),
                   "QMessageBox": (1, 2, 3)}

# Methods whose text may follow an icon and comes before a data argument.
ICON_FIRST = {"addItem", "addAction", "addMenu"}
# Markup is no language: a literal's tags are left out before looking for letters.
TAG = re.compile(r"<[^>]*>")

# (file, the literal) that may stay as written, each with its reason. Keep this short.
ALLOWED = {
    # A language picker names each language in itself, whatever the interface's language (as QGIS's own
    # Options dialog does): these two must not be translated.
    ("ui/weight_set_bar.py", "中文"): "language picker: the language named in itself",
    ("ui/weight_set_bar.py", "English"): "language picker: the language named in itself",
    # The product's name, as the title of the dock's message bar (QGIS's own bars show plugin names as is).
    ("ui/dock.py", "LandEval"): "product name",
}


def _literal_text(node):
    """The literal text `node` writes out in the code (a string, an f-string's constant parts, the literal
    parts of + or % of strings, "literal".format(...)), or None when the text comes from elsewhere."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(part.value for part in node.values if isinstance(part, ast.Constant))
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
        parts = [_literal_text(node.left), _literal_text(node.right) if isinstance(node.op, ast.Add) else None]
        found = [part for part in parts if part is not None]
        return "".join(found) if found else None
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format"
            and isinstance(node.func.value, (ast.Constant, ast.JoinedStr))):
        return _literal_text(node.func.value)
    if isinstance(node, (ast.List, ast.Tuple)):
        found = [text for text in map(_literal_text, node.elts) if text is not None]
        return " ".join(found) if found else None
    return None


def _is_icon(node):
    """Whether `node` reads as an icon (QIcon(...), theme_icon(...), an `icon` variable)."""
    name = _called_name(node) if isinstance(node, ast.Call) else getattr(node, "id", getattr(node, "attr", ""))
    return "icon" in (name or "").lower()


def _called_name(call):
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else None


def _text_arguments(call):
    """The arguments of `call` that are shown to a user as text."""
    name = _called_name(call)
    positions = SHOWING_CLASSES.get(name) if isinstance(call.func, ast.Name) else SHOWING_METHODS.get(name)
    if positions is None and isinstance(call.func, ast.Attribute) and name in SHOWING_CLASSES:
        positions = SHOWING_CLASSES[name]    # QtWidgets.QLabel(...)
    if positions is None:
        return []
    if name in ICON_FIRST:
        # addItem(text, data) / addItem(icon, text, data): the text is the first argument after any icon;
        # the data that follows it is an id, not shown.
        first = 1 if call.args and _is_icon(call.args[0]) else 0
        positions = (first,)
    found = [call.args[i] for i in positions if i < len(call.args)]
    found += [keyword.value for keyword in call.keywords if keyword.arg in ("text", "title", "toolTip")]
    return found


def bypasses(path):
    """[(line, literal)] of the texts `path` shows without translation."""
    relative = path.relative_to(ROOT).as_posix()
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if not isinstance(node, ast.Call):
            continue
        for argument in _text_arguments(node):
            text = _literal_text(argument)
            if text is not None and LETTER.search(TAG.sub("", text)) and (relative, text) not in ALLOWED:
                found.append((node.lineno, text))
    return found


def test_the_guard_finds_what_it_must(tmp_path):
    # Worked by hand from the list: literal, f-string, concatenation, "…".format, in a message box,
    # a label, feedback; and passes tr(), tr().format(), message_of(), variables and letter-free literals.
    module = ROOT / "ui" / "_guard_probe.py"
    source = '''
feedback.pushInfo("Evaluated 3 parcels")
feedback.pushWarning(f"{n} parcels skipped")
QMessageBox.warning(self, "LandEval", "No layer " + name)
label = QLabel("Score / 得分")
button.setToolTip("{n} rows".format(n=n))
feedback.pushInfo(tr("Evaluated {count} parcels").format(count=n))
feedback.reportError(message_of(err))
label.setText(text)
combo.addItem("", None)
combo.addItem(theme_icon("x.svg"), "Open", "open")
widget.setText("<b></b> — ")
feedback.pushDebugInfo("debug may stay English")
'''
    module.write_text(source, encoding="utf-8")
    try:
        found = bypasses(module)
    finally:
        module.unlink()
    assert found == [(2, "Evaluated 3 parcels"), (3, " parcels skipped"), (4, "LandEval"), (4, "No layer "),
                     (5, "Score / 得分"), (6, "{n} rows"), (11, "Open")]


def test_no_user_facing_string_bypasses_translation():
    found = {path.relative_to(ROOT).as_posix(): bypasses(path) for path in SCANNED}
    assert {path: lines for path, lines in found.items() if lines} == {}


def test_the_allowlist_has_no_stale_entry():
    # An entry that no longer matches anything would silently allow the same text to come back elsewhere.
    shown = set()
    for path in SCANNED:
        relative = path.relative_to(ROOT).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                shown |= {(relative, _literal_text(arg)) for arg in _text_arguments(node)}
    assert set(ALLOWED) - shown == set()
