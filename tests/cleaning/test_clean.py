"""Cleaning as the pipeline runs it: boilerplate removed by default, duplicates counted and
dropped only on request, and both recorded for the command line and the report. Counts here
are derived by hand from the corpus below."""
import io
import subprocess
import sys

import pandas as pd
import pytest

from framing.api import clean
from framing.corpus import from_dataframe
from framing.errors import FramingError


def rows():
    # (Numbers are read as one symbol by the boilerplate finder, so the articles differ in words.)
    openings = ["Hostages were taken near Rafah", "Officials in Khan Younis reported hostages",
                "Families in Jabalia await hostages", "In Deir al-Balah, hostages", "Beit Hanoun residents saw hostages",
                "Near Nuseirat the hostages"]
    out = []
    for opening in openings:  # source A: six articles, each ending with the same sign-up line
        out.append({"source": "A", "text": f"{opening}, officials said.\n"
                                           "Click here to subscribe to our newsletter"})
    out.append({"source": "A", "text": "Hostages were taken near Rafah, officials said."})  # exact copy once cleaned
    for place in ["the south", "the north", "the centre"]:
        out.append({"source": "B", "text": f"Captives held after an attack in {place}, witnesses report."})
    out.append({"source": "B", "text": "Captives held after an attack in the south, witnesses report."})  # exact copy
    return out


def test_boilerplate_removed_and_duplicates_counted_not_dropped():
    corpus = clean(from_dataframe(pd.DataFrame(rows())))
    assert len(corpus) == 11 and not corpus.skipped
    assert not any("Click here" in d.text for d in corpus)
    c = corpus.cleaning
    assert c.removal.affected == 6 and c.removal.lines == 6
    assert {g: (v.exact, v.documents) for g, v in c.duplicates.groups.items()} == {"A": (1, 7), "B": (1, 4)}
    assert c.kept == {"A": {"none": 7, "exact": 6, "near": 6}, "B": {"none": 4, "exact": 3, "near": 3}}


def test_dedupe_drops_listing_the_document_kept():
    corpus = clean(from_dataframe(pd.DataFrame(rows())), dedupe="exact")
    assert len(corpus) == 9
    assert sorted(s.reason.split(" (")[0] for s in corpus.skipped) == [
        "exact duplicate of row2 in 'A'", "exact duplicate of row9 in 'B'"]


def test_keep_boilerplate_and_bad_mode():
    corpus = clean(from_dataframe(pd.DataFrame(rows())), boilerplate=False)
    assert sum("Click here" in d.text for d in corpus) == 6 and corpus.cleaning.removal is None
    # Without the removal the A copies differ (one lacks the sign-up line): only B's copy is exact.
    assert corpus.cleaning.duplicates.groups["A"].exact == 0
    with pytest.raises(FramingError, match="unknown de-duplication mode 'maybe'"):
        clean(from_dataframe(pd.DataFrame(rows())), dedupe="maybe")


def _run(*args):
    proc = subprocess.run([sys.executable, "-m", "framing", *args], capture_output=True, text=True)
    return proc.returncode, proc.stdout, proc.stderr


def test_command_line_flags_and_report_section(tmp_path):
    path = tmp_path / "c.csv"
    pd.DataFrame(rows()).to_csv(path, index=False)
    code, out, err = _run("discover", str(path), "--top", "50")
    assert code == 0, err
    assert "boilerplate removed from 6 documents" in err and "--keep-boilerplate keeps it" in err
    assert "duplicates within groups: 2 exact" in err
    words = set(pd.read_csv(io.StringIO(out))["term"])
    assert "newsletter" not in words and "subscribe" not in words
    code, out, err = _run("discover", str(path), "--top", "50", "--keep-boilerplate", "-q")
    assert code == 0 and "newsletter" in set(pd.read_csv(io.StringIO(out))["term"])
    code, out, err = _run("stats", str(path), "--table", "categories", "--dedupe", "exact")
    assert code == 0 and "2 exact duplicate of" not in err and "exact duplicate of row2 in 'A'" in err
    df = pd.read_csv(io.StringIO(out))
    assert df.set_index("group")["group_documents"].to_dict() == {"A": 6, "B": 3}
    code, _, err = _run("stats", str(path), "--dedupe", "maybe")
    assert code == 2 and "invalid choice" in err
    code, _, err = _run("report", str(path), "-o", str(tmp_path / "r.html"), "-q")
    assert code == 0, err
    page = (tmp_path / "r.html").read_text()
    assert "Cleaning: boilerplate and duplicates" in page and "click here to subscribe to our newsletter" in page
