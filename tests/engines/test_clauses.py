"""Clauses as a tally keeps them (framing.engines.clauses): coded rows that follow their documents
through a merge, and the first examples."""
import numpy as np
import pandas as pd

from framing.engines.clauses import EXAMPLES, merge_clauses, no_clauses, of_rows


def test_clauses_merge_keeps_the_rows_of_the_documents_kept():
    # Two parts; the second holds d1 again (counted before: dropped with its rows) and d3.
    first = pd.DataFrame({"doc_id": ["d1", "d1", "d2"], "group": ["A", "A", "B"], "speaker": ["UN", "he", "army"],
                          "verb": ["say", "claim", "say"], "verb_class": ["neutral", "distancing", "neutral"],
                          "sentence": ["s1", "s2", "s3"]})
    second = pd.DataFrame({"doc_id": ["d1", "d3"], "group": ["A", "B"], "speaker": ["UN", "Hamas"],
                           "verb": ["say", "deny"], "verb_class": ["neutral", "denial"], "sentence": ["s4", "s5"]})
    cols = ("speaker", "verb", "verb_class")
    a = of_rows(first, ["d1", "d2"], cols, first[first["verb_class"] != "neutral"])
    b = of_rows(second, ["d1", "d3"], cols, second[second["verb_class"] != "neutral"])
    merged = merge_clauses([(a, np.array([True, True]), ["d1", "d2"]), (b, np.array([False, True]), ["d1", "d3"])])
    frame = merged.frame(["d1", "d2", "d3"], ["A", "B", "B"])
    assert frame.values.tolist() == [["d1", "A", "UN", "say", "neutral"], ["d1", "A", "he", "claim", "distancing"],
                                     ["d2", "B", "army", "say", "neutral"], ["d3", "B", "Hamas", "deny", "denial"]]
    assert merged.example_frame()["sentence"].tolist() == ["s2", "s5"]


def test_a_part_keeps_the_first_examples_only_and_an_empty_part_merges():
    rows = pd.DataFrame({"doc_id": [f"d{i}" for i in range(50)], "group": ["A"] * 50, "verb": ["kill"] * 50,
                         "construction": ["passive_agentless"] * 50, "agent": [""] * 50,
                         "sentence": [f"s{i}" for i in range(50)]})
    cols = ("verb", "construction", "agent")
    part = of_rows(rows, list(rows["doc_id"]), cols, rows)
    assert len(part) == 50 and [e[-1] for e in part.examples] == [f"s{i}" for i in range(EXAMPLES)]
    merged = merge_clauses([(no_clauses(cols), np.zeros(0, bool), []), (part, np.ones(50, bool), list(rows["doc_id"]))])
    assert merged.frame(list(rows["doc_id"]), ["A"] * 50)["doc_id"].tolist() == list(rows["doc_id"])


def _said(rows):
    return of_rows(rows, list(dict.fromkeys(rows["doc_id"])), ("speaker", "verb", "verb_class"), rows.head(0))


def test_clauses_tabulated_count_rows_per_group_and_values_by_hand():
    rows = pd.DataFrame({"doc_id": ["d1", "d1", "d2", "d3", "d3", "d3"],
                         "group": ["A", "A", "B", "A", "A", "A"],
                         "speaker": ["UN", "UN", "UN", "army", "UN", "army"],
                         "verb": ["say", "tell", "claim", "say", "claim", "say"],
                         "verb_class": ["neutral", "neutral", "distancing", "neutral", "distancing", "neutral"],
                         "sentence": [""] * 6})
    said = _said(rows)
    table = said.tabulated(np.array([0, 1, 0]), ["A", "B"], ("speaker", "verb_class"))
    # By hand: A: UN neutral 2 (d1), UN distancing 1 (d3), army neutral 2 (d3); B: UN distancing 1.
    assert sorted(map(tuple, table.values.tolist())) == [("A", "UN", "distancing", 1), ("A", "UN", "neutral", 2),
                                                        ("A", "army", "neutral", 2), ("B", "UN", "distancing", 1)]
    assert table["count"].dtype == np.int64
    # Two groups the page names alike count as one; a group of no rows has none.
    merged = said.tabulated(np.array([0, 1, 0]), ["X", "X"], ("verb_class",))
    assert sorted(map(tuple, merged.values.tolist())) == [("X", "distancing", 2), ("X", "neutral", 4)]
    assert said.tabulated(np.array([0, 0, 0]), ["A", "B"], ("verb",))["group"].tolist() == ["A"] * 3
    assert no_clauses(("speaker", "verb", "verb_class")).tabulated(np.zeros(0, np.int64), ["A"], ("speaker",)).empty


def test_clauses_tabulated_equal_the_frame_grouped_on_random_rows():
    rng = np.random.default_rng(3)
    n = 2_000
    rows = pd.DataFrame({"doc_id": [f"d{i}" for i in np.sort(rng.integers(0, 300, n))],
                         "speaker": rng.choice(["UN", "army", "he", "the ministry", "officials"], n),
                         "verb": rng.choice(["say", "claim", "deny"], n),
                         "verb_class": rng.choice(["neutral", "distancing", "denial"], n), "sentence": ""})
    ids = list(dict.fromkeys(rows["doc_id"]))
    groups = rng.integers(0, 4, len(ids))
    rows["group"] = np.array(["A", "B", "C", "D"])[groups[[ids.index(d) for d in rows["doc_id"]]]]
    said = _said(rows)
    want = rows.groupby(["group", "speaker", "verb_class"]).size()
    got = said.tabulated(groups, ["A", "B", "C", "D"], ("speaker", "verb_class")).set_index(
        ["group", "speaker", "verb_class"])["count"]
    assert got.sort_index().to_dict() == want.to_dict()
