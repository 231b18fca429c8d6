"""The vectorized distance queries against brute force and against hand-placed points."""
import numpy as np
import pytest

from landeval.core.decision import proximity as X


def test_sum_within_equals_brute_force():
    rng = np.random.default_rng(7)
    points = rng.uniform(0, 10000, size=(700, 2))
    targets = rng.uniform(-500, 10500, size=(900, 2))
    weights = rng.uniform(0, 5, size=900)
    d = np.hypot(points[:, None, 0] - targets[None, :, 0], points[:, None, 1] - targets[None, :, 1])
    assert X.sum_within(points, targets, 800).tolist() == (d <= 800).sum(axis=1).tolist()
    assert X.sum_within(points, targets, 800, weights) == pytest.approx(((d <= 800) * weights).sum(axis=1))


def test_sum_within_edge_cases():
    pts = np.array([[0.0, 0.0], [np.nan, 1.0]])
    out = X.sum_within(pts, np.array([[1000.0, 0.0]]), 1000)  # exactly on the circle counts
    assert out[0] == 1 and np.isnan(out[1])
    assert X.sum_within(pts, np.empty((0, 2)), 1000)[0] == 0
    with pytest.raises(Exception, match="positive"):
        X.sum_within(pts, pts, 0)


def test_nearest_segment_groups_and_reach():
    # Two destinations: a segment on the x axis from 0 to 100 (group a) and a point at (0, 50) (group b).
    segments = np.vstack([[0, 0, 100, 0], X.point_segments([[0, 50]])])
    owners = np.array([0, 1])
    points = np.array([[50, 40], [50, 40], [50, 40], [500, 500]], dtype=float)
    owner, dist, nx, ny = X.nearest_segment(points, segments, owners, ["b", "a", None, "a"], ["a", "b"])
    # Point 0 (group b) may only reach the point destination: √(50² + 10²); point 1 only the segment: 40;
    # point 2 has no group and takes the nearer, the segment.
    assert owner.tolist() == [1, 0, 0, 0]
    assert dist[:3] == pytest.approx([np.hypot(50, 10), 40, 40])
    assert (nx[1], ny[1]) == (50, 0)
    owner, dist, _, _ = X.nearest_segment(points, segments, owners, max_distance=45)
    assert owner.tolist() == [0, 0, 0, -1] and np.isnan(dist[3])


def test_nearest_segment_chunks_agree(monkeypatch):
    rng = np.random.default_rng(3)
    points = rng.uniform(0, 1000, size=(300, 2))
    segments = rng.uniform(0, 1000, size=(40, 4))
    owners = np.arange(40) // 4
    whole = X.nearest_segment(points, segments, owners)
    monkeypatch.setattr(X, "CHUNK_CELLS", 100)  # 2 points per chunk
    chunked = X.nearest_segment(points, segments, owners)
    assert (whole[0] == chunked[0]).all() and whole[1] == pytest.approx(chunked[1])
