from qgis.core import QgsApplication


def test_provider_registered_once(landeval_provider):
    registry = QgsApplication.processingRegistry()
    assert registry.providerById("landeval") is landeval_provider
    assert landeval_provider.name() == "LandEval"
