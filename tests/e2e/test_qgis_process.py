"""LandEval headless through qgis_process: the plugin loads in a fresh profile, lists and runs its algorithms.

The AHP case is worked by hand. For A = [[1, 3, 5], [1/3, 1, 3], [1/5, 1/3, 1]] the geometric row means are
15^(1/3) = 2.4662, 1 and (1/15)^(1/3) = 0.4055; divided by their sum 3.8717 they give w = (0.6370, 0.2583,
0.1047), which for this matrix is also the principal eigenvector. A·w = (1.9354, 0.7848, 0.3182), so
lambda_max = mean(A·w / w) = 3.0385, CI = (lambda_max - 3) / 2 = 0.01926 and with Saaty's RI(3) = 0.58,
CR = 0.0332 < 0.1: consistent.
"""
import json

import pytest

pytestmark = pytest.mark.slow

AHP = "landeval:ahpweights"
AHP_INPUTS = {"CRITERIA": "land_use;economy;environment", "MATRIX": "1,3,5,1/3,1,3,1/5,1/3,1", "METHOD": 0}
EXPECTED_WEIGHTS = {"land_use": 0.6370, "economy": 0.2583, "environment": 0.1047}


@pytest.fixture(scope="module")
def listing(e2e, plugin_profile):
    return e2e.run_qgis_process(["list"], plugin_profile)


def test_plugin_loads_without_python_errors(e2e, plugin_profile):
    done = e2e.call_qgis_process(["plugins"], plugin_profile)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    assert e2e.run_qgis_process(["plugins"], plugin_profile)["plugins"]["landeval"]["loaded"] is True


def test_list_shows_the_provider_with_every_registered_algorithm(listing):
    from landeval.algorithms.registry import ALGORITHMS

    provider = listing["providers"]["landeval"]
    assert provider["name"] == "LandEval"
    assert provider["is_active"] is True
    registered = {"landeval:" + cls.NAME for cls in ALGORITHMS}
    assert registered, "algorithms/registry.py lists no algorithm yet"
    assert set(provider["algorithms"]) == registered


def test_help_describes_the_ahp_parameters(e2e, plugin_profile):
    help_json = e2e.run_qgis_process(["help", AHP], plugin_profile)
    assert {"CRITERIA", "MATRIX", "METHOD"} <= set(help_json["parameters"])
    assert {"WEIGHTS", "LAMBDA_MAX", "CR", "CONSISTENT"} <= set(help_json["outputs"])


def test_ahpweights_gives_the_hand_worked_weights(e2e, plugin_profile):
    result = e2e.run_qgis_process(["run", AHP, *e2e.param_args(AHP_INPUTS)], plugin_profile)
    _assert_hand_worked(result["results"])


def test_ahpweights_reports_a_bad_matrix_without_a_traceback(e2e, plugin_profile):
    bad = dict(AHP_INPUTS, MATRIX="1,3,1/3,1")  # 2 x 2 values for 3 criteria
    done = e2e.call_qgis_process(["run", AHP, *e2e.param_args(bad)], plugin_profile)
    assert done.returncode != 0
    assert "Traceback" not in done.stderr, done.stderr
    assert "matrix" in done.stderr.lower(), done.stderr


def test_json_parameters_on_stdin_where_supported(e2e, plugin_profile, listing):
    """Version-specific: qgis_process reads a JSON parameter object from stdin only from QGIS 3.24 on."""
    if e2e.qgis_version_tuple(listing) < (3, 24, 0):
        pytest.skip("QGIS {} predates JSON parameters on stdin (3.24)".format(listing["qgis_version"]))
    # JSON carries the matrix as a real list, numbers and fraction strings mixed as a script would send it.
    inputs = dict(AHP_INPUTS, MATRIX=[1, 3, 5, "1/3", 1, 3, 0.2, "1/3", 1])
    result = e2e.run_qgis_process(["run", AHP, "-"], plugin_profile, stdin=json.dumps({"inputs": inputs}))
    _assert_hand_worked(result["results"])


def _assert_hand_worked(results):
    weights = json.loads(results["WEIGHTS"])  # a JSON object {criterion: weight}, in matrix order
    assert list(weights) == list(EXPECTED_WEIGHTS)
    assert sum(weights.values()) == pytest.approx(1.0)
    assert weights == pytest.approx(EXPECTED_WEIGHTS, abs=5e-4)
    assert results["LAMBDA_MAX"] == pytest.approx(3.0385, abs=5e-4)
    assert results["CR"] == pytest.approx(0.0332, abs=5e-4)
    assert results["CONSISTENT"] in (True, 1, "true")
