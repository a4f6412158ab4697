"""Boilerplate: hand-built corpora whose repeated texts and counts are known by construction."""
import random

import pytest

from framing.cleaning.boilerplate import find_boilerplate, remove_boilerplate
from framing.model import Corpus, Document

BODIES = [
    "talks on the ceasefire resumed, mediators said in",
    "aid trucks crossed as officials counted the convoys near",
    "the parliament debated the budget before the vote in",
    "rescuers searched the rubble after the strike overnight at",
]
_SYLLABLES = "ka lo mi nu pe ra si tu vo ze ba do fi gu ho ja ke lu ma ni".split()


def word(i: int, n: int = 3) -> str:
    """n made-up words that no other i has (digits would be read as one 0, so no numbers)."""
    rng = random.Random(i)
    return " ".join(rng.choice(_SYLLABLES) + rng.choice(_SYLLABLES) + rng.choice(_SYLLABLES) for _ in range(n))


def body(i: int) -> str:
    """A paragraph no other document has, that starts and ends with words no other has."""
    return f"{word(i).capitalize()} {BODIES[i % len(BODIES)]} {word(i + 1)}."


def corpus(*groups: tuple[str, list[str]]) -> Corpus:
    docs = [Document(id=f"{source}-{i}", text=text, source=source)
            for source, texts in groups for i, text in enumerate(texts)]
    return Corpus("test", tuple(docs))


def labels(c: Corpus) -> list[str]:
    return [d.source for d in c.documents]


def rows(found, group, kind=None):
    return {r.text: r.documents for r in found.found(group, kind)}


def test_a_footer_in_every_document_is_found_with_its_count_and_years_read_as_one():
    # 20 documents, each: its own paragraph, then a footer whose year differs (2019 or 2020).
    texts = [f"{body(i)}\n\nCopyright {2019 + i % 2} Example News. All rights reserved." for i in range(20)]
    found = find_boilerplate(corpus(("A", texts)), ["A"] * 20)
    assert rows(found, "A") == {"copyright 0 example news. all rights reserved.": 20}
    assert found.threshold("A") == 5  # max(5, 5% of 20 = 1)


def test_the_threshold_needs_both_the_share_and_the_count():
    # Group A: 200 documents, a line in 9 of them (4.5% < 5%: the threshold is 10) -> not found.
    # Group B: 60 documents, a line in 4 of them (6.7% but fewer than 5) -> not found;
    # another line in 5 of them (8.3% and 5) -> found.
    a = [body(i) + ("\n\nSubscribe to our newsletter." if i < 9 else "") for i in range(200)]
    b = [body(i) + ("\n\nWatch the video." if i < 4 else "") + ("\n\nFollow us online." if i >= 55 else "")
         for i in range(60)]
    c = corpus(("A", a), ("B", b))
    found = find_boilerplate(c, labels(c), edges=False)
    assert found.threshold("A") == 10 and found.threshold("B") == 5
    assert rows(found, "A") == {}
    assert rows(found, "B") == {"follow us online.": 5}
    # Lower thresholds find the other two.
    found = find_boilerplate(c, labels(c), min_share=0.04, min_docs=4, edges=False)
    assert rows(found, "A") == {"subscribe to our newsletter.": 9}
    assert rows(found, "B") == {"watch the video.": 4, "follow us online.": 5}


def test_removal_keeps_the_rest_and_moves_empty_documents_to_skipped():
    # 6 documents with a unique paragraph and two boilerplate lines; 1 with only the two lines.
    footer = "Sign up for daily newsletters\n\nStory Continued Below"
    texts = [f"{body(i)}\n\n{footer}" for i in range(6)] + [footer]
    c = corpus(("A", texts))
    found = find_boilerplate(c, labels(c))
    assert rows(found, "A", "line") == {"sign up for daily newsletters": 7, "story continued below": 7}
    cleaned, removal = remove_boilerplate(c, found)
    assert [d.text for d in cleaned.documents] == [body(i) for i in range(6)]
    assert [(s.path, "boilerplate" in s.reason) for s in cleaned.skipped] == [("A-6", True)]
    g = removal.groups["A"]
    assert (g.affected, g.emptied, g.lines, g.pieces) == (7, 1, 14, 0)
    assert g.characters == 6 * len("\n\n" + footer) + len(footer)
    assert g.occurrences == {"line: sign up for daily newsletters": 7, "line: story continued below": 7}
    assert len(cleaned.documents) + len(cleaned.skipped) == len(c.documents)
    assert cleaned.notes and "7 documents" in cleaned.notes[-1]


def test_one_line_documents_are_left_to_deduplication():
    # The same headline in 10 one-line documents: a duplicate, not boilerplate.
    c = corpus(("A", ["Live updates: the war in Gaza"] * 10 + [f"Headline {i}" for i in range(10)]))
    found = find_boilerplate(c, labels(c))
    assert found.found("A") == []


def test_a_sentence_glued_to_the_end_of_a_paragraph():
    # 6 documents end their last paragraph with the same short sentence; one has it in the middle
    # of a paragraph too (removed there as well: it has three words or more).
    texts = [f"{body(i)}\n\n{body(i + 50)} Click here for reprint permission." for i in range(6)]
    texts[0] += f"\n\n{body(70)} Click here for reprint permission. {body(71)}"
    c = corpus(("A", texts))
    found = find_boilerplate(c, labels(c))
    assert rows(found, "A") == {"click here for reprint permission.": 6}
    cleaned, removal = remove_boilerplate(c, found)
    assert cleaned.documents[1].text == f"{body(1)}\n\n{body(51)}"
    assert cleaned.documents[0].text == f"{body(0)}\n\n{body(50)}\n\n{body(70)} {body(71)}"
    assert removal.groups["A"].occurrences == {"sentence: click here for reprint permission.": 7}
    assert removal.groups["A"].pieces == 7 and removal.groups["A"].lines == 0


def test_openings_are_found_and_ordinary_openings_are_not():
    # Lines 1: "JUST WATCHED <title>" in 6 documents (titles all different) -> opening "just watched".
    # Lines 2: "The <...>" in every document: only stop words -> never.
    # Lines 3: "Officials said <...>" opening a line in 6 documents, but "officials said" is also
    # inside a line of 4 other documents: 6 of 10 documents (< 90%) -> not boilerplate.
    texts = []
    for i in range(12):
        lines = [body(i), f"The {word(i + 100)}."]
        if i < 6:
            lines.append(f"JUST WATCHED {word(i)}")
            lines.append(f"Officials said {word(i + 200)}.")
        elif i < 10:
            lines.append(f"By evening officials said {word(i + 200)}.")
        texts.append("\n\n".join(lines))
    c = corpus(("A", texts))
    found = find_boilerplate(c, labels(c))
    assert rows(found, "A") == {"just watched": 6}
    cleaned, removal = remove_boilerplate(c, found)
    assert cleaned.documents[0].text.split("\n\n")[2] == word(0)
    assert removal.groups["A"].occurrences == {"opening: just watched": 6}


def test_a_widget_line_goes_whole():
    # 5 documents with a video widget: "JUST WATCHED <title> Replay More Videos ... MUST WATCH <title> 01:23".
    texts = [f"{body(i)}\n\nJUST WATCHED {word(i)} Replay More Videos ... MUST WATCH {word(i)} 01:23"
             for i in range(5)] + [body(i) for i in range(5, 10)]
    c = corpus(("A", texts))
    found = find_boilerplate(c, labels(c))
    assert rows(found, "A", "opening") == {"just watched": 5}
    assert rows(found, "A", "inner") == {"replay more videos ... must watch": 5}
    cleaned, removal = remove_boilerplate(c, found)
    assert [d.text for d in cleaned.documents] == [body(i) for i in range(10)]
    assert removal.groups["A"].occurrences["widget (the whole line)"] == 5


def test_a_gallery_marker_is_removed_inside_lines_and_the_gallery_goes():
    # 5 documents end a gallery line with "Hide Caption <k> of <k>" (the last photo): a sentence.
    gallery = "Photos: A view of {}. Hide Caption 1 of 3 Photos: The market. Hide Caption 2 of 3 Photos: A street. Hide Caption 3 of 3"
    texts = [f"{body(i)}\n\n{gallery.format(word(i))}" for i in range(5)]
    c = corpus(("A", texts))
    found = find_boilerplate(c, labels(c))
    assert "hide caption 0 of 0" in rows(found, "A", "sentence")
    cleaned, _ = remove_boilerplate(c, found)
    assert [d.text for d in cleaned.documents] == [body(i) for i in range(5)]


def test_publisher_suffixes_named_after_the_source_or_repeated():
    # Source-named suffixes go whatever their count (here 1 and 2 documents, and a doubled one);
    # "Live Blog" ends 5 of group B's documents (the threshold) and goes too; " - Beirut" ends
    # 1 and stays.
    c = Corpus("t", (
        Document("1", "Strike hits Rafah - Reuters", source="Reuters"),
        Document("2", "Talks resume - Reuters - Reuters", source="Reuters"),
        Document("3", "Aid enters Gaza - AP", source="AP", title="Aid enters Gaza - AP"),
        *(Document(f"b{i}", f"Update {i} on the war - Live Blog", source="B") for i in range(5)),
        Document("b5", "Protest in the city - Beirut", source="B"),
    ))
    found = find_boilerplate(c, labels(c))
    assert rows(found, "Reuters", "publisher") == {"reuters": 2}
    assert rows(found, "AP", "publisher") == {"ap": 1}
    assert rows(found, "B", "publisher") == {"live blog": 5}
    cleaned, removal = remove_boilerplate(c, found)
    assert [d.text for d in cleaned.documents] == [
        "Strike hits Rafah", "Talks resume", "Aid enters Gaza", *(f"Update {i} on the war" for i in range(5)),
        "Protest in the city - Beirut"]
    assert cleaned.documents[2].title == "Aid enters Gaza"
    assert removal.groups["Reuters"].occurrences == {"publisher: reuters": 3}


def test_a_small_group_loses_the_lines_a_large_one_found_unless_not_spread():
    # Group A: 6 documents with a footer line; group B: 2 documents (too few to find anything) with
    # the same footer.
    footer = "Copyright 2020 The Example Times, LLC."
    c = corpus(("A", [f"{body(i)}\n{footer}" for i in range(6)]), ("B", [f"{body(i)}\n{footer}" for i in (7, 8)]))
    found = find_boilerplate(c, labels(c))
    assert rows(found, "B") == {}
    cleaned, removal = remove_boilerplate(c, found)
    assert all(footer not in d.text for d in cleaned.documents)
    assert removal.groups["B"].affected == 2
    found = find_boilerplate(c, labels(c), spread=False)
    cleaned, _ = remove_boilerplate(c, found)
    assert [footer in d.text for d in cleaned.documents] == [False] * 6 + [True] * 2


def test_arguments_are_checked():
    c = corpus(("A", [body(0)]))
    with pytest.raises(ValueError, match="labels"):
        find_boilerplate(c, ["A", "B"])
    with pytest.raises(ValueError, match="min_share"):
        find_boilerplate(c, ["A"], min_share=5)
    with pytest.raises(ValueError, match="min_docs"):
        find_boilerplate(c, ["A"], min_docs=0)
    found = find_boilerplate(c, ["A"])
    with pytest.raises(ValueError, match="another corpus"):
        remove_boilerplate(corpus(("A", [body(1), body(2)])), found)


def test_small_group_half_of_its_documents():
    """Five articles, three ending with the same app prompt: boilerplate (half and at least 3);
    a line in two of them is not."""
    bodies = ["Hostages were freed in the south.", "Talks resumed in Cairo on Monday.", "Aid trucks entered Rafah.",
              "The army said it struck a tunnel.", "Families gathered in Tel Aviv."]
    docs = [Document(id=f"d{i}", source="Fox Online News",
                     text=body + ("\nCLICK HERE TO GET THE FOX NEWS APP" if i < 3 else "")
                     + ("\nRead more at our partner site" if i in (3, 4) else ""))
            for i, body in enumerate(bodies)]
    corpus = Corpus("c", tuple(docs))
    cleaned, removal = remove_boilerplate(corpus, find_boilerplate(corpus, [d.source for d in docs]))
    assert [d.text for d in cleaned.documents][:3] == bodies[:3]
    assert sum("Read more at our partner site" in d.text for d in cleaned.documents) == 2
    assert removal.groups["Fox Online News"].lines == 3
