"""A report made from a counts file: the same numbers as the report of the corpus for every table
it has (the bootstrap's intervals included: it resamples the stored per-document counts;
discovery's, from the n-grams counted per partition), and no section that would need the texts."""
from __future__ import annotations

import io

import pandas as pd
import pytest

from framing import analyse, clean, load_corpus, load_lexicons
from framing.engines import count_corpus
from framing.engines.tally import as_analysis
from framing.report import build_report, render_report


def tables(report):
    return {t.id: pd.read_csv(io.StringIO(t.csv), keep_default_na=False, na_values=[""])
            for s in report.sections for t in (*s.tables, *(f.table for f in s.figures if f.table))}


@pytest.fixture(scope="module")
def both():
    from conftest import SEEDS as seeds_dir

    lexicons = load_lexicons(["israel-gaza"])
    corpus = build_report(analyse(clean(load_corpus(seeds_dir)), lexicons))
    counted = build_report(as_analysis(count_corpus(str(seeds_dir), lexicons, jobs=1), lexicons, "source", "seeds"))
    return corpus, counted


def test_every_counts_table_is_the_same(both):
    corpus, counted = both
    a, b = tables(corpus), tables(counted)
    shared = [t for t in b if t in a]
    assert {"term-table", "fw-lexicon", "overview-groups", "fw-top", "discovery-table"} <= set(shared)
    for name in shared:
        left, right = a[name], b[name]
        if name == "overview-groups":  # dates and article names come from the texts
            left, right = left[["group", "documents", "tokens", "lexicon matches"]], right[["group", "documents",
                                                                                          "tokens", "lexicon matches"]]
        pd.testing.assert_frame_equal(left.reset_index(drop=True), right.reset_index(drop=True), check_dtype=False,
                                      obj=name)


def test_sections_that_read_texts_are_left_out_and_the_page_says_why(both):
    corpus, counted = both
    ids = [s.id for s in counted.sections]
    assert {"reading", "retellings"}.isdisjoint(ids) and "discovery" in ids
    assert {"contexts", "reading"} <= {s.id for s in corpus.sections}
    overview = next(s for s in counted.sections if s.id == "overview")
    assert any("Made from counts" in p for p in overview.intro)
    assert counted.subtitle.startswith("4 documents in 4 groups")
    assert "<html" in render_report(counted)


def test_the_bootstrap_resamples_the_stored_documents(tmp_path):
    # Several articles per group, so the intervals exist; the same seed draws the same documents.
    rows = [(f"d{i}", "ABC"[i % 3], " ".join(["the hostages"] * (i % 4 + 1) + ["the captives"] * (i % 3)
                                            + ["a war"] * (i % 2) + ["other words here"] * 5)) for i in range(30)]
    path = tmp_path / "c.csv"
    pd.DataFrame(rows, columns=["id", "source", "text"]).to_csv(path, index=False)
    lexicons = load_lexicons(["israel-gaza"])
    from_corpus = tables(build_report(analyse(clean(load_corpus(path)), lexicons)))["fw-lexicon"]
    from_counts = tables(build_report(as_analysis(count_corpus(str(path), lexicons, jobs=1), lexicons, "source",
                                                  "c")))["fw-lexicon"]
    low = [c for c in from_corpus.columns if "low" in c or "high" in c]
    assert low and from_corpus[low].notna().any().any()
    pd.testing.assert_frame_equal(from_corpus, from_counts, check_dtype=False)


def test_the_contexts_are_those_of_the_corpus_report(both):
    # The sample was taken per partition when counting: the page lists the same rows.
    corpus, counted = both
    kwic = [next(s for s in r.sections if s.id == "contexts").data["kwic"] for r in (corpus, counted)]
    from conftest import SEEDS as seeds_dir

    profiles = analyse(clean(load_corpus(seeds_dir)), load_lexicons(["israel-gaza"])).profiles
    matches = sum(len(p.matches) for p in profiles)
    assert kwic[0]["total"] == matches == len(kwic[0]["rows"]) > 100  # every match listed: fewer than the budget
    assert kwic[0] == kwic[1]


@pytest.mark.parametrize("vocabulary", [True, False])
def test_groups_beyond_the_figures_are_drawn_from_a_counts_file(tmp_path, vocabulary):
    # More groups than the figures show: the others get brief comparisons; from a file without
    # its vocabulary (written before version 3), lexicon terms alone. A 53-outlet counts file
    # without discovered words failed here.
    from dataclasses import replace

    rows = [(f"d{i}", f"S{i % 5}", "the hostages and the captives " * (i % 3 + 1) + "a war") for i in range(40)]
    path = tmp_path / "c.csv"
    pd.DataFrame(rows, columns=["id", "source", "text"]).to_csv(path, index=False)
    lexicons = load_lexicons(["israel-gaza"])
    tally = count_corpus(str(path), lexicons, jobs=1)
    if not vocabulary:
        tally = replace(tally, ngrams=None, und_ngrams=None)
    report = build_report(as_analysis(tally, lexicons, "source", "c"), groups=2)
    comparison = next(s for s in report.sections if s.id == "comparison")
    fw = comparison.data["fw"]
    assert {c["label"] for c in fw} >= {f"S{i} vs all others" for i in range(5)}
    extra = fw[-3:]  # the three groups outside the figures come last
    assert {c["label"] for c in extra} | {c["label"] for c in fw[:2]} == {f"S{i} vs all others" for i in range(5)}
    assert all(c["lexicon"] and all(c["lexicon"]) for c in extra) != vocabulary  # lexicon terms alone, or words too
    assert ("discovery" in {s.id for s in report.sections}) == vocabulary
    assert "<html" in render_report(report)


# --- reporting verbs and casualty clauses -------------------------------------------------------------

SAID = ["The health ministry said {n} people were killed.", "Israel claims {n} fighters died in the strike.",
        "Hamas said the hostages were killed by Israeli strikes.", "The army confirmed that {n} soldiers were wounded.",
        "According to the UN, {n} children were killed in Gaza.", "The spokesman denied that troops shot anyone."]


def _articles(n: int):
    """Articles of three sources with reporting verbs and casualty clauses of every kind."""
    for i in range(n):
        source = "ABC"[i % 3]
        sentences = [SAID[(i + k) % len(SAID)].format(n=i + k + 2) for k in range(1 + i % 4)]
        yield f"d{i:03d}", source, " ".join(sentences) + " Other words follow here."


def test_attribution_and_agency_from_counts_are_those_of_the_corpus(tmp_path):
    # Three table files (three partitions) counted on two processes: every table of the two
    # sections, the examples included, is the corpus report's.
    rows = list(_articles(45))
    folder = tmp_path / "corpus"
    folder.mkdir()
    for k in range(3):
        pd.DataFrame(rows[k * 15:(k + 1) * 15], columns=["id", "source", "text"]).to_csv(folder / f"p{k}.csv",
                                                                                        index=False)
    whole = tmp_path / "whole.csv"
    pd.DataFrame(rows, columns=["id", "source", "text"]).to_csv(whole, index=False)
    lexicons = load_lexicons(["israel-gaza"])
    corpus = build_report(analyse(clean(load_corpus(whole)), lexicons))
    counted = build_report(as_analysis(count_corpus(str(folder), lexicons, jobs=2), lexicons, "source", "c"))
    a, b = tables(corpus), tables(counted)
    names = ["attribution-table", "attribution-examples", "agency-table", "agency-examples"]
    assert set(names) <= set(a) and set(names) <= set(b)
    assert len(a["attribution-examples"]) == 40  # more than the page lists: the first 40 are the same
    for name in names:
        pd.testing.assert_frame_equal(a[name], b[name], check_dtype=False, obj=name)
    bars = [next(f for s in r.sections if s.id == "attribution" for f in s.figures) for r in (corpus, counted)]
    assert bars[0].figure == bars[1].figure


def test_counts_files_keep_the_clauses_and_older_files_say_they_have_none(tmp_path):
    import json
    import zipfile

    from conftest import SEEDS as seeds_dir

    from framing.engines import store

    lexicons = load_lexicons(["israel-gaza"])
    tally = count_corpus(str(seeds_dir), lexicons, jobs=1)
    back, _, _ = store.load(_write(tmp_path / "c.framing", store.dumps(tally, tuple(lexicons), "source")))
    a, b = tally.vocabulary(), back.vocabulary()
    assert a.width > 0 and a.table() .__repr__() == b.table().__repr__() and a.groups == b.groups
    for name in ("said", "deaths"):
        x, y = getattr(tally, name), getattr(back, name)
        assert len(x) > 0
        assert x.frame(tally.ids, tally.ids).equals(y.frame(back.ids, back.ids)) and x.examples == y.examples
    # The same file as version 2 wrote it: no clauses, and the page says why the sections are missing.
    with zipfile.ZipFile(tmp_path / "c.framing") as z:
        meta, arrays = json.loads(z.read("counts.json")), z.read("arrays.npz")
    meta["version"] = 2
    for name in ("said", "deaths", "ngrams", "und_ngrams"):
        del meta[name]
    old = tmp_path / "old.framing"
    with zipfile.ZipFile(old, "w") as z:
        z.writestr("counts.json", json.dumps(meta))
        z.writestr("arrays.npz", arrays)
    tally2, lexicons2, by = store.load(old)
    assert tally2.said is None and tally2.deaths is None
    report = build_report(as_analysis(tally2, lexicons2, by, "old"))
    assert {"attribution", "agency"}.isdisjoint(s.id for s in report.sections)
    overview = next(s for s in report.sections if s.id == "overview")
    assert any("before framing counted them" in p for p in overview.intro)


def _write(path, data: bytes):
    path.write_bytes(data)
    return path


# --- discovery -------------------------------------------------------------------------------------------

EN = ["the ceasefire talks resumed in cairo", "aid trucks crossed the border at rafah",
      "the strike hit a school in the north", "officials counted the convoys near the crossing"]
FR = ["les pourparlers de cessez-le-feu ont repris au caire", "des camions d'aide ont traverse la frontiere",
      "la frappe a touche une ecole dans le nord", "les responsables ont compte les convois pres du passage"]


def _languages_corpus(n: int) -> pd.DataFrame:
    """English, French and undetermined documents (a language column says which) of three sources:
    the undetermined ones drop the French function words only once the corpus is known to hold French."""
    rows = []
    for i in range(n):
        lang = ["en", "fr", "und"][i % 3]
        words = EN if lang == "en" else FR if lang == "fr" else [EN[i % 4] + " et les " + FR[(i + 1) % 4]]
        rows.append((f"d{i:03d}", "ABC"[(i // 3) % 3], lang, " ".join(words[(i + k) % len(words)] for k in range(3))))
    return pd.DataFrame(rows, columns=["id", "source", "language", "text"])


def test_discovery_from_counts_is_that_of_the_corpus(tmp_path):
    # The first partition holds no French document: its undetermined documents were counted
    # before French was known, and the counts file's vocabulary still drops "et", "les".
    df = _languages_corpus(60)
    df = pd.concat([df[df["language"] != "fr"].iloc[:15], df.drop(df[df["language"] != "fr"].index[:15])])
    folder = tmp_path / "parts"
    folder.mkdir()
    for k in range(3):
        df.iloc[k * 20:(k + 1) * 20].to_csv(folder / f"p{k}.csv", index=False)
    df.to_csv(tmp_path / "whole.csv", index=False)
    lexicons = load_lexicons(["israel-gaza"])
    corpus = tables(build_report(analyse(clean(load_corpus(tmp_path / "whole.csv")), lexicons)))
    counted = tables(build_report(as_analysis(count_corpus(str(folder), lexicons, jobs=2), lexicons, "source", "c")))
    for name in ("discovery-table", "fw-top"):
        pd.testing.assert_frame_equal(corpus[name], counted[name], check_dtype=False, obj=name)
    assert not set(corpus["discovery-table"]["term"]) & {"et", "les"}


def test_adding_to_a_counts_file_gives_the_vocabulary_of_counting_everything(tmp_path):
    df = _languages_corpus(45)
    df.iloc[:20].to_csv(tmp_path / "old.csv", index=False)
    df.iloc[20:].to_csv(tmp_path / "new.csv", index=False)
    df.to_csv(tmp_path / "all.csv", index=False)
    lexicons = load_lexicons(["israel-gaza"])
    old = count_corpus(str(tmp_path / "old.csv"), lexicons, jobs=1)
    added = count_corpus(str(tmp_path / "new.csv"), lexicons, jobs=1, add_to=(old, lexicons, "source"))
    again = count_corpus(str(tmp_path / "all.csv"), lexicons, jobs=1)
    terms, counts, documents = added.vocabulary().table()
    terms2, counts2, documents2 = again.vocabulary().table()
    assert list(terms) == list(terms2) and (counts == counts2).all() and (documents == documents2).all()
    # A document counted twice (its id again, in another file) cannot leave the group sums: no vocabulary.
    twice = count_corpus([str(tmp_path / "all.csv"), str(tmp_path / "new.csv")], lexicons, jobs=1)
    assert twice.vocabulary() is None and any("discovery left out" in n for n in twice.notes)


def test_a_blind_report_of_counts_names_no_source(tmp_path):
    # Blinding renames the analysis's groups; the counts' documents are resampled under their own
    # names (this failed with a KeyError before 2026-12-04), and no source is named on the page.
    rows = [{"id": f"d{i}", "text": f"The {w} were held by militants in the city, officials said. " * (1 + i % 3),
             "source": f"Real Outlet {i % 3}"} for i, w in enumerate(["hostages", "captives", "detainees"] * 8)]
    path = tmp_path / "c.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    lexicons = load_lexicons(["israel-gaza"])
    report = build_report(as_analysis(count_corpus(str(path), lexicons, jobs=1), lexicons, "source", "c"), blind=True)
    html = render_report(report)
    assert "Real Outlet" not in html[html.index("<main>"):html.index("</main>")]
    assert {real for _, real in report.blind_key} == {f"Real Outlet {i}" for i in range(3)}
    boot = tables(report)["fw-lexicon"]
    assert set(boot["group"]) == {"Source A", "Source B", "Source C"} and boot["delta_low"].notna().any()
