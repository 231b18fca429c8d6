"""LandEval QGIS plugin entry point."""


def classFactory(iface):  # noqa: N802 - name fixed by QGIS
    """Return the plugin instance; imported lazily so loading the package stays cheap. The translation for
    QGIS's locale is installed first, so the toolbox, the dialogs and qgis_process all show it."""
    from .plugin import LandEvalPlugin
    from .translation import install_translator

    install_translator()
    return LandEvalPlugin(iface)
