#!/usr/bin/env python3
"""Find code that would not run on QGIS 4 (Qt6, PyQt6) while it still has to run on QGIS 3.22 (Qt5).

    python3 scripts/qt6_check.py [FILE_OR_DIR ...]     (default: the plugin's shipped code)

QGIS's own migration script (scripts/pyqt5_to_pyqt6/pyqt5_to_pyqt6.py in QGIS's source) is not published on
any package registry this project can install from, Debian ships it in no binary package, and Debian's source
package is not served by the mirror CI reaches. So this is our own check of the same rule categories, written
from what that script rewrites or warns about in its default (QGIS-3-compatible) mode:

  pyqt5-import     `PyQt5` imported directly instead of through `qgis.PyQt`
  pyqt-qt-module   `qgis.PyQt.Qt` imported (gone in Qt6; `Qt` lives in `qgis.PyQt.QtCore`)
  unscoped-enum    `Class.Member` where Member is an enum value: PyQt6 only knows `Class.Enum.Member`
  renamed-enum     Qt.MidButton, Qt.TextColorRole, Qt.BackgroundColorRole, QPainter.HighQualityAntialiasing
  exec_            `exec_()` called or defined instead of `exec()`
  qvariant-null    `QVariant()` or `QVariant(QVariant.Type)` used as a NULL value (use qgis.core.NULL)
  qvariant-type    `QVariant.Type.X` (does not exist; QGIS 3 code writes QVariant.X)
  qdatetime        `QDateTime(y, m, d, h, M, s, ms, ts)` or `QDateTime(QDate(...))` constructors
  qapp             the `qApp` global (use QApplication.instance())
  removed-api      QRegExp, QDesktopWidget / desktop(), QFontMetrics.width, `activated[str]`, compiled
                   resources (resources_rc), QtWebKit, addAction with 4+ arguments
  qaction-module   QAction & co. imported from qgis.PyQt.QtGui (Qt5 has them in QtWidgets only; QGIS's Qt6
                   wrapper keeps them importable from qgis.PyQt.QtWidgets, which works on both)

Where the official script reads a table of enum scopes generated from a Qt6 build, this check asks the
running QGIS/PyQt which names are enum values, so it is exact for the bindings it runs on (CI runs it on QGIS
3.22, 3.40 and 3.44). It prints one finding per line, `path:line:col: rule: message (fix)`, and exits 1 when
there is any.
"""
import ast
import importlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Modules whose classes carry Qt/QGIS enums; a name imported from one of these is checked for enum access.
BINDING_MODULES = ("qgis.core", "qgis.gui", "qgis.analysis", "qgis.PyQt.QtCore", "qgis.PyQt.QtGui",
                   "qgis.PyQt.QtWidgets", "qgis.PyQt.QtXml", "qgis.PyQt.QtNetwork", "qgis.PyQt.QtSvg",
                   "qgis.PyQt.QtPrintSupport", "qgis.PyQt.QtSql", "qgis.PyQt.QtTest")
RENAMED_ENUMS = {
    ("Qt", "MidButton"): "Qt.MouseButton.MiddleButton",
    ("Qt", "TextColorRole"): "Qt.ItemDataRole.ForegroundRole",
    ("Qt", "BackgroundColorRole"): "Qt.ItemDataRole.BackgroundRole",
    ("QPainter", "HighQualityAntialiasing"): "QPainter.RenderHint.Antialiasing",
}
# Classes that moved from QtWidgets to QtGui in Qt6; qgis.PyQt.QtWidgets re-exports them there.
MOVED_TO_QTGUI = {"QAction", "QActionGroup", "QShortcut", "QUndoCommand", "QFileSystemModel"}
REMOVED_NAMES = {
    "QRegExp": "QRegExp is removed in Qt6: use QRegularExpression",
    "QRegExpValidator": "QRegExpValidator is removed in Qt6: use QRegularExpressionValidator",
    "QDesktopWidget": "QDesktopWidget is removed in Qt6: use QScreen (QApplication.screens())",
    "resources_rc": "compiled resources are not supported in Qt6: load icons and .ui files by path",
}


class Finding:
    """One place in one file that would break on Qt6."""

    def __init__(self, path, node, rule, message):
        self.path, self.line, self.col = path, node.lineno, node.col_offset
        self.rule, self.message = rule, message

    def __str__(self):
        return "{}:{}:{}: {}: {}".format(self.path, self.line, self.col, self.rule, self.message)


def _is_enum_type(value):
    """True for a Qt/QGIS enum type: a sip enum (PyQt5) or a Python Enum (PyQt6 and QGIS's scoped enums)."""
    if not isinstance(value, type):
        return False
    import enum

    return issubclass(value, enum.Enum) or type(value).__name__ == "enumtype"


def _is_enum_value(value):
    """True for a member of a Qt/QGIS enum (not for a plain int constant, a class or a function)."""
    return _is_enum_type(type(value)) and not isinstance(value, bool)


def _enum_scope(owner, value):
    """The name under `owner` of the enum type holding `value` (QgsProcessing -> SourceType), or None."""
    wanted = type(value)
    for name in dir(owner):
        try:
            if getattr(owner, name) is wanted:
                return name
        except Exception:  # noqa: BLE001 - some sip attributes raise on access; they are not enum aliases
            continue
    return None


class _Checker(ast.NodeVisitor):
    """Walks one module; knows the binding classes its imports bring in."""

    def __init__(self, path):
        self.path = path
        self.findings = []
        self.bound = {}  # local name -> class object from a binding module

    def add(self, node, rule, message):
        self.findings.append(Finding(self.path, node, rule, message))

    def visit_Import(self, node):  # noqa: N802 - ast.NodeVisitor API
        for alias in node.names:
            if alias.name.split(".")[0] == "PyQt5":
                self.add(node, "pyqt5-import", "import {} -> import it through qgis.PyQt".format(alias.name))
            if "QtWebKit" in alias.name:
                self.add(node, "removed-api", "QtWebKit is removed in Qt6")
        self.generic_visit(node)

    def visit_ImportFrom(self, node):  # noqa: N802 - ast.NodeVisitor API
        module = node.module or ""
        names = {alias.name for alias in node.names}
        if module.split(".")[0] == "PyQt5":
            self.add(node, "pyqt5-import", "from {} -> from {}".format(module, module.replace("PyQt5", "qgis.PyQt", 1)))
        if module == "qgis.PyQt.Qt":
            self.add(node, "pyqt-qt-module", "qgis.PyQt.Qt does not exist in Qt6: import Qt from qgis.PyQt.QtCore")
        if "QtWebKit" in module:
            self.add(node, "removed-api", "QtWebKit is removed in Qt6")
        if module.endswith("QtGui") and names & MOVED_TO_QTGUI:
            self.add(node, "qaction-module", "{} from {}: import from qgis.PyQt.QtWidgets (works on Qt5 and Qt6)"
                     .format(", ".join(sorted(names & MOVED_TO_QTGUI)), module))
        for name in sorted(names & set(REMOVED_NAMES)):
            self.add(node, "removed-api", REMOVED_NAMES[name])
        if module == "qgis.PyQt.QtWidgets" and "qApp" in names:
            self.add(node, "qapp", "qApp is gone in Qt6: use QApplication.instance()")
        if module in BINDING_MODULES:
            self._bind(module, node.names)
        self.generic_visit(node)

    def _bind(self, module, aliases):
        try:
            loaded = importlib.import_module(module)
        except ImportError:
            return
        for alias in aliases:
            value = getattr(loaded, alias.name, None)
            if isinstance(value, type) and not _is_enum_type(value):
                self.bound[alias.asname or alias.name] = value

    def visit_Attribute(self, node):  # noqa: N802 - ast.NodeVisitor API
        if isinstance(node.value, ast.Name):
            owner_name, member = node.value.id, node.attr
            if (owner_name, member) in RENAMED_ENUMS:
                self.add(node, "renamed-enum", "{}.{} -> {}".format(owner_name, member,
                                                                  RENAMED_ENUMS[(owner_name, member)]))
            elif owner_name == "QVariant" and member == "Type":
                self.add(node, "qvariant-type", "QVariant.Type.X does not exist on QGIS 3: write QVariant.X")
            elif owner_name == "qApp":
                self.add(node, "qapp", "qApp is gone in Qt6: use QApplication.instance()")
            else:
                self._check_enum(node, owner_name, member)
        elif (isinstance(node.value, ast.Call) and node.attr == "width"
              and ((isinstance(node.value.func, ast.Attribute) and node.value.func.attr == "fontMetrics")
                   or (isinstance(node.value.func, ast.Name) and node.value.func.id == "QFontMetrics"))):
            self.add(node, "removed-api", "QFontMetrics.width() is removed in Qt6: use horizontalAdvance()")
        self.generic_visit(node)

    def _check_enum(self, node, owner_name, member):
        owner = self.bound.get(owner_name)
        if owner is None or owner_name == "QVariant":
            # QVariant.Int & co. are the QGIS 3 way to type a field; the official script leaves them
            # alone unless told to break QGIS 3 (--qgis3-incompatible-changes).
            return
        try:
            value = getattr(owner, member)
        except AttributeError:
            return
        if _is_enum_value(value):
            scope = _enum_scope(owner, value) or type(value).__name__
            self.add(node, "unscoped-enum", "{0}.{1} -> {0}.{2}.{1}".format(owner_name, member, scope))

    def visit_Call(self, node):  # noqa: N802 - ast.NodeVisitor API
        func = node.func
        if isinstance(func, ast.Attribute):
            if func.attr == "exec_":
                self.add(node, "exec_", "exec_() -> exec()")
            elif func.attr == "addAction" and len(node.args) >= 4:
                self.add(node, "removed-api", "addAction(icon, text, receiver, slot) is fragile on Qt6: "
                                              "make the QAction, then addAction(action)")
            elif func.attr == "desktop" and not node.args:
                self.add(node, "removed-api", "QApplication.desktop() is removed in Qt6: use screens()")
        elif isinstance(func, ast.Name) and func.id == "QVariant":
            if not node.args or (len(node.args) == 1 and isinstance(node.args[0], ast.Attribute)
                                 and isinstance(node.args[0].value, ast.Name)
                                 and node.args[0].value.id == "QVariant"):
                self.add(node, "qvariant-null", "a NULL QVariant -> qgis.core.NULL")
        elif isinstance(func, ast.Name) and func.id == "QDateTime":
            if len(node.args) == 8 or (len(node.args) == 1 and isinstance(node.args[0], ast.Call)
                                       and isinstance(node.args[0].func, ast.Name)
                                       and node.args[0].func.id == "QDate"):
                self.add(node, "qdatetime", "this QDateTime constructor is gone in Qt6: "
                                            "QDateTime(QDate(...), QTime(...))")
        self.generic_visit(node)

    def visit_FunctionDef(self, node):  # noqa: N802 - ast.NodeVisitor API
        if node.name == "exec_":
            self.add(node, "exec_", "def exec_ -> def exec")
        self.generic_visit(node)

    def visit_Subscript(self, node):  # noqa: N802 - ast.NodeVisitor API
        if (isinstance(node.value, ast.Attribute) and node.value.attr == "activated"
                and isinstance(node.slice, ast.Name) and node.slice.id == "str"):
            self.add(node, "removed-api", "activated[str] is removed in Qt6: use textActivated")
        self.generic_visit(node)


def check_source(source, path="<string>"):
    """Findings for one module's source text."""
    checker = _Checker(path)
    checker.visit(ast.parse(source, filename=str(path)))
    return sorted(checker.findings, key=lambda f: (f.line, f.col))


def check_paths(paths):
    """Findings for every .py file under the given files or folders."""
    findings = []
    for path in paths:
        path = Path(path)
        files = sorted(path.rglob("*.py")) if path.is_dir() else [path]
        for file in files:
            findings.extend(check_source(file.read_text(encoding="utf-8"), file))
    return findings


def plugin_python_files(root=ROOT):
    """The .py files the plugin zip ships (scripts/package.py decides), as paths under `root`."""
    sys.path.insert(0, str(root / "scripts"))
    try:
        import package
    finally:
        sys.path.pop(0)
    return sorted({root / name for name in package.package_files(root) if name.endswith(".py")})


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    paths = argv or plugin_python_files()
    findings = check_paths(paths)
    for finding in findings:
        print(finding)
    print("qt6_check: {} finding(s) in {} path(s)".format(len(findings), len(paths)), file=sys.stderr)
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
