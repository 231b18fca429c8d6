"""Shared by the dock tests: waiting for a background run while Qt's event loop keeps going."""
import time

import pytest


@pytest.fixture
def wait_for():
    """wait_for(condition, seconds=120): process Qt events until condition() is true, else fail."""
    from qgis.PyQt.QtCore import QCoreApplication

    def _wait(condition, seconds=120):
        end = time.monotonic() + seconds
        while not condition():
            if time.monotonic() > end:
                raise AssertionError(f"not done within {seconds} s")
            QCoreApplication.processEvents()
            time.sleep(0.01)

    return _wait
