import pytest
from conftest import write

from framing.errors import LexiconError
from framing.lexicon import bundled_lexicons, load_lexicon
from framing.matcher import Matcher

GOOD = """\
name: Test
language: en
description: one paragraph
references: [Style guide https://example.org]
categories:
  - name: captivity
    note: why it matters
    contrast: true
    terms:
      - term: hostages
        variants: [hostage, taken hostage]
      - term: captives
        variants: [captive]
      - prisoners
  - name: violence
    terms: [genocidal war, genocide, massacre*, slaughter]
  - name: odd words
    terms: [no, off, "1984", null]
"""


def problems(tmp_path, text, name="l.yaml"):
    with pytest.raises(LexiconError) as err:
        load_lexicon(write(tmp_path / name, text))
    return [(p.line, p.message) for p in err.value.problems]


def test_schema_loads_and_scalars_stay_strings(tmp_path):
    lx = load_lexicon(write(tmp_path / "l.yaml", GOOD))
    cap, vio, odd = lx.categories
    assert lx.name == "Test" and lx.references == ("Style guide https://example.org",)
    assert cap.contrast and cap.note == "why it matters"
    assert [t.term for t in cap.terms] == ["hostages", "captives", "prisoners"]
    assert cap.terms[0].variants == ("hostage", "taken hostage")
    assert [t.term for t in vio.terms] == ["genocidal war", "genocide", "massacre*", "slaughter"]
    assert [t.term for t in odd.terms] == ["no", "off", "1984", "null"]


def test_every_problem_is_reported_with_its_line(tmp_path):
    text = """\
name: Bad
colour: red
categories:
  - name: one
    contrast: true
    terms: [hostages]
  - name: empty
    terms: []
  - name: two
    terms:
      - term: Hostages
      - mass*acre
      - term: x
        synonyms: [y]
"""
    found = problems(tmp_path, text)
    messages = " | ".join(m for _, m in found)
    assert (2, "unknown key 'colour' in the lexicon; allowed: categories, description, language, name, references, "
               "translation_of_lexicon") in found
    assert "a contrast set needs at least two" in messages
    assert "'empty' is empty" in messages
    assert "'Hostages' is listed twice" in messages
    assert "wildcard in 'mass*acre'" in messages
    assert any(line == 14 and "unknown key 'synonyms'" in m for line, m in found)
    assert [line for line, _ in found] == sorted(line for line, _ in found)
    duplicate = next(line for line, m in found if "listed twice" in m)
    assert duplicate == 11


def test_duplicate_across_categories_via_variant(tmp_path):
    text = "name: d\ncategories:\n  - name: a\n    terms:\n      - term: hostages\n        variants: [captive]\n" \
           "  - name: b\n    terms: [captive]\n"
    (line, message), = problems(tmp_path, text)
    assert line == 8 and "'captive' is listed twice" in message


def test_yaml_syntax_error_has_a_line(tmp_path):
    (line, message), = problems(tmp_path, "name: x\ncategories:\n  - name: [unclosed\n")
    assert message.startswith("not valid YAML") and line is not None


def test_csv_quanteda_and_liwc(tmp_path):
    csv_lx = load_lexicon(write(tmp_path / "q.csv", "term,category\nhostages,captivity\ncaptives,captivity\nwar,fight\n"))
    assert [(c.name, [t.term for t in c.terms]) for c in csv_lx.categories] == [
        ("captivity", ["hostages", "captives"]), ("fight", ["war"])]
    q = load_lexicon(write(tmp_path / "dict.yml", "captivity:\n  - hostage*\n  - captive*\nviolence:\n  war: [war, warfare]\n  crime: [genocide]\n"))
    assert [(c.name, [t.term for t in c.terms]) for c in q.categories] == [
        ("captivity", ["hostage*", "captive*"]), ("violence/war", ["war", "warfare"]), ("violence/crime", ["genocide"])]
    dic = load_lexicon(write(tmp_path / "l.dic", "%\n1\tposemo\n2\tnegemo\n%\nhappy*\t1\nsad\t2\n"))
    assert [(c.name, [t.term for t in c.terms]) for c in dic.categories] == [("posemo", ["happy*"]), ("negemo", ["sad"])]


def test_liwc_term_in_two_categories_is_a_duplicate(tmp_path):
    found = problems(tmp_path, "%\n1\tposemo\n2\tnegemo\n%\nhappy*\t1\nbittersweet\t1\t2\n", "l.dic")
    assert found == [(6, "'bittersweet' is listed twice: category 'posemo' (term 'bittersweet') and category "
                         "'negemo' (term 'bittersweet'); keep it in one place")]


def test_liwc_undefined_category(tmp_path):
    found = problems(tmp_path, "%\n1\tposemo\n%\nhappy\t1\nsad\t7\n", "l.dic")
    assert found == [(5, "category number '7' is not defined in the header")]


@pytest.mark.parametrize("path", bundled_lexicons(), ids=lambda p: p.name)
def test_bundled_lexicons_are_valid_and_matchable(path):
    lx = load_lexicon(path)
    assert len(lx.categories) >= 3
    for c in lx.categories:
        assert c.note, f"{path.name}: category {c.name!r} has no note"
        assert c.references, f"{path.name}: category {c.name!r} has no reference"
    assert Matcher(lx).unmatchable() == []


EXCEPTIONS = """\
name: e
categories:
  - name: captivity
    terms:
      - term: prisoners
        variants: [prisoner]
        exceptions:
          - prisoners' rights
          - "prisoner rights"
      - term: hostages
        exceptions: hostages crisis
"""


def test_exceptions_load(tmp_path):
    lx = load_lexicon(write(tmp_path / "l.yaml", EXCEPTIONS))
    prisoners, hostages = lx.categories[0].terms
    assert prisoners.exceptions == ("prisoners' rights", "prisoner rights")
    assert hostages.exceptions == ("hostages crisis",)
    assert Matcher(lx).unmatchable() == []


def test_exception_problems_carry_their_line(tmp_path):
    text = """\
name: e
categories:
  - name: captivity
    terms:
      - term: prisoners
        variants: [prisoner]
        exceptions:
          - prisoners' rights
          - rights groups
          - "'?"
          - Prisoner
          - prisoner*s rights
      - term: AP
        case_sensitive: true
        exceptions: [the ap stylebook]
      - term: hostages
        exceptions: [hostages-crisis, hostage-taking]
"""
    found = problems(tmp_path, text)
    assert [line for line, _ in found] == [9, 10, 11, 12, 15, 17]
    messages = dict(found)
    assert "exception 'rights groups' of term 'prisoners' does not contain the term or a variant" in messages[9]
    assert "has no letters or digits" in messages[10]
    assert "is the term itself" in messages[11]
    assert "wildcard in exception 'prisoner*s rights'" in messages[12]
    assert "exception 'the ap stylebook' of term 'AP' does not contain" in messages[15]  # case-sensitive term
    assert "'hostage-taking' of term 'hostages' does not contain" in messages[17]  # `hostage` is not `hostages`


def test_exceptions_key_is_listed_as_allowed(tmp_path):
    text = "name: e\ncategories:\n  - name: a\n    terms:\n      - term: x\n        except: [x y]\n"
    (line, message), = problems(tmp_path, text)
    assert line == 6 and "allowed: case_sensitive, exceptions, note, references, term, translation_of, variants" in message


# --- translation_of: entries of a lexicon in another language paired with English terms -------

ENGLISH = """\
name: English
categories:
  - name: captivity
    contrast: true
    terms: [hostages, captives, prisoners]
  - name: violence
    terms: [massacre*, Hamas-run]
"""


def test_translation_of_loads_as_written_without_a_target(tmp_path):
    text = ("name: t\nlanguage: he\ncategories:\n  - name: captivity\n    terms:\n      - term: \u05d7\u05d8\u05d5\u05e4\u05d9\u05dd\n"
            "        translation_of: abductees\n      - term: no\n        translation_of: no\n      - plain\n")
    lx = load_lexicon(write(tmp_path / "t.yaml", text))
    assert lx.language == "he"
    assert [(t.term, t.translation_of) for t in lx.categories[0].terms] == [
        ("\u05d7\u05d8\u05d5\u05e4\u05d9\u05dd", "abductees"), ("no", "no"), ("plain", None)]  # YAML `no` stays a string


def test_translation_of_must_be_one_non_empty_value(tmp_path):
    text = ("name: t\ncategories:\n  - name: a\n    terms:\n      - term: x\n        translation_of: [a, b]\n"
            "      - term: y\n        translation_of:\n  - name: b\n    terms: [z]\ntranslation_of_lexicon: ''\n")
    found = problems(tmp_path, text)
    assert [line for line, _ in found] == [6, 8, 11]
    assert "translation_of of term 'x' must be a single value" in found[0][1]
    assert "translation_of of term 'y' is empty" in found[1][1]
    assert "translation_of_lexicon needs the name of a lexicon" in found[2][1]


def test_translation_of_is_checked_against_the_named_lexicon(tmp_path):
    write(tmp_path / "english.yaml", ENGLISH)
    good = ("name: fr\nlanguage: fr\ntranslation_of_lexicon: english.yaml\ncategories:\n"
            "  - name: captivity\n    contrast: true\n    terms:\n"
            "      - term: otages\n        translation_of: hostages\n"
            "      - term: captifs\n        translation_of: captives\n"
            "      - term: kidnappés\n        translation_of: hostages\n"  # two entries may render one term
            "      - détenus\n"                                          # no counterpart: no key
            "  - name: not in english\n    terms:\n"
            "      - term: carnage\n        translation_of: massacre*\n")  # a category the target lacks: any category
    lx = load_lexicon(write(tmp_path / "fr.yaml", good))
    assert [t.translation_of for _, t in lx.terms()] == ["hostages", "captives", "hostages", None, "massacre*"]
    bad = ("name: fr\ntranslation_of_lexicon: english.yaml\ncategories:\n"
           "  - name: captivity\n    terms:\n"
           "      - term: otage\n        translation_of: hostage\n"
           "      - term: massacre\n        translation_of: massacre\n"
           "      - term: sous contrôle du Hamas\n        translation_of: hamas run\n"
           "      - term: guerre\n        translation_of: war\n"
           "  - name: violence\n    terms:\n"
           "      - term: prisonniers\n        translation_of: prisoners\n")
    found = dict(problems(tmp_path, bad, "bad.yaml"))
    assert sorted(found) == [7, 9, 11, 13, 17]
    assert found[7].startswith("translation_of 'hostage' of term 'otage': 'English' (english.yaml) has no term of that "
                               "name; did you mean 'hostages'")
    assert found[9].endswith("did you mean 'massacre*'?")
    assert found[11].endswith("did you mean 'Hamas-run'?")  # case, hyphens and the star do not matter for the hint
    assert "has no term of that name (name the term by its term:" in found[13]
    assert found[17] == ("translation_of 'prisoners' of term 'prisonniers': in english.yaml that term is in category "
                         "'captivity', not 'violence'; move the entry or point it at a term of 'violence'")


def test_translation_of_lexicon_that_does_not_load(tmp_path):
    write(tmp_path / "broken.yaml", "name: b\ncategories:\n  - name: a\n    terms: []\n")
    text = "name: t\ntranslation_of_lexicon: {target}\ncategories:\n  - name: a\n    terms:\n      - term: x\n" \
           "        translation_of: y\n"
    (line, message), = problems(tmp_path, text.format(target="no-such-lexicon"))
    assert line == 2 and "translation_of_lexicon 'no-such-lexicon' cannot be loaded" in message
    assert "no bundled lexicon of that name" in message
    (line, message), = problems(tmp_path, text.format(target="broken.yaml"))
    assert line == 2 and "'a' is empty" in message and "framing lexicons check broken.yaml" in message


def test_translation_targets_are_not_followed_further(tmp_path):
    # The target's own translation_of_lexicon is not loaded: no chains, no cycles.
    write(tmp_path / "a.yaml", "name: a\ntranslation_of_lexicon: b.yaml\ncategories:\n  - name: c\n    terms:\n"
                               "      - term: x\n        translation_of: y\n")
    write(tmp_path / "b.yaml", "name: b\ntranslation_of_lexicon: a.yaml\ncategories:\n  - name: c\n    terms:\n"
                               "      - term: y\n        translation_of: x\n")
    assert load_lexicon(tmp_path / "a.yaml").categories[0].terms[0].translation_of == "y"


TRANSLATED = ["israel-gaza-ar", "israel-gaza-he", "israel-gaza-fr"]


@pytest.mark.parametrize("name", TRANSLATED)
def test_bundled_translations_pair_with_the_english_lexicon(name):
    english = load_lexicon("israel-gaza")
    lx = load_lexicon(name)
    assert lx.language == name.rsplit("-", 1)[1]
    assert [c.name for c in lx.categories] == [c.name for c in english.categories]
    by_category = {c.name: {t.term for t in c.terms} for c in english.categories}
    paired = 0
    for category, term in lx.terms():
        assert term.note, f"{name}: term {term.term!r} has no note"
        if term.translation_of is not None:
            assert term.translation_of in by_category[category.name], (name, term.term)
            paired += 1
    assert paired >= 60
    assert {"hostages", "prisoners", "abductees"} <= {t.translation_of for _, t in lx.terms()}


@pytest.mark.parametrize("name", ["israel-gaza-ar", "israel-gaza-he"])
def test_arabic_and_hebrew_forms_are_written_without_vowel_marks(name):
    # Harakat (and tatweel) in Arabic, niqqud in Hebrew: the matcher will strip them from texts,
    # so a form that carries them could never match.
    marks = set(map(chr, range(0x064B, 0x0653))) | {"\u0640", "\u0670"} | set(map(chr, range(0x0591, 0x05C8))) - {"\u05be"}
    lx = load_lexicon(name)
    bad = [f for _, t in lx.terms() for f in (*t.forms, *t.exceptions) if marks & set(f)]
    assert bad == []
