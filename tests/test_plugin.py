"""The plugin object: loads headless (iface None) and cleans up after itself on the desktop.

The processing registry is replaced by a recorder so these tests leave the session's provider alone.
"""
from unittest import mock

import pytest


@pytest.fixture
def registry(qgis_app):
    with mock.patch("landeval.plugin.QgsApplication") as app:
        yield app.processingRegistry.return_value


def test_headless_load_registers_and_unload_removes_provider(registry):
    import landeval

    plugin = landeval.classFactory(None)
    plugin.initProcessing()
    provider = plugin.provider
    registry.addProvider.assert_called_once_with(provider)
    assert provider.id() == "landeval"
    plugin.unload()
    registry.removeProvider.assert_called_once_with(provider)


def test_gui_adds_menu_toolbar_and_dock_and_unload_removes_them(registry, qgis_iface, landeval_provider):
    # The dock reads its algorithms' parameters from the real registry (the recorder stands in for plugin.py's).
    import landeval

    # A recording iface around a real main window: pytest-qgis's stand-in lacks the remove* methods.
    iface = mock.MagicMock()
    iface.mainWindow.return_value = qgis_iface.mainWindow()
    plugin = landeval.classFactory(iface)
    plugin.initGui()
    action = plugin.action
    registry.addProvider.assert_called_once_with(plugin.provider)
    iface.addPluginToMenu.assert_called_once_with("&LandEval", action)
    iface.addToolBarIcon.assert_called_once_with(action)
    action.setChecked(True)
    dock = plugin.dock
    assert dock is not None and not dock.isHidden()
    iface.addDockWidget.assert_called_once()
    action.setChecked(False)
    assert dock.isHidden()
    plugin.unload()
    iface.removePluginMenu.assert_called_once_with("&LandEval", action)
    iface.removeToolBarIcon.assert_called_once_with(action)
    iface.removeDockWidget.assert_called_once_with(dock)
    registry.removeProvider.assert_called_once()
    assert plugin.action is None and plugin.dock is None and plugin.provider is None
