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
