import numpy as np

from framing.string_union import sorted_union


def _by_hand(parts):
    union = sorted({s for p in parts for s in p})  # Python orders str by code point
    return union, [[union.index(s) for s in p] for p in parts]


def test_union_is_code_point_order_and_maps_find_each_string():
    parts = [["zebra", "Zebra", "éclair", "apple"], [], ["apple", "日本", "a", "zebra"], ["ß", "ss"]]
    union, maps = sorted_union(parts)
    expected_union, expected_maps = _by_hand(parts)
    assert union.tolist() == expected_union
    assert [m.tolist() for m in maps] == expected_maps
    assert all(m.dtype == np.int64 for m in maps)


def test_a_lone_surrogate_falls_back_to_the_same_answer():
    parts = [["b", "\ud800"], ["a", "b"]]  # UTF-8 cannot hold the surrogate, so Arrow refuses it
    union, maps = sorted_union(parts)
    expected_union, expected_maps = _by_hand(parts)
    assert union.tolist() == expected_union
    assert [m.tolist() for m in maps] == expected_maps


def test_sorted_parts_get_increasing_maps():
    parts = [sorted(["delta", "alpha", "kilo"]), sorted(["bravo", "alpha", "zulu", "kilo"])]
    _, maps = sorted_union(parts)
    assert all((np.diff(m) > 0).all() for m in maps)
