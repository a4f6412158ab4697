"""Cells as text: bytes decoded, lists joined as paragraphs, other types refused with the column."""
import numpy as np
import pandas as pd
import pytest

from framing.corpus import read_corpus
from framing.errors import InputError
from framing.reading.cells import CellError, cell_text


@pytest.mark.parametrize("value,expected", [
    ("  text ", "text"), ("", None), (None, None), (float("nan"), None), (3, "3"), (2.0, "2"), (2.5, "2.5"),
    (True, "true"), (b"caf\xc3\xa9", "café"), (["First.", "Second."], "First.\n\nSecond."),
    ([["One.", "Two."], ["Three."]], "One. Two.\n\nThree."), (np.array(["a", "b"]), "a\n\nb"),
    (np.int64(7), "7"), (pd.Timestamp("2024-03-07"), "2024-03-07T00:00:00"), (pd.NA, None),
])
def test_cell_text(value, expected):
    assert cell_text(value) == expected


@pytest.mark.parametrize("value,message", [
    (b"\xff\xfe\x00bad", "not UTF-8"), ({"a": 1}, "a mapping"), ([[["deep"]]], "nested more than two deep"),
    (object(), "type object"),
])
def test_refused_cells(value, message):
    with pytest.raises(CellError, match=message):
        cell_text(value)


def test_parquet_bytes_and_list_cells(tmp_path):
    df = pd.DataFrame({"text": [b"Bytes body.", None], "source": ["A", "B"],
                       "paragraphs": [["p1", "p2"], ["p3"]]})
    df.to_parquet(tmp_path / "p.parquet")
    corpus = read_corpus(tmp_path / "p.parquet")
    assert [d.text for d in corpus] == ["Bytes body."]
    assert corpus.documents[0].meta["paragraphs"] == "p1\n\np2"
    assert [s.reason for s in corpus.skipped] == ["empty text"]


def test_jsonl_lists_of_paragraphs_and_bad_types(tmp_path):
    (tmp_path / "b.jsonl").write_text('{"body": [["S one.", "S two."], ["P two."]], "source": "nyt"}\n'
                                      '{"body": "plain", "source": "fox"}\n', encoding="utf-8")
    from framing.corpus import Columns

    corpus = read_corpus(tmp_path / "b.jsonl", Columns(text="body"))
    assert [d.text for d in corpus] == ["S one. S two.\n\nP two.", "plain"]
    (tmp_path / "c.jsonl").write_text('{"text": "fine"}\n{"text": {"nested": "object"}}\n', encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_corpus(tmp_path / "c.jsonl")
    assert "c.jsonl:2 (column 'text'): a cell holds a mapping" in str(err.value)
