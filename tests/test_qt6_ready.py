"""Qt6 / QGIS 4 readiness: the plugin's code passes the migration rules and still runs on the Qt5 QGIS here.

scripts/qt6_check.py applies the rule categories of QGIS's own migration script
(scripts/pyqt5_to_pyqt6/pyqt5_to_pyqt6.py in QGIS's source, which no registry we install from publishes);
this suite runs on QGIS 3.22, 3.40 and 3.44, so the enum rule is checked against each one's bindings.
"""
import ast
import importlib.util
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _load_checker():
    spec = importlib.util.spec_from_file_location("qt6_check", ROOT / "scripts" / "qt6_check.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def qt6_check(qgis_app):
    return _load_checker()


def _rules(qt6_check, source):
    return [(f.rule, f.message) for f in qt6_check.check_source(textwrap.dedent(source))]


def test_the_plugin_code_has_zero_findings(qt6_check):
    files = qt6_check.plugin_python_files()
    # The shipped code, not a sample: entry points, algorithms, core and the dock.
    names = {path.relative_to(ROOT).as_posix() for path in files}
    assert {"__init__.py", "plugin.py", "ui/dock.py", "algorithms/provider.py"} <= names
    findings = qt6_check.check_paths(files)
    assert not findings, "\n".join(str(f) for f in findings)


def test_processing_enums_get_the_scope_the_official_script_writes(qt6_check):
    # QGIS's scripts/pyqt5_to_pyqt6/tests/test_processing_enums.py feeds it
    #   a = QgsProcessing.TypeVectorLine / b = QgsProcessingParameterNumber.Double
    # and asserts: "QgsProcessing.SourceType.TypeVectorLine" in updated,
    #              "QgsProcessingParameterNumber.Type.Double" in updated
    found = _rules(qt6_check, """
        from qgis.core import QgsProcessing, QgsProcessingParameterNumber

        a = QgsProcessing.TypeVectorLine
        b = QgsProcessingParameterNumber.Double
    """)
    assert found == [
        ("unscoped-enum", "QgsProcessing.TypeVectorLine -> QgsProcessing.SourceType.TypeVectorLine"),
        ("unscoped-enum", "QgsProcessingParameterNumber.Double -> QgsProcessingParameterNumber.Type.Double"),
    ]


def test_scoped_enums_plain_ints_and_qvariant_field_types_pass(qt6_check):
    # QVariant.Int is how QGIS 3 types a field; the official script rewrites it to QMetaType only with
    # --qgis3-incompatible-changes, so in the default mode it is not a finding.
    assert _rules(qt6_check, """
        from qgis.core import QgsProcessing, QgsWkbTypes
        from qgis.PyQt.QtCore import Qt, QVariant

        a = QgsProcessing.SourceType.TypeVectorLine
        b = Qt.ItemDataRole.DisplayRole
        c = QgsWkbTypes.GeometryType.PolygonGeometry
        d = QVariant.Int
        e = QgsProcessing.TEMPORARY_OUTPUT
    """) == []


def test_each_rule_category_is_found(qt6_check):
    found = _rules(qt6_check, """
        from PyQt5.QtCore import QTimer
        from qgis.PyQt.Qt import Qt
        from qgis.PyQt.QtCore import QRegExp, QDateTime, QDate, QVariant, Qt
        from qgis.PyQt.QtGui import QAction, QPainter
        from qgis.PyQt.QtWidgets import qApp, QMenu
        from qgis.PyQt.QtWebKitWidgets import QWebView
        from . import resources_rc

        class Dialog:
            def exec_(self):
                return QMenu().exec_()

        role = Qt.TextColorRole
        hint = QPainter.HighQualityAntialiasing
        null = QVariant()
        null_int = QVariant(QVariant.Int)
        kind = QVariant.Type.Int
        when = QDateTime(QDate(2024, 1, 1))
        app = qApp.instance()
        width = self.fontMetrics().width("x")
        combo.activated[str].connect(print)
        menu.addAction(icon, "text", receiver, slot)
        screen = QApplication.desktop()
        left = Qt.AlignLeft
    """)
    rules = [rule for rule, _ in found]
    for rule in ("pyqt5-import", "pyqt-qt-module", "qaction-module", "exec_", "renamed-enum",
                 "qvariant-null", "qvariant-type", "qdatetime", "qapp", "removed-api", "unscoped-enum"):
        assert rule in rules, (rule, found)
    assert rules.count("exec_") == 2  # the definition and the call
    assert ("renamed-enum", "Qt.TextColorRole -> Qt.ItemDataRole.ForegroundRole") in found
    assert ("unscoped-enum", "Qt.AlignLeft -> Qt.AlignmentFlag.AlignLeft") in found
    removed = " ".join(message for rule, message in found if rule == "removed-api")
    for what in ("QRegExp", "QtWebKit", "compiled resources", "QFontMetrics.width", "activated[str]",
                 "addAction", "desktop()"):
        assert what in removed, (what, removed)


def _scoped_enum_uses(files):
    """Every `Class.Enum.Member` expression in the files whose Class is imported from qgis or qgis.PyQt."""
    uses = set()
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = {alias.asname or alias.name: node.module for node in ast.walk(tree)
                    if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("qgis.")
                    for alias in node.names}
        for node in ast.walk(tree):
            if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Attribute)
                    and isinstance(node.value.value, ast.Name) and node.value.value.id in imported
                    and node.value.attr[:1].isupper() and node.attr[:1].isupper()):
                uses.add((imported[node.value.value.id], node.value.value.id, node.value.attr, node.attr))
    return sorted(uses)


def test_every_scoped_enum_the_plugin_writes_exists_in_this_qgis(qt6_check):
    """The scoped spelling must not only please the checker but resolve on the QGIS this suite runs on."""
    uses = _scoped_enum_uses(qt6_check.plugin_python_files())
    assert len(uses) > 50  # the plugin writes many; an empty list would mean the walk above is broken
    missing = []
    for module, owner, enum_name, member in uses:
        cls = getattr(importlib.import_module(module), owner)
        enum_type = getattr(cls, enum_name, None)
        if enum_type is None or not hasattr(enum_type, member):
            missing.append("{}.{}.{}".format(owner, enum_name, member))
    assert not missing, missing
