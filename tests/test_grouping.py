import datetime as dt

import pytest

from framing.errors import FramingError
from framing.grouping import group_labels
from framing.model import Corpus, Document


def corpus():
    return Corpus("c", (
        Document("1", "t", source="A", date=dt.date(2023, 10, 7), meta={"outlet": "X"}),
        Document("2", "t", source="B", date=dt.date(2023, 11, 2)),
        Document("3", "t", source="A"),
    ))


def test_by_source_date_and_metadata():
    c = corpus()
    assert group_labels(c) == ["A", "B", "A"]
    assert group_labels(c, "date:month") == ["2023-10", "2023-11", "(unknown)"]
    assert group_labels(c, "date:year") == ["2023", "2023", "(unknown)"]
    assert group_labels(c, "outlet") == ["X", "(unknown)", "(unknown)"]


def test_no_source_means_each_document_is_a_group():
    c = Corpus("c", (Document("a", "t"), Document("b", "t")))
    assert group_labels(c) == ["a", "b"]


def test_unknown_field_is_an_error():
    with pytest.raises(FramingError, match="no document has the field 'party'"):
        group_labels(corpus(), "party")
