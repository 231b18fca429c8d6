"""The weight-set dock panel (minimal shell; issue 6 builds the editor)."""
from qgis.gui import QgsDockWidget
from qgis.PyQt.QtWidgets import QLabel, QVBoxLayout, QWidget


class WeightSetDock(QgsDockWidget):
    def __init__(self, iface, parent=None):
        super().__init__("LandEval", parent)
        self.setObjectName("LandEvalWeightSetDock")
        self.iface = iface
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.addWidget(QLabel("LandEval weight sets / 权重方案"))
        self.setWidget(body)
