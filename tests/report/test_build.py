"""The report's content, without a browser: every section reads one set of inputs, and every number
on the page agrees with the `framing.stats` table it comes from."""
import base64
import hashlib
import io
import json
import random
import re
from html.parser import HTMLParser

import pandas as pd
import pytest

from framing import stats
from framing.analysis import analyse
from framing.corpus import from_dataframe, read_corpus
from framing.lexicon import load_lexicon
from framing.report import ReportOptions, build_report, gather, render_report, report_from


@pytest.fixture(scope="module")
def seeds():
    from conftest import SEEDS

    return analyse(read_corpus(SEEDS), [load_lexicon("israel-gaza")])


@pytest.fixture(scope="module")
def seeds_report(seeds):
    return build_report(seeds)


def table(report, table_id):
    for section in report.sections:
        for t in (*section.tables, *(f.table for f in section.figures if f.table)):
            if t.id == table_id:
                return pd.read_csv(io.StringIO(t.csv), keep_default_na=False, na_values=[""])
    raise KeyError(table_id)


def many_sources(n_sources=40, seed=7):
    """Sources of very different sizes; the big ones lean on one word of each contrast set."""
    rng = random.Random(seed)
    rows = []
    for i in range(n_sources):
        docs = max(1, int(60 / (i + 1)))
        held = ["hostages", "captives"][i % 2]
        armed = ["militants", "fighters"][i % 2]
        for j in range(docs):
            words = [rng.choice(["the", "war", "talks", "aid", "city", "officials", "said"]) for _ in range(30)]
            words += [held] * rng.randint(1, 3) + [armed] * rng.randint(0, 2)
            rng.shuffle(words)
            rows.append({"text": " ".join(words) + ".", "source": f"Outlet {i:03d}", "id": f"o{i}-{j}"})
    return from_dataframe(pd.DataFrame(rows))


@pytest.fixture(scope="module")
def crowd():
    return analyse(many_sources(), [load_lexicon("israel-gaza")])


@pytest.mark.parametrize("voice", ["all", "own", "quoted"])
def test_every_count_of_the_report_is_in_the_chosen_voice(seeds, voice):
    report = build_report(seeds, voice=voice)
    assert {"all": "quotations included", "own": "own words", "quoted": "quotations only"}[voice] in report.subtitle
    terms = table(report, "term-table").set_index(["group", "term"])
    # Seed 002 uses "ethnic cleansing" once, inside a quotation (hand-checked in the seed's text).
    expected = {"all": 1, "own": 0, "quoted": 1}[voice]
    assert terms["count"].get(("002_615c4032b1948ec8", "ethnic cleansing"), 0) == expected
    method = next(s for s in report.sections if s.id == "method")
    assert any("Whose words" in p for p in method.intro)


def test_own_and_quoted_reports_add_up_to_all_text(seeds):
    by_voice = {v: table(build_report(seeds, voice=v), "heatmap-table").set_index(["group", "category"])
                for v in ("all", "own", "quoted")}
    assert (by_voice["own"]["count"] + by_voice["quoted"]["count"] == by_voice["all"]["count"]).all()
    assert (by_voice["own"]["tokens"] + by_voice["quoted"]["tokens"] == by_voice["all"]["tokens"]).all()


@pytest.mark.parametrize("options", [{"voice": "mine"}, {"groups": 0}, {"groups": 2.5}, {"blind": "yes"}])
def test_options_are_checked_once_at_the_boundary(seeds, options):
    with pytest.raises((ValueError, TypeError)):
        build_report(seeds, **options)
    with pytest.raises((ValueError, TypeError)):
        ReportOptions(**options)


def test_sections_are_numbered_at_render_time_in_page_order(seeds_report):
    html = render_report(seeds_report)
    numbers = [int(n) for n in re.findall(r"<h2>(\d+)\. ", html)]
    assert numbers == list(range(1, len(seeds_report.sections) + 1))
    assert all(not re.match(r"\d", s.title) for s in seeds_report.sections)


def test_one_z_per_term_and_comparison(seeds, seeds_report):
    """The lexicon table, the plot and discovery give a lexicon term the same z (issue: "captives",
    000 vs rest, was 2.07 in the table and 1.41 in the plot)."""
    lex = stats.lexicon_comparison(seeds.counts).set_index(["group", "term"])
    forms = {f.lower() for lx in seeds.lexicons for _, t in lx.terms() for f in t.forms}
    fw = seeds_report.data["fw"]
    for c in fw:
        if not c["label"].endswith("vs all others"):
            continue
        group = c["label"][: -len(" vs all others")]
        for custom, z, is_lexicon in zip(c["custom"], c["z"], c["lexicon"]):
            term = custom[5]
            if is_lexicon:
                assert z == pytest.approx(lex.loc[(group, term), "z"], abs=1e-4)
            else:
                assert term not in forms  # a lexicon form is drawn once, as the lexicon term
    zero = next(c for c in fw if c["label"] == "000_fc39facc4893a606 vs all others")
    at = [x[5] for x in zero["custom"]].index("captives")
    assert zero["z"][at] == pytest.approx(lex.loc[("000_fc39facc4893a606", "captives"), "z"], abs=1e-4)
    shown = table(seeds_report, "fw-lexicon").set_index(["group", "term"])
    assert shown.loc[("000_fc39facc4893a606", "captives"), "z"] == pytest.approx(
        lex.loc[("000_fc39facc4893a606", "captives"), "z"], rel=1e-5)
    disc = table(seeds_report, "discovery-table")
    assert not set(disc["term"].str.lower()) & forms


def test_the_plot_draws_the_rows_stats_chose_for_it(seeds, seeds_report):
    # One selection of plotted words (issue 10): the words of each one-vs-rest plot are exactly the
    # rows `vocabulary_comparison(points=...)` returns for the group, less the lexicon's forms.
    from framing.report.discovery_tables import PLOT_POINTS

    chosen = stats.vocabulary_comparison(seeds.corpus, points=PLOT_POINTS)
    forms = {f.lower() for lx in seeds.lexicons for _, t in lx.terms() for f in t.forms}
    for c in seeds_report.data["fw"]:
        if not c["label"].endswith("vs all others"):
            continue
        group = c["label"][: -len(" vs all others")]
        words = [x[5] for x, lx in zip(c["custom"], c["lexicon"]) if not lx]
        rows = chosen[chosen["group"] == group]
        assert words == [t for t in rows["term"] if t.lower() not in forms]
        assert 0 < len(words) <= PLOT_POINTS


def test_pairwise_plot_is_the_same_comparison_as_discover_pairs(seeds, seeds_report):
    a, b = seeds.groups[0], seeds.groups[1]
    c = next(c for c in seeds_report.data["fw"] if c["label"] == f"{a} vs {b}")
    full = stats.vocabulary_comparison(seeds.corpus, pairs=True).set_index(["group", "versus", "term"])
    assert len(c["z"]) > 0
    for custom, z in zip(c["custom"], c["z"]):
        assert z == pytest.approx(full.loc[(a, b, custom[5]), "z"], abs=1e-4)
        assert custom[1] + custom[2] > 0
    assert a in c["y_title"] and b in c["y_title"] and "others" not in c["y_title"]


def test_every_pair_has_a_top_terms_table(seeds_report, seeds):
    top = table(seeds_report, "fw-top")
    pairs = {f"{a} vs {b}" for i, a in enumerate(seeds.groups) for b in seeds.groups[i + 1:]}
    assert pairs <= set(top["comparison"])


@pytest.mark.parametrize("n_sources", [3, 7])
def test_blind_reports_of_several_sources(n_sources):
    rows = [{"text": f"The {w} were held by militants in the city, officials said. " * (1 + i % 3), "source": f"Real Outlet {i % n_sources}"}
            for i, w in enumerate(["hostages", "captives", "detainees"] * 8)]
    analysis = analyse(from_dataframe(pd.DataFrame(rows)), [load_lexicon("israel-gaza")])
    report = build_report(analysis, blind=True)
    html = render_report(report)
    body = html[html.index("<main>"):html.index("</main>")]
    assert "Real Outlet" not in body
    letters = {f"Source {chr(65 + i)}" for i in range(n_sources)}
    disc = table(report, "discovery-table")
    assert set(disc["group"]) <= letters and len(set(disc["group"])) > 1  # discovery on the blinded groups
    assert {c["label"].split(" vs ")[0] for c in report.data["fw"]} == letters
    assert {real for _, real in report.blind_key} == {f"Real Outlet {i}" for i in range(n_sources)}


def test_many_groups_figures_show_the_largest_and_pool_the_rest(crowd):
    inputs = gather(crowd, ReportOptions(groups=5))
    assert inputs.groups == stats.by_size(crowd.counts)
    assert inputs.groups[0] == "Outlet 000"  # 60 documents, the largest
    assert inputs.shown == inputs.groups[:5] and inputs.pooled == "other sources"
    report = report_from(inputs)
    heat = report.data["heatmap"]
    assert heat["groups"] == [*inputs.shown, "other sources"]
    # The pooled column is the sum of every group not shown, from the all-groups table.
    cats = inputs.categories
    rest = cats[~cats["group"].isin(inputs.shown)].groupby("category")["count"].sum()
    figure = inputs.figure_categories.set_index(["group", "category"])["count"]
    for category, total in rest.items():
        assert figure[("other sources", category)] == total
    # Every group stays in the downloadable tables.
    assert set(table(report, "heatmap-table")["group"]) == set(crowd.groups)
    assert len(heat["all"]["groups"]) == len(crowd.groups)
    assert len([c for c in report.data["fw"] if c["label"].endswith("vs all others")]) == len(crowd.groups)


def test_a_thousand_groups_stay_within_the_page_budget():
    rng = random.Random(3)
    rows = [{"text": " ".join(rng.choice(["hostages", "captives", "militants", "fighters", "war", "aid", "city",
                                          "talks", "officials", "ceasefire", "truce"]) for _ in range(40)),
             "source": f"Publisher {i % 1000}", "title": f"Headline {i}"} for i in range(4000)]
    analysis = analyse(from_dataframe(pd.DataFrame(rows)), [load_lexicon("israel-gaza")])
    html = render_report(build_report(analysis))
    assert len(html.encode()) < 15_000_000


def test_questions_are_chosen_by_article_evidence_not_alphabetically(crowd):
    report = build_report(crowd)
    questions = next(s for s in report.sections if s.id == "questions").items
    ev = stats.contrast_evidence(crowd.counts, crowd.lexicons)
    best = ev.iloc[0]
    assert best["group"] in questions[0] and best["versus"] in questions[0]
    # The largest outlets, with dozens of articles each, carry the strongest evidence; the
    # alphabetically first pair is not what is asked about unless it is that strong.
    assert "Outlet 000" in " ".join(questions) and "Outlet 001" in " ".join(questions)


def test_contrast_evidence_counts_articles_by_hand():
    rows = ([{"text": "The hostages. The hostages again.", "source": "A"}] * 6
            + [{"text": "The captives.", "source": "A"}]
            + [{"text": "The captives were freed.", "source": "B"}] * 5)
    a = analyse(from_dataframe(pd.DataFrame(rows)), [load_lexicon("israel-gaza")])
    ev = stats.contrast_evidence(a.counts, a.lexicons)
    row = ev[ev["category"] == "captivity"].iloc[0]
    assert (row["group"], row["term"], row["versus"], row["versus_term"]) == ("A", "hostages", "B", "captives")
    # Articles, not words: A has 6 articles with "hostages" (12 uses) and 1 with "captives"; B 0 and 5.
    cells = [row["documents_term"], row["documents_versus_term"], row["versus_documents_term"],
             row["versus_documents_versus_term"]]
    assert cells == [6, 1, 0, 5]
    import math

    expected = math.log((6.5 * 5.5) / (1.5 * 0.5))
    assert row["log_odds"] == pytest.approx(expected)
    se = math.sqrt(1 / 6.5 + 1 / 1.5 + 1 / 0.5 + 1 / 5.5)
    assert row["z"] == pytest.approx(expected / se)
    assert row["log_odds_low"] == pytest.approx(expected - 1.959963984540054 * se)


def test_the_page_prints_no_machine_noise(seeds_report):
    html = render_report(seeds_report)
    main = html[html.index("<main>"):html.index("</main>")]
    text = re.sub(r"<[^>]+>", " ", main)
    assert "&lt;NA&gt;" not in main and "<NA>" not in text
    assert not re.search(r"\bnan\b", text)
    assert not re.search(r"\d[eE]-1\d", text)
    assert "Showing 0 of" not in text  # was "Points plotted (table): 0 of 1539 rows"


def test_contrast_intervals_have_no_rounding_noise(seeds):
    shares = stats.contrast_shares(seeds.counts, seeds.lexicons)
    none = shares[shares["count"] == 0]
    assert (none["share_low"] == 0).all()  # was 5.55e-17
    every = shares[(shares["count"] == shares["set_total"]) & (shares["set_total"] > 0)]
    assert (every["share_high"] == 1).all()


def test_keyword_in_context_says_what_it_holds(seeds, seeds_report):
    kwic = seeds_report.data["kwic"]
    total = sum(len(p.matches) for p in seeds.profiles)
    assert kwic["total"] == total == len(kwic["rows"]) and not kwic["sampled"]
    # Documents are named from the manifest (description), not by their hash.
    names = {r[1] for r in kwic["rows"]}
    assert not any(re.fullmatch(r"\d{3}_[0-9a-f]{16}", n) for n in names)
    assert any(n.startswith("Qassam Brigades") for n in names)


def test_keyword_in_context_rows_equal_the_heat_map(seeds_report):
    rows = pd.DataFrame(seeds_report.data["kwic"]["rows"], columns=seeds_report.data["kwic"]["columns"])
    matches = rows.groupby(["group", "category"]).size()
    heat = table(seeds_report, "heatmap-table").set_index(["group", "category"])["count"]
    assert (heat[heat > 0] == matches.reindex(heat[heat > 0].index)).all()
    assert matches.sum() == heat.sum()


def test_a_sampled_page_keeps_every_term_reachable(crowd):
    from framing.report.sections import contexts

    old = contexts.MAX_CONTEXTS
    contexts.MAX_CONTEXTS = 50
    try:
        kwic = build_report(crowd).data["kwic"]
    finally:
        contexts.MAX_CONTEXTS = old
    total = sum(len(p.matches) for p in crowd.profiles)
    assert kwic["sampled"] and kwic["total"] == total and len(kwic["rows"]) <= 50
    used = {m.term for p in crowd.profiles for m in p.matches}
    assert {r[3] for r in kwic["rows"]} == used


def test_discovered_words_carry_their_own_contexts(seeds_report):
    words = seeds_report.data["words"]
    assert words
    for term, rows in words.items():
        for row in rows:
            assert term.split(" ")[0] in row[3].lower()  # the match column holds the word itself


def test_heat_map_is_darker_where_rates_are_higher(seeds_report):
    fig = next(f for s in seeds_report.sections for f in s.figures if f.id == "fig-heatmap")
    assert fig.figure.data[0].reversescale is True and "Darker" in fig.caption


def test_categories_get_distinct_colours():
    from framing.report.figures import PALETTE

    assert len(set(PALETTE)) == len(PALETTE) >= 12  # israel-gaza has 12 categories


def test_references_become_links_and_nothing_else_is_markup():
    from framing.report.render import linkify

    out = str(linkify('See <b>this</b> https://example.org/a?b=1&c=2. And "javascript:alert(1)"'))
    assert '<a href="https://example.org/a?b=1&amp;c=2"' in out
    assert "<b>" not in out and "javascript:alert" in out and 'href="javascript' not in out


def test_method_names_the_lexicon_file_and_its_checksum(seeds_report, seeds):
    files = table(seeds_report, "method-files")
    path = seeds.lexicons[0].path
    # Named by its path under the working folder (the checkout's lexicons/), else as bundled.
    assert files.loc[0, "file"] in ("lexicons/israel-gaza.yaml", "bundled with framing: israel-gaza.yaml")
    with open(path, "rb") as fh:
        assert files.loc[0, "sha256"] == hashlib.sha256(fh.read()).hexdigest()


def test_report_shows_inline_in_a_notebook(seeds_report):
    out = seeds_report._repr_html_()
    assert out.startswith("<iframe srcdoc=") and "sandbox=" in out
    assert "<script" not in out.split('srcdoc="', 1)[1][:200]  # the page is escaped into the attribute


def test_two_tellings_section_pairs_the_seeds_and_shows_the_dropped_agent(seeds_report):
    section = next(s for s in seeds_report.sections if s.id == "retellings")
    panel = section.panels[0]
    assert panel["title_a"].startswith("Qassam Brigades") and panel["title_b"].startswith("A retelling of 000")
    assert any(c.kind == "dropped" and c.a == "by Israel" for c in panel["changes"])
    html = render_report(seeds_report)
    assert "<del>by Israel" in html  # drawn struck through in the first telling's column


def test_attribution_section_marks_reports_against_claims(seeds_report):
    section = next(s for s in seeds_report.sections if s.id == "attribution")
    speakers = table(seeds_report, "attribution-table")
    seed = speakers[speakers["group"] == "002_615c4032b1948ec8"].set_index(["speaker", "verb_class"])["count"]
    # Seed 002 (read by hand): "Israel reports ..." and "the Hamas-run health ministry in Gaza claims that ..."
    assert seed[("israel", "neutral")] >= 1
    assert seed[("hamas-run health ministry in gaza", "distancing")] == 1
    assert section.figures[0].figure.data  # the verb classes drawn per group


def test_agency_section_shows_the_agent_dropped_between_the_tellings(seeds_report):
    groups = table(seeds_report, "agency-table").set_index("group")
    # 000: "... killed and 166,271 wounded by Israel"; 001 retells it without "by Israel" (hand-read).
    assert groups.loc["000_fc39facc4893a606", "passive_agent"] > groups.loc["001_cbc4fbe6991676f0", "passive_agent"]
    assert groups.loc["000_fc39facc4893a606", "agentless_share"] < groups.loc["001_cbc4fbe6991676f0", "agentless_share"]
    examples = table(seeds_report, "agency-examples")
    zero = examples[(examples["group"] == "000_fc39facc4893a606") & (examples["construction"] == "passive_agent")]
    assert "Israel" in set(zero["agent"])


def test_a_large_corpus_says_why_it_has_no_retellings(seeds, monkeypatch):
    from framing.report import inputs
    from framing.report.sections import retellings as section

    monkeypatch.setattr(inputs, "MAX_RETELLING_DOCS", 2)
    monkeypatch.setattr(section, "MAX_RETELLING_DOCS", 2)
    report = build_report(seeds)
    s = next(s for s in report.sections if s.id == "retellings")
    assert not s.panels and "--story-col" in s.intro[0] and "framing retellings" in s.intro[0]
    # A story column still pairs them.
    named = next(s for s in build_report(seeds, story="story").sections if s.id == "retellings")
    assert named.panels and named.panels[0]["found_by"] == "story column"


# --- the page's content-security policy ------------------------------------------------------------------

class Elements(HTMLParser):
    """Every element's attributes, and the text of each <script> and <style> as the browser reads it."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.attributes, self.scripts, self.styles, self._open = [], [], [], None

    def handle_starttag(self, tag, attrs):
        self.attributes.append((tag, dict(attrs)))
        if tag in ("script", "style"):
            self._open = (tag, dict(attrs), [])

    def handle_data(self, data):
        if self._open:
            self._open[2].append(data)

    def handle_endtag(self, tag):
        if self._open and tag == self._open[0]:
            kind, attrs, parts = self._open
            (self.scripts if kind == "script" else self.styles).append((attrs, "".join(parts)))
            self._open = None


def sha256_source(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def test_the_policy_runs_exactly_the_scripts_the_page_ships(tmp_path):
    from importlib.resources import files

    from plotly.offline import get_plotlyjs

    from framing import write_report

    evil = '<script>alert(1)</script><img src=x onerror="alert(2)"><a href="javascript:alert(3)" onclick="x()">'
    rows = [{"text": f"The {w} were held. {evil}", "source": s, "title": f"{evil} {w}"}
            for s, w in [(f"BBC {evil}", "hostages"), ('=HYPERLINK("x")', "captives")] * 3]
    out = write_report(analyse(from_dataframe(pd.DataFrame(rows)), [load_lexicon("israel-gaza")]),
                       tmp_path / "page.html", title=evil)
    page = Elements()
    page.feed(out.read_bytes().decode("utf-8"))  # the bytes written, as the browser decodes them
    page.close()
    meta = [a for tag, a in page.attributes if tag == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert len(meta) == 1
    policy = {d.split()[0]: d.split()[1:] for d in (x.strip() for x in meta[0]["content"].split(";")) if d}
    assert policy["default-src"] == ["'none'"] and policy["connect-src"] == ["'none'"]
    assert policy["base-uri"] == ["'none'"] and policy["form-action"] == ["'none'"]
    assert "'unsafe-eval'" not in meta[0]["content"] and "'unsafe-inline'" not in policy["script-src"]
    assert not {"script-src-elem", "script-src-attr"} & set(policy)
    # Two scripts run: plotly.js and the page's own, each named by the hash of its exact text.
    run = [text for attrs, text in page.scripts if "type" not in attrs]
    assert run == [get_plotlyjs(), files("framing.report").joinpath("templates", "report.js").read_text("utf-8")]
    assert policy["script-src"] == [sha256_source(text) for text in run]
    # The rest is data: JSON that the page's script parses, never runs (so it needs, and gets, no hash).
    data = [(attrs, text) for attrs, text in page.scripts if "type" in attrs]
    assert data and all(attrs["type"] == "application/json" for attrs, _ in data)
    assert all(sha256_source(text) not in policy["script-src"] for _, text in data)
    for _, text in data:
        json.loads(text)
    # The page's style element, and those plotly.js adds (an empty one it fills through the CSSOM).
    assert len(page.styles) == 1 and sha256_source(page.styles[0][1]) in policy["style-src-elem"]
    assert sha256_source("") in policy["style-src-elem"]
    # No inline event handler and no javascript: address, from the templates or from the corpus.
    assert not [(tag, name) for tag, attrs in page.attributes for name in attrs if name.startswith("on")]
    addresses = [a.get(k) or "" for _, a in page.attributes for k in ("href", "src", "action", "formaction")]
    assert addresses and not [v for v in addresses if v.strip().lower().startswith(("javascript:", "data:text/html"))]


def test_templates_have_no_inline_event_handlers():
    from importlib.resources import files

    for name in ("report.html.j2", "table.html.j2"):
        text = files("framing.report").joinpath("templates", name).read_text("utf-8")
        assert not re.search(r"\son[a-z]+\s*=", text, re.I), name
        assert "javascript:" not in text.lower()


def test_lexicon_names_under_the_title_are_isolated():
    # A right-to-left lexicon name set into the English subtitle must not reorder its neighbours:
    # each name is its own <bdi>, escaped, and the title takes its own direction.
    from dataclasses import replace

    from conftest import SEEDS

    lexicon = load_lexicon("israel-gaza")
    arabic = replace(lexicon, name="معجم <الحرب>")
    page = render_report(build_report(analyse(read_corpus(SEEDS), [arabic, lexicon])))
    header = page[page.index("<header>"):page.index("</header>")]
    assert '<h1 dir="auto">' in header
    assert "lexicons: <bdi>معجم &lt;الحرب&gt;</bdi>, <bdi>Israel-Gaza war coverage</bdi></p>" in header


def test_the_lexicon_tables_made_apart_give_the_same_page(seeds, seeds_report, monkeypatch):
    # A large vocabulary's page makes the lexicon's comparison and bootstrap in a process of its
    # own while discovery runs: forced here, the page must be the same.
    import framing.report.inputs as inputs

    monkeypatch.setattr(inputs, "APART_WIDTH", 0)
    monkeypatch.setattr(inputs.os, "cpu_count", lambda: 2)
    asked = []
    real = inputs.meanwhile

    def spy(fn, args, *, apart):
        asked.append(apart)
        return real(fn, args, apart=apart)

    monkeypatch.setattr(inputs, "meanwhile", spy)
    assert render_report(build_report(seeds)) == render_report(seeds_report)
    assert asked == [True]
