"""Agency: casualty clauses and who they name.

The labelled sentences below were written for this test in the style of wire copy (none is
quoted from an article), and labelled by the rules of framing/analyses/agency.py's docstring:
an instrument names an agent only when it names a party ("in Israeli airstrikes" yes, "in an
airstrike" no); a `by` phrase always does; intransitive and nominal clauses may carry an agent
too. Negatives (expected []) are uses the module leaves out on purpose. The seed test reads the
bundled seeds, two tellings of one story."""
import pandas as pd
import pytest

from framing import load_corpus
from framing.analyses.agency import CONSTRUCTIONS, agency_table, casualties, names_party
from framing.model import Corpus, Document
from framing.sentences import sentence_spans
from framing.text import normalize

# (sentence, [(verb, construction, agent), ...] in text order)
LABELLED = [
    ("Israeli airstrikes killed at least 27 people in central Gaza overnight, according to hospital officials.",
     [("kill", "active", "Israeli airstrikes")]),
    ("At least 27 people were killed in Israeli airstrikes on central Gaza overnight, hospital officials said.",
     [("kill", "passive_agent", "Israeli airstrikes")]),
    ("At least 27 people were killed overnight in central Gaza, hospital officials said.",
     [("kill", "passive_agentless", "")]),
    ("Three Israeli soldiers were killed by a roadside bomb in the West Bank on Sunday.",
     [("kill", "passive_agent", "a roadside bomb")]),
    ("Hamas gunmen killed more than 1,200 people in southern Israel on Oct. 7.",
     [("kill", "active", "Hamas gunmen")]),
    ("More than 1,200 people were killed in the Hamas-led attack on southern Israel.",
     [("kill", "passive_agent", "the Hamas-led attack")]),
    ("A 15-year-old boy died of his wounds in hospital on Monday.",
     [("die", "intransitive", "")]),
    ("Two paramedics died when their ambulance was hit near Jabalia.",
     [("die", "intransitive", "")]),
    ("The Gaza health ministry said the death toll had risen to 34,000.",
     [("toll", "nominal", "")]),
    ("Palestinian officials reported 40 deaths in Rafah on Tuesday.",
     [("die", "nominal", "")]),
    ("The strike, which killed a family of six, flattened a three-storey building.",
     [("kill", "active", "The strike")]),
    ("Israeli forces shot dead a Palestinian teenager during a raid in Jenin, the ministry said.",
     [("shoot", "active", "Israeli forces")]),
    ("A Palestinian teenager was shot dead during a raid in Jenin.",
     [("shoot", "passive_agentless", "")]),
    ("A Palestinian teenager was shot dead during an Israeli raid in Jenin.",
     [("shoot", "passive_agent", "an Israeli raid")]),
    ("Settlers attacked the village, wounding four Palestinians, residents said.",
     [("wound", "active", "Settlers")]),
    ("Four Palestinians were wounded in a settler attack on the village.",
     [("wound", "passive_agent", "a settler attack")]),
    ("Dozens of civilians lost their lives in the shelling of Kharkiv.",
     [("lose", "intransitive", "")]),
    ("Russian shelling killed five civilians in Kharkiv on Thursday, the governor said.",
     [("kill", "active", "Russian shelling")]),
    ("Five civilians were killed in Russian shelling of Kharkiv on Thursday.",
     [("kill", "passive_agent", "Russian shelling")]),
    ("Hundreds of migrants are feared to have perished when their boat capsized off Greece.",
     [("perish", "intransitive", "")]),
    ("The United Nations warned that children are starving in northern Gaza.",
     [("starve", "intransitive", "")]),
    ("Aid groups accuse Israel of starving civilians in Gaza.",
     [("starve", "active", "Israel")]),
    ("Casualties were heavy on both sides, military analysts said.",
     [("casualty", "nominal", "")]),
    ("The army has not released figures on fatalities among its troops.",
     [("fatality", "nominal", "")]),
    ("The militants massacred villagers in the north, survivors said.",
     [("massacre", "active", "The militants")]),
    ("The massacre at the festival shocked the country.",
     [("massacre", "nominal", "")]),
    ("A journalist was murdered outside her home in Mexico City.",
     [("murder", "passive_agentless", "")]),
    ("Police say the suspect murdered his neighbour and then fled.",
     [("murder", "active", "the suspect")]),
    ("An explosion at a market left 12 dead and dozens injured.",
     [("die", "active", "An explosion at a market"), ("injure", "active", "An explosion at a market")]),
    ("Israel's killing of aid workers drew international condemnation.",
     [("kill", "nominal", "Israel's")]),
    ("The deaths of the seven aid workers were a grave mistake, the army said.",
     [("die", "nominal", "")]),
    ("Two people were injured when a rocket fired from Gaza hit a house in Ashkelon.",
     [("injure", "passive_agentless", "")]),
    ("A Hamas rocket injured two people in Ashkelon.",
     [("injure", "active", "A Hamas rocket")]),
    ("Palestinians killed in the war include more than 13,000 children, the ministry says.",
     [("kill", "passive_agentless", "")]),
    ("Ukrainian officials said a Russian missile strike killed 14 people in Dnipro.",
     [("kill", "active", "a Russian missile strike")]),
    ("At least 14 people died after a Russian missile struck an apartment block in Dnipro.",
     [("die", "intransitive", "a Russian missile")]),
    ("The dead included three children and a paramedic.",
     [("die", "nominal", "")]),
    ("The wounded were taken to Nasser hospital in Khan Younis.",
     [("wound", "nominal", "")]),
    ("Hamas said five hostages had been killed by Israeli bombing.",
     [("kill", "passive_agent", "Israeli bombing")]),
    ("The hostages were killed in captivity, the army said.",
     [("kill", "passive_agentless", "")]),
    ("Gunmen opened fire on worshippers, killing seven people, police said.",
     [("kill", "active", "Gunmen")]),
    ("Seven worshippers were shot and killed by gunmen outside a synagogue.",
     [("shoot", "passive_agent", "gunmen"), ("kill", "passive_agent", "gunmen")]),
    ("Many more are dying from hunger and disease, doctors warn.",
     [("die", "intransitive", "")]),
    ("Doctors say patients are dying because fuel has run out.",
     [("die", "intransitive", "")]),
    ("A 70-year-old man was beaten to death by a mob in the town.",
     [("beat", "passive_agent", "a mob")]),
    ("The Israeli military said it killed a Hamas commander in a strike on Khan Younis.",
     [("kill", "active", "it")]),
    ("The bodies of three hostages killed in Gaza were returned to Israel.",
     [("kill", "passive_agentless", "")]),
    ("Rights groups said security forces killed at least 50 protesters, a figure the government disputes.",
     [("kill", "active", "security forces")]),
    ("The number of journalists killed since October has reached 100, the committee said.",
     [("kill", "passive_agentless", "")]),
    ("Since the war began, more than 30,000 people have died in Gaza, according to the health ministry.",
     [("die", "intransitive", "")]),
    ("An Israeli strike on a tent camp killed 45 people, Palestinian officials said, prompting global outrage.",
     [("kill", "active", "An Israeli strike on a tent camp")]),
    ("Israel said the deaths were caused by a fire that broke out after its strike.",
     [("die", "nominal", "a fire")]),
    ("Two Israeli civilians were stabbed to death near a settlement, the army said.",
     [("stab", "passive_agentless", "")]),
    ("Eight people, including three children, were killed when an airstrike hit their home.",
     [("kill", "passive_agentless", "")]),
    ("Witnesses said Israeli troops fired on a crowd waiting for aid, killing more than 100 people.",
     [("kill", "active", "Israeli troops")]),
    ("More than 100 people were killed as crowds gathered around aid trucks; Israel said most died in a stampede.",
     [("kill", "passive_agentless", ""), ("die", "intransitive", "")]),
    ("Israel has killed more than 40,000 Palestinians in Gaza, according to the ministry.",
     [("kill", "active", "Israel")]),
    ("He is believed to have been killed by a Russian sniper.",
     [("kill", "passive_agent", "a Russian sniper")]),
    ("The shooting of the unarmed man sparked protests.",
     [("shoot", "nominal", "")]),
    ("A police officer was killed and two others were wounded in the shootout.",
     [("kill", "passive_agentless", ""), ("wound", "passive_agentless", "")]),
    ("At least 300 people were killed or injured in the blast.",
     [("kill", "passive_agentless", ""), ("injure", "passive_agentless", "")]),
    ("Palestinian health officials said at least 313 civilians killed.",
     [("kill", "passive_agentless", "")]),
    ("Gaza authorities said Israeli retaliation has killed at least 313 and injured more than 2,000.",
     [("kill", "active", "Israeli retaliation"), ("injure", "active", "Israeli retaliation")]),
    ("Hamas vowed to kill more Israeli soldiers if the offensive continued.",
     [("kill", "active", "Hamas")]),
    ("Many children starved to death during the siege.",
     [("starve", "intransitive", "")]),
    ("Two children died in an Israeli strike on a school in Jabalia.",
     [("die", "intransitive", "an Israeli strike")]),
    # negatives
    ("The soldier was sentenced to death by a military court.", []),
    ("The director shot a documentary about the siege of Mariupol.", []),
    ("The company's new chatbot was billed as a killer app.", []),
    ("Local journalism is a dying trade in much of the country.", []),
    ("Critics say the annexation plan means the death of the peace process.", []),
    ("The rail strike took a heavy toll on the city's commuters.", []),
    ("Opposition senators vowed to kill the bill in committee.", []),
    ("The rebels shot down a helicopter over the valley.", []),
    ("Interest in the talks died down after the election.", []),
    ("Police shot at the car as it sped away.", []),
    ("Three wounded soldiers were flown to Haifa.", []),
    ("The death penalty was abolished in 1965.", []),
    ("Drivers on the toll road faced long delays.", []),
    ("The film was shot in Jordan over six weeks.", []),
]

# Written after the rules were last changed and never used to change them: a check on LABELLED
# being fitted (LABELLED's first run, before its errors were fixed: precision 0.99, recall 1.00,
# construction 0.99, agent 0.92).
HELD_OUT = [
    ("A Russian drone attack on Odesa killed two people and injured nine overnight, regional officials said.",
     [("kill", "active", "A Russian drone attack on Odesa"), ("injure", "active", "A Russian drone attack on Odesa")]),
    ("Nine people were injured in the Russian drone attack on Odesa.",
     [("injure", "passive_agent", "the Russian drone attack")]),
    ("The bodies of 12 people were recovered from the rubble after the strike.", []),
    ("At least 19 people were killed and dozens wounded when a car bomb exploded at a checkpoint.",
     [("kill", "passive_agentless", ""), ("wound", "passive_agentless", "")]),
    ("Islamic State claimed the bombing, which killed 19 people at the checkpoint.",
     [("kill", "active", "the bombing")]),
    ("An Israeli soldier was killed in combat in southern Gaza, the military said.",
     [("kill", "passive_agentless", "")]),
    ("Two Palestinians were killed by Israeli fire near the border fence, the health ministry said.",
     [("kill", "passive_agent", "Israeli fire")]),
    ("Palestinian gunmen killed two Israeli brothers as they drove through the town of Huwara.",
     [("kill", "active", "Palestinian gunmen")]),
    ("The man died of his injuries on the way to hospital.", [("die", "intransitive", "")]),
    ("Hospital officials said the girl had died from her wounds.", [("die", "intransitive", "")]),
    ("A Palestinian man was shot and seriously wounded by settlers near Ramallah.",
     [("shoot", "passive_agent", "settlers"), ("wound", "passive_agent", "settlers")]),
    ("Ten members of one family perished in the fire.", [("perish", "intransitive", "")]),
    ("More than 500 children have died of malnutrition, the agency said.", [("die", "intransitive", "")]),
    ("The UN says famine conditions mean people are starving to death.", [("starve", "intransitive", "")]),
    ("Israel denies starving Gaza and blames the UN for delays in aid.", [("starve", "active", "Israel")]),
    ("Militants stormed the hotel and massacred guests, survivors told reporters.",
     [("massacre", "active", "Militants")]),
    ("Eleven people were murdered in a spate of gang violence over the weekend.",
     [("murder", "passive_agentless", "")]),
    ("The attack left more than 40 people dead, the worst toll in the city in years.",
     [("die", "active", "The attack"), ("toll", "nominal", "")]),
    ("No one was hurt in the blast.", []),
    ("Fatalities among aid workers have reached a record, the UN said.", [("fatality", "nominal", "")]),
    ("Russia's bombardment of Mariupol killed thousands of civilians, investigators concluded.",
     [("kill", "active", "Russia's bombardment of Mariupol")]),
    ("Thousands of civilians were killed during Russia's siege of Mariupol.",
     [("kill", "passive_agent", "Russia's siege")]),
    ("Journalists have been killed at an unprecedented rate in Gaza, press groups said.",
     [("kill", "passive_agentless", "")]),
    ("His brother was among those killed in the strike.", [("kill", "passive_agentless", "")]),
    ("The slaughter of civilians must stop, the secretary-general said.", [("slaughter", "nominal", "")]),
    ("Hamas militants slaughtered families in their homes in Kfar Aza.",
     [("slaughter", "active", "Hamas militants")]),
    ("The killings were carried out by Israeli special forces, a Palestinian group said.",
     [("kill", "nominal", "Israeli special forces")]),
    ("She was killed instantly when a shell hit her apartment in Kherson.", [("kill", "passive_agentless", "")]),
    ("The police shooting of a teenager in Nanterre set off days of riots.", [("shoot", "nominal", "")]),
    ("Critics say the new tax could kill off small bookshops.", []),
    ("Covid deaths fell for a third week.", [("die", "nominal", "")]),
    ("The shooter killed himself after the attack.", [("kill", "active", "The shooter")]),
    ("Reports that 500 people died in the hospital blast could not be verified.", [("die", "intransitive", "")]),
    ("Twenty-one soldiers died in an ambush by Hamas fighters in central Gaza.",
     [("die", "intransitive", "Hamas fighters")]),
    ("The army said the soldier was killed by friendly fire.", [("kill", "passive_agent", "friendly fire")]),
    ("At least 30 people died in clashes between rival militias in Tripoli.", [("die", "intransitive", "")]),
    ("A strike on the hospital killed dozens, though the toll could not be independently verified.",
     [("kill", "active", "A strike on the hospital"), ("toll", "nominal", "")]),
    ("The casualty figures include fighters, the army says.", [("casualty", "nominal", "")]),
]


def _rows(sentences):
    corpus = Corpus("labelled", tuple(Document(str(k), normalize(s)) for k, s in enumerate(sentences)))
    return casualties(corpus, ["labelled"] * len(sentences))


def _score(labelled):
    rows = _rows([s for s, _ in labelled])
    found = {k: list(g[["verb", "construction", "agent"]].itertuples(index=False, name=None))
             for k, g in rows.groupby(rows["doc_id"].astype(int))}
    tp = detected = expected = construction_ok = agent_ok = 0
    misses = []
    for k, (sentence, gold) in enumerate(labelled):
        got = list(found.get(k, []))
        detected += len(got)
        expected += len(gold)
        for verb, construction, agent in gold:
            match = next((g for g in got if g[0] == verb), None)
            if match is None:
                misses.append((sentence, "missed", verb))
                continue
            got.remove(match)
            tp += 1
            construction_ok += match[1] == construction
            agent_ok += match[2] == agent
            if match[1:] != (construction, agent):
                misses.append((sentence, "wrong", match, (verb, construction, agent)))
        misses.extend((sentence, "extra", g) for g in got)
    return {"precision": tp / detected, "recall": tp / expected, "construction": construction_ok / tp,
            "agent": agent_ok / tp, "clauses": expected, "sentences": len(labelled),
            "negatives": sum(not gold for _, gold in labelled)}, misses


def test_labelled_sentences_precision_recall_and_accuracy():
    score, misses = _score(LABELLED)
    print("\nagency on hand-labelled sentences:", {k: round(v, 3) for k, v in score.items()})
    for m in misses:
        print("  ", m)
    assert score["sentences"] >= 40 and score["negatives"] >= 10
    # Honest thresholds: a little below what the rules reach (see the module docstring).
    assert score["precision"] >= 0.95
    assert score["recall"] >= 0.95
    assert score["construction"] >= 0.9
    assert score["agent"] >= 0.9


@pytest.fixture(scope="module")
def seeds():
    from conftest import SEEDS

    corpus = load_corpus(SEEDS)
    return corpus, casualties(corpus, [d.id for d in corpus.documents])


def _row(rows, doc_prefix, sentence_part, verb):
    hit = rows[rows["doc_id"].str.startswith(doc_prefix) & rows["sentence"].str.contains(sentence_part, regex=False)
               & (rows["verb"] == verb)]
    assert len(hit) >= 1, (doc_prefix, sentence_part, verb)
    return hit.iloc[0]


def test_the_seeds_two_tellings_drop_the_agent(seeds):
    corpus, rows = seeds
    # 000: "at least 65,208 Palestinians have been killed and 166,271 wounded by Israel since the start of the war"
    told = _row(rows, "000", "65,208 Palestinians have been killed and 166,271 wounded by Israel", "kill")
    assert (told["construction"], told["agent"]) == ("passive_agent", "Israel")
    # 001: "at least 65,208 Palestinians have been killed and 166,271 wounded since the conflict began"
    retold = _row(rows, "001", "65,208 Palestinians have been killed and 166,271 wounded since", "kill")
    assert (retold["construction"], retold["agent"]) == ("passive_agentless", "")
    for r in (told, retold):  # offsets point into the normalised text, at the verb
        text = next(d.text for d in corpus.documents if d.id == r["doc_id"])
        assert text[r["start"]:r["end"]] == "killed" and r["sentence"] in text
    # 000: "12,653 people have been killed"; 001: "12,653 people have died"
    assert _row(rows, "000", "12,653 people have been killed", "kill")["construction"] == "passive_agentless"
    assert _row(rows, "001", "12,653 people have died", "die")["construction"] == "intransitive"
    # both: "with some (reportedly) already (being) killed by Israeli bombs / bombardments"
    assert _row(rows, "000", "already being killed", "kill")["agent"] == "Israeli bombs"
    assert _row(rows, "001", "already killed", "kill")["agent"] == "Israeli bombardments"
    # 000: "the total number of Palestinian aid seekers killed to 2,518"; 001: "the total killed to 2,518"
    totals = rows[rows["sentence"].str.contains("killed to 2,518", regex=False) & (rows["verb"] == "kill")]
    assert totals["doc_id"].str[:3].tolist() == ["000", "000", "001", "001"]
    assert set(totals["construction"]) == {"passive_agentless"}
    # 000: "As Israel continues to starve the enclave" (001: "to restrict aid")
    starve = rows[rows["doc_id"].str.startswith("000") & (rows["verb"] == "starve")]
    assert list(zip(starve["construction"], starve["agent"])) == [("active", "Israel")]
    assert not (rows["doc_id"].str.startswith("001") & (rows["verb"] == "starve")).any()


def test_agency_table_on_the_seeds(seeds):
    _, rows = seeds
    table = agency_table(rows).set_index("group")
    a, b = table.loc["000_fc39facc4893a606"], table.loc["001_cbc4fbe6991676f0"]
    assert a["clauses"] == sum(a[c] for c in CONSTRUCTIONS)
    assert a["agentless_share"] == pytest.approx((a["passive_agentless"] + a["intransitive"] + a["nominal"])
                                                 / a["clauses"])
    assert a["passive_agentless_share"] == pytest.approx(a["passive_agentless"]
                                                         / (a["passive_agent"] + a["passive_agentless"]))
    assert b["agentless_share"] > a["agentless_share"]  # the retelling leaves the doer out more often
    assert b["agent_named_share"] < a["agent_named_share"]


def test_agency_table_counts_and_definitions():
    rows = pd.DataFrame({
        "doc_id": ["a", "a", "b", "c", "c", "c"], "group": ["X", "X", "X", "Y", "Y", "Y"],
        "verb": ["kill"] * 6,
        "construction": ["active", "passive_agentless", "nominal", "passive_agent", "intransitive", "intransitive"],
        "agent": ["Israel", "", "", "Hamas", "", "an Israeli strike"],
        "start": range(6), "end": range(1, 7), "sentence": [""] * 6,
    })
    t = agency_table(rows).set_index("group")
    assert t.loc["X", ["active", "passive_agent", "passive_agentless", "intransitive", "nominal"]].tolist() == [1, 0, 1, 0, 1]
    assert t.loc["X", "clauses"] == 3 and t.loc["X", "documents"] == 2
    assert t.loc["X", "agentless_share"] == pytest.approx(2 / 3)
    assert t.loc["X", "passive_agentless_share"] == 1.0
    assert t.loc["Y", "agentless_share"] == pytest.approx(2 / 3)
    assert t.loc["Y", "passive_agentless_share"] == 0.0
    assert t.loc["Y", "agent_named_share"] == pytest.approx(2 / 3)
    assert agency_table(rows.iloc[:0]).empty


def test_columns_empty_corpus_and_labels():
    empty = casualties(Corpus("empty", ()), [])
    assert list(empty.columns) == ["doc_id", "group", "verb", "construction", "agent", "start", "end", "sentence"]
    with pytest.raises(ValueError):
        casualties(Corpus("one", (Document("d", "Two people were killed."),)), [])
    rows = casualties(Corpus("one", (Document("d", "No casualties here? Two people were killed."),)), ["g"])
    assert rows["group"].tolist() == ["g", "g"] and set(rows["construction"]) <= set(CONSTRUCTIONS)
    assert rows["sentence"].tolist() == ["No casualties here?", "Two people were killed."]


def test_candidates_at_text_start_and_after_punctuation():
    text = 'Killed: 12. "Deaths rose," (casualties mounted) and 3 died-'
    rows = casualties(Corpus("c", (Document("d", text),)), ["g"])
    assert [text[s:e] for s, e in zip(rows["start"], rows["end"])] == ["Killed", "Deaths", "casualties"]


def test_held_out_sentences():
    score, misses = _score(HELD_OUT)
    print("\nagency on held-out sentences:", {k: round(v, 3) for k, v in score.items()})
    for m in misses:
        print("  ", m)
    assert score["precision"] >= 0.9 and score["recall"] >= 0.9
    assert score["construction"] >= 0.85 and score["agent"] >= 0.8


def test_names_party():
    assert names_party("Israeli airstrikes") and names_party("Hamas") and names_party("settlers")
    assert names_party("Russia's siege") and names_party("it") is False
    assert not names_party("An air strike") and not names_party("the blast") and not names_party("")
    assert not names_party("the Oct. 7 attack")


def test_sentences_are_those_of_sentence_spans_on_the_whole_text(seeds):
    # Sparse hits in a long text take the window path; every sentence must be the whole text's.
    corpus, _ = seeds
    filler = " ".join(f"Mr. Smith met Dr. Jones on day {k}. The talks went on." for k in range(300))
    text = normalize(filler + "\n\n" + "\n\n".join(d.text for d in corpus.documents) + " " + filler)
    rows = casualties(Corpus("long", (Document("long", text),)), ["g"])
    spans = sentence_spans(text)
    assert len(rows) > 20
    for start, sentence in zip(rows["start"], rows["sentence"]):
        a, b = next((a, b) for a, b in spans if a <= start < b)
        assert sentence == text[a:b]


# --- what the speed work (issue 10) must not change -------------------------------------------

import re  # noqa: E402

from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from framing.analyses.agency import _candidates, _sentence_span  # noqa: E402
from framing.analyses.casualty_words import _CANDIDATE, _tokens  # noqa: E402
from framing.analyses.word_boundary import BEFORE_WORD  # noqa: E402

# The token pattern before a look-ahead was put in front of its endings, as the reference.
_TOKEN_BEFORE = re.compile(
    r"\d+(?:[.,]\d+)+|\w+(?:['-]\w+)*(?:(?<=\b[A-Z])\.(?:[A-Za-z]\.)*|(?<=\b(?:Mr|Dr|Ms|Lt|St))\."
    r"|(?<=\b(?:Mrs|Gen|Col|Sgt|Gov|Sen|Rep|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec))\."
    r"|(?<=\b(?:Capt|Prof|Sept))\.|(?<=[sS])'(?=\s))?|[^\w\s]")
_pieces = st.lists(st.sampled_from(
    ["U.S.", "Mr.", "Mrs.", "Oct.", "Sept.", "H.", "Hamas'", "Hamas' ", "Israel's", "65,208", "1.5", "self-", "'",
     '"', ",", ".", " ", "\n", "\u2009", "killed", "Killed", "KILLED", "death toll", "death  toll", "loss of life",
     "lost their lives", "dead", "x_y", "—", "(", "/", "died-"]), max_size=30).map("".join)
_any_text = st.one_of(st.text(max_size=60), _pieces)


@given(_any_text, st.integers(0, 70), st.integers(0, 70))
def test_tokens_are_those_of_the_token_pattern(text, a, b):
    assert _tokens(text, a, b) == [(m.group(), m.group().lower(), m.start(), m.end())
                                   for m in _TOKEN_BEFORE.finditer(text, a, b)]


# The candidate pattern as written before issue 10: `\s` where the characters are now written out.
_CANDIDATE_BEFORE = re.compile(r"[\s\"'(\[/—]" + _CANDIDATE.pattern[len(BEFORE_WORD):])


@given(st.one_of(_any_text, st.lists(st.sampled_from(["killed", "died", "death toll", " ", "\u2009", "\x1c", "\u3000",
                                                     "\n", "'", "(", "—", "x"]), max_size=20).map("".join)))
def test_candidates_are_one_scan_of_a_space_and_the_text(text):
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    assert _candidates(text) == [(m.start(1) - 1, m.end(1) - 1, m.group(1))
                                 for m in _CANDIDATE_BEFORE.finditer(" " + low)]


@given(_pieces)
def test_sentence_span_is_that_of_sentence_spans(text):
    spans = sentence_spans(text)
    for m in re.finditer(r"\w", text):
        assert _sentence_span(text, m.start()) == next(s for s in spans if s[0] <= m.start() < s[1])
