"""A QGIS without pandas or PyYAML: the plugin loads, names what is missing and what to install on that platform."""
import sys
from unittest import mock

import pytest

from landeval.core import dependencies


def _importer_without(*absent):
    """An import function that fails for the given modules, as Python does when they are not installed."""
    def importer(name):
        if name in absent:
            raise ImportError("No module named '{}'".format(name))
        return __import__(name)
    return importer


@pytest.mark.parametrize("content, kind", [
    ('ID=debian\nVERSION_ID="12"\n', "debian"),
    ('ID=ubuntu\nID_LIKE=debian\n', "debian"),
    ('ID=linuxmint\nID_LIKE="ubuntu debian"\n', "debian"),
    ('ID=fedora\n', "fedora"),
    ('ID="rocky"\nID_LIKE="rhel centos fedora"\n', "fedora"),
    ('ID=arch\n', "linux"),
])
def test_linux_distribution_is_read_from_os_release(tmp_path, content, kind):
    (tmp_path / "os-release").write_text(content)
    assert dependencies.platform_kind("linux", tmp_path / "os-release", tmp_path / "no-flatpak") == kind


def test_windows_macos_and_flatpak(tmp_path):
    (tmp_path / "flatpak-info").write_text("[Application]\nname=org.qgis.qgis\n")
    assert dependencies.platform_kind("win32") == "windows"
    assert dependencies.platform_kind("darwin") == "macos"
    assert dependencies.platform_kind("linux", tmp_path / "none", tmp_path / "flatpak-info") == "flatpak"


@pytest.mark.parametrize("kind, expected", [
    ("debian", "sudo apt install python3-pandas python3-yaml"),
    ("fedora", "sudo dnf install python3-pandas python3-pyyaml"),
    ("windows", "select the packages python3-pandas, python3-pyyaml"),
    ("windows", "OSGeo4W Shell from the Start menu as administrator and run: python -m pip install pandas PyYAML"),
    ("macos", '"/Applications/QGIS.app/Contents/MacOS/bin/python3" -m pip install --user pandas PyYAML'),
    ("flatpak", "flatpak run --command=pip3 org.qgis.qgis install --user pandas PyYAML"),
    ("linux", "python3 -m pip install --user pandas PyYAML"),
])
def test_message_names_the_packages_and_the_command_for_the_platform(kind, expected):
    message = dependencies.missing_dependency_message(_importer_without("pandas", "yaml"), kind,
                                                      "/Applications/QGIS.app/Contents/MacOS/bin/python3")
    assert message.startswith("LandEval needs pandas, PyYAML in QGIS's Python")
    assert expected in message
    assert message.endswith("Then restart QGIS.")


def test_only_the_missing_package_is_asked_for():
    message = dependencies.missing_dependency_message(_importer_without("yaml"), "debian")
    assert "needs PyYAML" in message and "sudo apt install python3-yaml." in message
    assert "pandas" not in message
    assert dependencies.missing_dependency_message(_importer_without(), "debian") is None


def test_provider_without_pyyaml_logs_what_to_install_and_offers_no_algorithm(qgis_app, monkeypatch):
    """Simulates the missing import the way Python sees it: a None entry in sys.modules raises ImportError."""
    from qgis.core import Qgis, QgsApplication

    from landeval.algorithms.provider import LandEvalProvider

    monkeypatch.setitem(sys.modules, "yaml", None)
    received = []

    def collect(message, tag, level):
        received.append((message, tag, level))

    log = QgsApplication.messageLog()
    log.messageReceived.connect(collect)
    try:
        provider = LandEvalProvider()
        provider.loadAlgorithms()
    finally:
        log.messageReceived.disconnect(collect)
    assert provider.algorithms() == []
    ours = [(m, level) for m, tag, level in received if tag == "LandEval"]
    assert len(ours) == 1
    message, level = ours[0]
    assert level == Qgis.MessageLevel.Critical
    assert "LandEval needs PyYAML in QGIS's Python" in message
    # This machine (and the trixie/sid chroots) is Debian: the message gives the apt command.
    assert "sudo apt install python3-yaml" in message


def test_desktop_shows_the_message_in_the_message_bar(qgis_app, qgis_iface, monkeypatch):
    from qgis.core import Qgis

    import landeval

    monkeypatch.setitem(sys.modules, "pandas", None)
    iface = mock.MagicMock()
    iface.mainWindow.return_value = qgis_iface.mainWindow()
    with mock.patch("landeval.plugin.QgsApplication"):
        plugin = landeval.classFactory(iface)
        plugin.initGui()
        plugin.unload()
    iface.messageBar.return_value.pushMessage.assert_called_once()
    title, text, level, duration = iface.messageBar.return_value.pushMessage.call_args.args
    assert (title, level, duration) == ("LandEval", Qgis.MessageLevel.Critical, 0)
    assert "LandEval needs pandas" in text and "sudo apt install python3-pandas" in text
