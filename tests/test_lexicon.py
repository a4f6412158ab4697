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
    assert (2, "unknown key 'colour' in the lexicon; allowed: categories, description, language, name, references") in found
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
    assert line == 6 and "allowed: case_sensitive, exceptions, note, references, term, variants" in message
