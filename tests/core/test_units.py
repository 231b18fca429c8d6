import numpy as np
import pytest

from landeval.core import units
from landeval.core.errors import LandEvalError


def test_mu_is_one_fifteenth_of_a_hectare():
    assert units.M2_PER_UNIT["mu"] == pytest.approx(666.6666666666666, abs=1e-12)
    assert units.from_m2(10000.0 / 15.0, "mu") == pytest.approx(1.0)


def test_one_square_kilometre_is_1500_mu_and_100_ha():
    assert units.from_m2(1.0e6, "mu") == pytest.approx(1500.0, rel=1e-12)
    assert units.from_m2(1.0e6, "ha") == pytest.approx(100.0)
    assert units.from_m2(1.0e6, "km2") == pytest.approx(1.0)


def test_arrays_round_trip():
    areas = np.array([0.0, 666.67, 1.0e4, 2.5e6])
    for unit in units.AREA_UNITS:
        np.testing.assert_allclose(units.to_m2(units.from_m2(areas, unit), unit), areas)


def test_labels_and_unknown_unit():
    assert units.unit_label("mu", "zh") == "亩"
    assert units.unit_label("km2", "en") == "km²"
    with pytest.raises(LandEvalError, match="mu, ha, km2"):
        units.from_m2(1.0, "acre")
