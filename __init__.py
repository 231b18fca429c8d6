"""LandEval QGIS plugin entry point."""


def classFactory(iface):  # noqa: N802 - name fixed by QGIS
    """Return the plugin instance; imported lazily so loading the package stays cheap."""
    from .plugin import LandEvalPlugin

    return LandEvalPlugin(iface)
