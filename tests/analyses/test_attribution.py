"""The attribution stage: hand-labelled sentences (precision and recall), the seeds, the tables and
the verb file's loader."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pandas as pd
import pytest

from framing.analyses.attribution import (
    COLUMNS,
    attribution_asymmetry,
    attribution_table,
    attributions,
    load_verb_classes,
    normalize_speaker,
    with_sentences,
)
from framing.errors import LexiconError
from framing.model import Corpus, Document
from framing.quotes import quote_spans
from framing.sentences import sentence_spans
from framing.text import normalize

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

N, D, E, X = "neutral", "distancing", "endorsing", "denial"

# Each sentence with every attribution in it: (speaker after normalize_speaker, verb's base form,
# class); an empty list means "no attribution". Written in news style for this test; the
# speaker is the phrase naming who is given the claim, without leading determiners.
LABELLED: list[tuple[str, list[tuple[str, str, str]]]] = [
    ("The health ministry said on Tuesday that 42 people had been killed in the strike.",
     [("health ministry", "say", N)]),
    ('"We will not stop until every hostage is home," said the spokesman.', [("spokesman", "say", N)]),
    ("According to the United Nations, more than 1.7 million people have been displaced.",
     [("united nations", "according to", N)]),
    ("Hamas claims that the hospital was hit by an Israeli airstrike.", [("hamas", "claim", D)]),
    ("Mark Regev, a senior adviser to the prime minister, said the operation would continue.",
     [("mark regev", "say", N)]),
    ("The army, which has not commented on the figures, said it was reviewing the incident.",
     [("army", "say", N)]),
    ('"There is no humanitarian crisis," the spokesman claimed.', [("spokesman", "claim", D)]),
    ("Israel reported 12 rocket launches from southern Lebanon overnight.", [("israel", "report", N)]),
    ("Reuters reports that talks in Cairo have stalled.", [("reuters", "report", N)]),
    ("Witnesses told the Associated Press that the convoy was fired upon.", [("witnesses", "tell", N)]),
    ("Prosecutors alleged that the company had concealed payments to officials.",
     [("prosecutors", "allege", D)]),
    ("The minister insisted the blockade was lawful.", [("minister", "insist", D)]),
    ("Palestinian officials maintain that the settlement is illegal under international law.",
     [("palestinian officials", "maintain", D)]),
    ("The defence ministry denied that its forces had targeted civilians.", [("defence ministry", "deny", X)]),
    ("A military spokesman confirmed that two soldiers were killed.", [("military spokesman", "confirm", E)]),
    ("The White House acknowledged that the aid deliveries had fallen short.",
     [("white house", "acknowledge", E)]),
    ("The police chief admitted officers had made mistakes during the raid.", [("police chief", "admit", E)]),
    ("The World Bank estimates that the damage exceeds $18 billion.", [("world bank", "estimate", N)]),
    ("Aid agencies warned that famine was imminent in the north.", [("aid agencies", "warn", N)]),
    ('The group\'s leader says the ceasefire proposal is "a trap".', [("group's leader", "say", N)]),
    ("Officials in Gaza said at least 30 people died.", [("officials in gaza", "say", N)]),
    ('"The talks are over," Netanyahu told reporters in Jerusalem.', [("netanyahu", "tell", N)]),
    ("The ministry has repeatedly claimed that the figures are accurate.", [("ministry", "claim", D)]),
    ("Egypt and Qatar said in a joint statement that negotiations would resume.",
     [("egypt and qatar", "say", N)]),
    ("The Pentagon contends that the strikes were proportionate.", [("pentagon", "contend", D)]),
    ("The rebels, however, deny any role in the attack.", [("rebels", "deny", X)]),
    ("She said she had not seen her brother since October.", [("she", "say", N)]),
    ("Local residents said the water supply had been cut for a week.", [("local residents", "say", N)]),
    ("The foreign minister stated that his country would not recognise the vote.",
     [("foreign minister", "state", N)]),
    ("According to a statement from the army, the soldier was killed by friendly fire.",
     [("statement from the army", "according to", N)]),
    ("The agency, citing hospital records, reported 15 deaths on Monday.", [("agency", "report", N)]),
    ("Iran warns it will respond to any attack on its territory.", [("iran", "warn", N)]),
    ('"We had no choice," admitted one of the commanders.', [("one of the commanders", "admit", E)]),
    ("The UN confirmed the convoy had reached Rafah, saying more trucks would follow.",
     [("un", "confirm", E), ("un", "say", N)]),
    ("Russia has denied targeting civilian infrastructure.", [("russia", "deny", X)]),
    ("The Kremlin alleges that Ukrainian drones struck the plant.", [("kremlin", "allege", D)]),
    ("The report was confirmed by two officials familiar with the matter.",
     [("two officials familiar with the matter", "confirm", E)]),
    ("Human Rights Watch said the evidence pointed to a deliberate attack.", [("human rights watch", "say", N)]),
    ("The company said in a filing that it expected losses to widen.", [("company", "say", N)]),
    ("Critics claimed the law would silence dissent, but the government insists it protects national security.",
     [("critics", "claim", D), ("government", "insist", D)]),
    ('"It was a mistake," the general acknowledged in an interview.', [("general", "acknowledge", E)]),
    ("The hospital director told CNN that fuel would run out within days.", [("hospital director", "tell", N)]),
    ("Hamas-run media reported that the strike hit a school.", [("hamas-run media", "report", N)]),
    ("He later said the remarks had been taken out of context.", [("he", "say", N)]),
    ("The army says it struck a command centre, while Hamas claims the building housed refugees.",
     [("army", "say", N), ("hamas", "claim", D)]),
    ('"They say we started it, but that is a lie," the mayor said.', [("mayor", "say", N)]),
    ("Israeli media reports said the cabinet would meet on Sunday.", [("israeli media reports", "say", N)]),
    ("The army dropped leaflets over the city, warning residents to move south.", [("army", "warn", N)]),
    ("Speaking to reporters on Sunday, the foreign minister said the border would stay closed.",
     [("foreign minister", "say", N)]),
    ("The Israeli military said it had killed a senior commander, a claim Hamas did not confirm.",
     [("israeli military", "say", N)]),
    ('"Nobody is safe here," says Amal Hassan, a nurse at the hospital.', [("amal hassan", "say", N)]),
    ('"The numbers are inflated," Israeli officials claimed, without providing evidence.',
     [("israeli officials", "claim", D)]),
    ("U.S. officials said the strike was carried out by a drone.", [("u.s. officials", "say", N)]),
    ("Dr. Ahmed Mansour, director of the hospital, said the wards were full.", [("dr. ahmed mansour", "say", N)]),
    ("Some say the deal is already dead.", [("some", "say", N)]),
    # No attribution.
    ("Residents want to have a say in how the city is rebuilt.", []),
    ("Insurance claims rose sharply after the floods.", []),
    ("Reported cases of cholera have doubled since March.", []),
    ("The evacuation went according to plan.", []),
    ("The ministry issued a new report on Monday.", []),
    ("The final say rests with parliament.", []),
    ("His claims of a stolen election were rejected by the courts.", []),
    ("The state will fund the reconstruction of the bridge.", []),
    ("Police are working to maintain order in the capital.", []),
    ("The alleged attacker was arrested at the scene.", []),
    ("Two patients were admitted to hospital with burns.", []),
    ("An estimated 300 people attended the funeral.", []),
    ("Estimates of the death toll vary widely.", []),
    ("Farmers have had to contend with drought for three years.", []),
    ("Warning sirens sounded across the north.", []),
    ("Journalists were denied entry to the border crossing.", []),
    ("The fire claimed the lives of four children.", []),
    ("The Islamic State group lost its last stronghold in 2019.", []),
    ("Widespread damage was reported across the region.", []),
    ("The spokesman declined to say whether talks had resumed.", []),
    ("Media reports of a ceasefire could not be verified.", []),
    ("Their stated goal is to return the hostages.", []),
    ("The United States imposed new sanctions on the group.", []),
    ("Families were told to leave their homes within hours.", []),
    ("The committee reports to the president every month.", []),
    ("The number of reported attacks on aid workers rose last year.", []),
    ("Officials did not say how many people were detained.", []),
]

VERB_P, VERB_R, SPEAKER_P, SPEAKER_R = 0.95, 0.95, 0.85, 0.85


def corpus_of(texts: list[str]) -> Corpus:
    return Corpus("t", tuple(Document(id=f"d{i}", text=normalize(t)) for i, t in enumerate(texts)))


def scores() -> dict[str, float]:
    rows = attributions(corpus_of([s for s, _ in LABELLED]), ["g"] * len(LABELLED))
    rows = rows.assign(speaker=normalize_speaker(rows["speaker"]))
    gold_verbs, found_verbs = Counter(), Counter()
    gold_speakers, found_speakers = Counter(), Counter()
    for i, (_, expected) in enumerate(LABELLED):
        gold_verbs.update((i, verb, cls) for _, verb, cls in expected)
        gold_speakers.update((i, speaker, verb) for speaker, verb, _ in expected)
    for row in rows.itertuples():
        i = int(row.doc_id[1:])
        found_verbs[(i, row.verb, row.verb_class)] += 1
        found_speakers[(i, row.speaker, row.verb)] += 1
    verbs_ok = sum((gold_verbs & found_verbs).values())
    speakers_ok = sum((gold_speakers & found_speakers).values())
    n_gold, n_found = sum(gold_verbs.values()), len(rows)
    return {"verb_precision": verbs_ok / n_found, "verb_recall": verbs_ok / n_gold,
            "speaker_precision": speakers_ok / n_found, "speaker_recall": speakers_ok / n_gold,
            "n_gold": n_gold, "n_found": n_found,
            "missed": sorted(set(gold_speakers) - set(found_speakers)),
            "extra": sorted(set(found_speakers) - set(gold_speakers))}


def test_hand_labelled_precision_and_recall():
    result = scores()
    print(f"\nattribution on {len(LABELLED)} hand-labelled sentences ({result['n_gold']} attributions): "
          f"verb P={result['verb_precision']:.2f} R={result['verb_recall']:.2f}; "
          f"speaker P={result['speaker_precision']:.2f} R={result['speaker_recall']:.2f}")
    for kind in ("missed", "extra"):
        for i, speaker, verb in result[kind]:
            print(f"  {kind}: ({speaker!r}, {verb!r}) in {LABELLED[i][0]!r}")
    assert len(LABELLED) >= 40
    assert result["verb_precision"] >= VERB_P and result["verb_recall"] >= VERB_R
    assert result["speaker_precision"] >= SPEAKER_P and result["speaker_recall"] >= SPEAKER_R


def test_rows_have_the_columns_and_offsets_of_the_verb():
    text = 'Officials in Gaza said 40 people died. "We will respond," the army claimed.'
    rows = attributions(corpus_of([text]), ["src"])
    assert tuple(rows.columns) == COLUMNS
    assert rows[["speaker", "verb", "verb_class"]].values.tolist() == [
        ["Officials in Gaza", "say", "neutral"], ["the army", "claim", "distancing"]]
    assert [text[s:e] for s, e in zip(rows["start"], rows["end"])] == ["said", "claimed"]
    assert rows["sentence"].tolist() == ["Officials in Gaza said 40 people died.",
                                         '"We will respond," the army claimed.']
    assert rows["group"].tolist() == ["src", "src"] and rows["doc_id"].tolist() == ["d0", "d0"]


def test_sentences_are_those_of_the_sentence_splitter():
    docs = [normalize((SEEDS / name).read_text(encoding="utf-8")) for name in sorted(p.name for p in
                                                                                    SEEDS.glob("*.txt"))]
    rows = attributions(corpus_of(docs), ["g"] * len(docs))
    assert len(rows) > 5
    for row in rows.itertuples():
        text = docs[int(row.doc_id[1:])]
        spans = [(a, b) for a, b in sentence_spans(text) if a <= row.start < b]
        assert [text[a:b] for a, b in spans] == [row.sentence]


def test_sentences_match_the_splitter_around_abbreviations_and_long_sentences():
    # Sentences are looked up in a window around each verb; the window must never cut a word or
    # an abbreviation ("Gen.", "U.S.", "H.") so that it finds the splitter's sentences exactly.
    import random

    rng = random.Random(4)
    pieces = ["Gen. David H. Petraeus said the U.S. would act.", "Mr. Smith, who spoke to Dr. Jones, said no.",
              "The ministry said 40 people died.", '"We will win," the spokesman claimed.',
              "According to the U.N., aid is blocked.", "Officials in Gaza said the toll rose... Then it fell.",
              "It was, he said, " + "a very long and winding account of events, " * 12 + "as officials said."]
    text = ""
    for i in range(300):
        text += rng.choice(pieces) + ("\n\n" if i % 7 == 6 else " ")
    # Long sentences full of titles before their verb, padded so that the first window's left
    # edge falls on every character of "Gen. Amir Eshel " in turn (and so inside "Gen.").
    for pad in range(16):
        text += "\n\nThe panel of " + "Gen. Amir Eshel " * 30 + "x" * pad + " and others said no."
    text = normalize(text)
    rows = attributions(corpus_of([text]), ["g"])
    assert len(rows) > 200
    spans = sentence_spans(text)
    for row in rows.itertuples():
        assert row.sentence == next(text[a:b] for a, b in spans if a <= row.start < b)
    # Rows found without their sentences (as a tally keeps them), given them afterwards: the same.
    bare = attributions(corpus_of([text]), ["g"], sentences=False)
    assert bare["sentence"].isna().all()
    assert with_sentences(bare, corpus_of([text])).equals(rows)
    # Quotations given by the caller (a counting job finds them once): the same rows.
    assert attributions(corpus_of([text]), ["g"], quotes=[quote_spans(text)]).equals(rows)


def test_seeds_israel_reports_and_the_health_ministry_claims():
    # seeds/002: "Israel reports that 1,200 people were killed ... while the Hamas-run health
    # ministry in Gaza claims that more than 49,500 Palestinians have been killed ..."; and,
    # two sentences before, "According to the Hamas-run health ministry, more than 430 ...".
    text = normalize((SEEDS / "002_615c4032b1948ec8.txt").read_text(encoding="utf-8"))
    assert "Israel reports that 1,200 people" in text
    assert "the Hamas-run health ministry in Gaza claims that" in text
    rows = attributions(corpus_of([text]), ["002"])
    found = set(zip(normalize_speaker(rows["speaker"]), rows["verb"], rows["verb_class"]))
    assert ("israel", "report", "neutral") in found
    assert ("hamas-run health ministry in gaza", "claim", "distancing") in found
    assert ("hamas-run health ministry", "according to", "neutral") in found
    # "However, Hamas has dismissed these claims, insisting that ...": the noun is not a verb,
    # the participle takes the subject of its clause.
    assert ("hamas", "insist", "distancing") in found
    assert not any(v == "claim" and s == "hamas" for s, v, _ in found)
    claim = rows[rows["verb"] == "claim"].iloc[0]
    assert text[claim["start"]:claim["end"]] == "claims"


def test_labels_must_match_the_documents():
    with pytest.raises(ValueError, match="one per document"):
        attributions(corpus_of(["He said so."]), [])


def test_empty_corpus_gives_empty_tables():
    rows = attributions(corpus_of([]), [])
    assert rows.empty and tuple(rows.columns) == COLUMNS
    assert attribution_table(rows).empty
    asym = attribution_asymmetry(rows)
    assert asym.speakers.empty and asym.pairs.empty and asym.groups == []


def rows_of(records: list[tuple[str, str, str]]) -> pd.DataFrame:
    return pd.DataFrame([("d", g, s, "v", c, 0, 1, "") for g, s, c in records], columns=list(COLUMNS))


def test_table_normalises_speakers_and_counts():
    rows = rows_of([("A", "The Health Ministry", "distancing"), ("A", "health  ministry", "distancing"),
                    ("A", "the army", "neutral"), ("B", "The army", "neutral")])
    table = attribution_table(rows)
    assert table.values.tolist() == [["A", "health ministry", "distancing", 2], ["A", "army", "neutral", 1],
                                     ["B", "army", "neutral", 1]]


def test_asymmetry_finds_groups_that_distance_one_speaker():
    rows = rows_of([("A", "the ministry", "distancing")] * 3 + [("A", "the ministry", "neutral")]
                   + [("A", "the army", "neutral")] * 4 + [("A", "he", "distancing")] * 5
                   + [("B", "the ministry", "neutral")] * 2 + [("B", "the army", "neutral")] * 2
                   + [("B", "a witness", "distancing")])  # one attribution: too few to compare
    asym = attribution_asymmetry(rows)
    a = asym.speakers[asym.speakers["group"] == "A"].set_index("speaker")
    assert a.loc["ministry", "n"] == 4 and a.loc["ministry", "share_distancing"] == 0.75
    assert a.loc["army", "share_neutral"] == 1.0 and "he" not in a.index
    assert asym.groups == ["A"]
    pair = asym.pairs.iloc[0]
    assert (pair["more_distanced"], pair["less_distanced"], pair["difference"]) == ("ministry", "army", 0.75)
    assert "he" in set(attribution_asymmetry(rows, include_pronouns=True).speakers["speaker"])


# --- the verb file ------------------------------------------------------------------------------

def test_bundled_verb_classes():
    verbs = load_verb_classes()
    names = [c.name for c in verbs.classes]
    assert names == ["neutral", "distancing", "endorsing", "denial"]
    assert all(c.note and c.references for c in verbs.classes)
    assert verbs.verb_class("claimed") == "distancing" and verbs.verb_class("According  to") == "neutral"
    assert verbs.verb_class("admits") == "endorsing" and verbs.verb_class("denied") == "denial"
    assert verbs.forms["said"][0] == "say"


def write(tmp_path: Path, content: str) -> Path:
    path = tmp_path / "verbs.yaml"
    path.write_text(content, encoding="utf-8")
    return path


GOOD = """\
name: v
categories:
  - name: neutral
    terms:
      - term: say
        variants: [says, said]
  - name: distancing
    terms:
      - term: "no"
      - term: assert
        variants: [asserts, asserted]
"""


def test_a_teacher_can_add_a_verb_and_values_stay_strings(tmp_path):
    verbs = load_verb_classes(write(tmp_path, GOOD))
    assert verbs.verb_class("asserted") == "distancing" and verbs.verb_class("no") == "distancing"
    rows = attributions(corpus_of(["The minister asserted that the vote was fair."]), ["g"], verbs=verbs)
    assert rows[["speaker", "verb", "verb_class"]].values.tolist() == [["The minister", "assert", "distancing"]]
    rows = attributions(corpus_of(["The minister asserted it."]), ["g"], verbs=write(tmp_path, GOOD))
    assert len(rows) == 1


@pytest.mark.parametrize("content, line, message", [
    ("name: v\ncategories:\n  - name: neutral\n    terms: [say]\n", 1, "no class named 'distancing'"),
    (GOOD + "      - term: claim*\n", 12, "uses '*'"),
    (GOOD + "      - term: Claim\n        case_sensitive: true\n", 12, "case_sensitive"),
    (GOOD + "      - term: says\n", 12, "listed twice"),
    (GOOD + "    colour: red\n", 12, "unknown key 'colour'"),
    ("name: v\ncategories: [\n", 3, "not valid YAML"),
])
def test_verb_file_problems_are_located(tmp_path, content, line, message):
    with pytest.raises(LexiconError) as info:
        load_verb_classes(write(tmp_path, content))
    problem = info.value.problems[0]
    assert message in problem.message and problem.line == line and problem.path.endswith("verbs.yaml")


# --- what the speed work (issue 10) must not change -------------------------------------------
#
# The stage reads the sentence around each verb near the verb only, and tokenises the words
# around a verb by whitespace-separated pieces: both must give what the whole-text functions give.

import re  # noqa: E402

from hypothesis import example, given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from framing.analyses.reporting_tokens import _TOKEN, _tokens  # noqa: E402
from framing.analyses.sentence_bounds import sentence_around  # noqa: E402
from framing.analyses.word_boundary import BEFORE_WORD, WHITESPACE  # noqa: E402
from framing.sentences import sentence_starts  # noqa: E402

# Pieces the splitter reads: titles, initials, month abbreviations, runs of terminal marks,
# closing quotes and brackets, digits, lower- and upper-case words, blank lines with spaces in them.
_PIECES = ["Mr.", "Dr.", "Gen.", "U.S.", "J.", "Oct.", "etc.", "said", "The", "the", "7", "x_y", "...", ".", "!",
           "?", "?!", '"', "'", ")", "]", "(", "\u2014", " ", " ", " ", "  ", "\n", "\n\n", "\n \n", "\t", "\u00a0",
           "a", "B", "Hamas", "ministry"]
_sentences_text = st.lists(st.sampled_from(_PIECES), min_size=1, max_size=60).map("".join)


@given(_sentences_text, st.data())
@example("Gen. Amir Eshel said. The", None)
def test_sentence_around_is_the_splitters_sentence(text, data):
    starts = sentence_starts(text)
    words = [m.start() for m in re.finditer(r"\w", text)]
    if not words:
        return
    picks = words if data is None else data.draw(st.lists(st.sampled_from(words), min_size=1, max_size=5))
    for pos in picks:
        k = max(i for i, s in enumerate(starts) if s <= pos)
        a, b = starts[k], starts[k + 1] if k + 1 < len(starts) else len(text)
        assert sentence_around(text, pos) == (a, b)
        lo = text.rfind("\n\n", 0, pos)
        lo = 0 if lo < 0 else lo + 2
        hi = text.find("\n\n", pos)
        hi = len(text) if hi < 0 else hi
        x, y = sentence_around(text, pos, lo, hi)  # within a paragraph: equal up to whitespace
        assert x <= pos < y and text[x:y].strip() == text[a:b].strip()


def test_str_split_and_the_regex_agree_on_whitespace():
    # `_tokens` splits with str.split, `_TOKEN` separates tokens with \s, and the scanners' set of
    # characters before a word writes out the characters of \s: all the same characters.
    space, before = re.compile(r"\s").match, re.compile(BEFORE_WORD).match
    spaces = {c for c in map(chr, range(0x110000)) if space(c)}
    assert spaces == {c for c in map(chr, range(0x110000)) if c.isspace()} == set(WHITESPACE)
    assert {c for c in map(chr, range(0x110000)) if before(c)} == spaces | set("\"'([/\u2014")


def test_the_scanner_finds_what_the_pattern_with_backslash_s_finds():
    verbs = load_verb_classes()
    body = verbs._scanner.pattern[len(BEFORE_WORD):]
    before = re.compile(r"[\s\"'(\[/\u2014]" + body)  # as written before issue 10
    text = normalize(" ".join((SEEDS / name).read_text(encoding="utf-8") for name in sorted(
        p.name for p in SEEDS.glob("*.txt")))) + "\u2009said\x1csaid\u3000Said\u2014said(said/said\"said'said"
    assert verbs._scanner.findall(text) == before.findall(text) and len(before.findall(text)) > 20


_token_text = st.one_of(st.text(max_size=80), st.lists(st.sampled_from(
    ["U.S.", "Mr.", "Sen.", "H.", "Israel's", "Hamas'", "self-reported", "x_y", "'", '"', ",", ".", "-", "—", " ",
     "\n", "\u2009", "\u00a0", "said", "Said", "12,000", "a.b", "_", "é"]), max_size=30).map("".join))


@given(_token_text, st.integers(0, 90), st.integers(0, 90))
def test_tokens_are_those_of_the_token_pattern(text, a, b):
    assert _tokens(text, a, b) == _TOKEN.findall(text, a, b)


def test_the_split_modules_keep_the_public_names():
    import framing.analyses.attribution as attribution

    assert set(attribution.__all__) >= {"attributions", "attribution_table", "attribution_asymmetry", "COLUMNS",
                                        "load_verb_classes", "normalize_speaker", "VerbClasses", "TABLE_COLUMNS"}
    for name in attribution.__all__:
        assert getattr(attribution, name) is not None


def test_normalize_speaker_by_hand_and_per_distinct_phrase():
    # Lower case, one space between words, leading determiners gone; a missing speaker stays
    # missing; the index is kept (each distinct phrase is normalised once and spread back).
    speakers = pd.Series(["The Health  Ministry", "he", None, "THE the\tofficials", "An army spokesman",
                          "the Health Ministry", float("nan"), "Thé Ministère"], index=[7, 3, 1, 9, 8, 2, 5, 4])
    got = normalize_speaker(speakers)
    assert list(got.index) == [7, 3, 1, 9, 8, 2, 5, 4]
    assert [None if pd.isna(v) else v for v in got] == [
        "health ministry", "he", None, "officials", "army spokesman", "health ministry", None, "thé ministère"]
    assert normalize_speaker(pd.Series([], dtype=object)).empty


def test_counted_rows_give_the_tables_of_the_rows_they_count():
    # The report counts a corpus's clauses per group, speaker and verb class before tabulating
    # (a `count` column): the tables must be those of the rows themselves.
    import numpy as np

    from framing.report.inputs import SAID_COUNTED, counted_rows
    from framing.stats import label_shares

    rng = np.random.default_rng(8)
    n = 3_000
    rows = pd.DataFrame({"group": rng.choice(["A", "B", "C"], n),
                         "speaker": rng.choice(["The UN", "the  UN", "army", "He", "the ministry", "Hamas"], n),
                         "verb": "say", "verb_class": rng.choice([N, D, E, X], n, p=[0.6, 0.2, 0.1, 0.1])})
    counted = counted_rows(rows, SAID_COUNTED)
    assert counted["count"].sum() == n and len(counted) == 3 * 6 * 4  # raw speakers: normalised later
    pd.testing.assert_frame_equal(attribution_table(counted), attribution_table(rows))
    want, got = attribution_asymmetry(rows, threshold=0.05), attribution_asymmetry(counted, threshold=0.05)
    assert len(want.pairs) > 0
    pd.testing.assert_frame_equal(got.speakers, want.speakers)
    pd.testing.assert_frame_equal(got.pairs, want.pairs)
    classes = [N, D, E, X]
    pd.testing.assert_frame_equal(label_shares(counted, "verb_class", classes, ["A", "B", "C"], "verbs"),
                                  label_shares(rows, "verb_class", classes, ["A", "B", "C"], "verbs"))
