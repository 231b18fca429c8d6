"""A hand-made district shared by the decision tests (no QGIS): three parks and six parcels.

    y
 9000 |                                                        P6 (T3)
      |
 4000 |   P4 (T1)
 3300 | [C2 community, T1: 0..300 × 3000..3300]
      |
 2000 |                                              P3 (T2)
 1200 |                        P5 (T2)
 1000 | [B1 base, T1: 0..1000 × 0..1000]   P2 (T1)
  500 |   P1 inside B1                     [C1 community, T2: 5000..5500 × 0..500]
      +-----------------------------------------------------------------------------> x
"""
import numpy as np
import pytest
import pandas as pd

MU = 10000.0 / 15.0


def square(x0, y0, x1, y1):
    """Boundary of an axis-parallel rectangle as four segments (x0, y0, x1, y1)."""
    corners = [(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)]
    return np.array([[*corners[i], *corners[i + 1]] for i in range(4)], dtype=float)


def parks():
    table = pd.DataFrame({"name": ["B1", "C1", "C2"], "level": ["base", "community", "community"],
                          "town": ["T1", "T2", "T1"]})
    rings = [square(0, 0, 1000, 1000), square(5000, 0, 5500, 500), square(0, 3000, 300, 3300)]
    segments = np.vstack(rings)
    owners = np.repeat(np.arange(3), 4)
    return table, segments, owners


def parcels():
    return pd.DataFrame({
        "parcel_id": ["P1", "P2", "P3", "P4", "P5", "P6"],
        "x": [500.0, 1500.0, 5250.0, 150.0, 2500.0, 9000.0],
        "y": [500.0, 500.0, 2000.0, 4000.0, 1200.0, 9000.0],
        "area_m2": np.array([100, 6, 15, 3, 9, 1.5]) * MU,
        "level": ["base", "block", "block", "block", "block", "block"],
        "town": ["T1", "T1", "T2", "T1", "T2", "T3"],
        "inside_dev_boundary": [1, 1, 0, 0, 0, 0],
        "inefficient": [0, 0, 1, 0, 1, 1],
        "floor_area": [np.nan, 6000.0, np.nan, np.nan, 3000.0, 1000.0],
        "plot_ratio": [np.nan, np.nan, 0.5, np.nan, np.nan, np.nan],
        "output_value": [2000.0, 60.0, 30.0, 10.0, 18.0, 3.0],
        "tax": [200.0, 6.0, 3.0, 1.0, 2.0, 0.3],
    })


@pytest.fixture
def district_parcels():
    return parcels()


@pytest.fixture
def district_parks():
    from landeval.core.decision.scenarios import Destinations

    return Destinations(*parks())
