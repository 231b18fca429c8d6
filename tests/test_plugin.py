"""The plugin object: loads headless (iface None) and cleans up after itself on the desktop."""
import pytest
from qgis.core import QgsApplication


@pytest.fixture
def no_session_provider(qgis_app, qgis_processing):
    """Take the session's provider out while a plugin instance registers its own, then put it back."""
    from landeval.algorithms.provider import LandEvalProvider

    registry = QgsApplication.processingRegistry()
    had_one = registry.providerById("landeval") is not None
    if had_one:
        registry.removeProvider("landeval")
    yield registry
    if had_one and registry.providerById("landeval") is None:
        registry.addProvider(LandEvalProvider())


def test_headless_load_registers_and_unload_removes_provider(no_session_provider):
    import landeval

    plugin = landeval.classFactory(None)
    plugin.initProcessing()
    assert no_session_provider.providerById("landeval") is plugin.provider
    plugin.unload()
    assert no_session_provider.providerById("landeval") is None


def test_gui_adds_menu_toolbar_and_dock_and_unload_removes_them(no_session_provider, qgis_iface, monkeypatch):
    import landeval

    removed = []
    # pytest-qgis's stand-in iface lacks removeDockWidget, which the real QgisInterface has.
    monkeypatch.setattr(qgis_iface, "removeDockWidget", removed.append, raising=False)

    plugin = landeval.classFactory(qgis_iface)
    plugin.initGui()
    plugin.action.setChecked(True)
    assert plugin.dock is not None and not plugin.dock.isHidden()
    plugin.action.setChecked(False)
    assert plugin.dock.isHidden()
    dock = plugin.dock
    plugin.unload()
    assert removed == [dock]
    assert plugin.action is None and plugin.dock is None
    assert no_session_provider.providerById("landeval") is None
