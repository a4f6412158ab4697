"""Which file a lexicon name means: a local copy in ./lexicons/ before the bundled one, so a
teacher's edits take effect; `framing lexicons copy` makes that copy; checksums identify a file."""
import hashlib
import logging
import subprocess
import sys
from io import StringIO

import pandas as pd
import pytest
from conftest import SEEDS, write

from framing import lexicon as lexicon_module
from framing.errors import InputError, LexiconError
from framing.lexicon import bundled_lexicons, copy_bundled, lexicon_checksum, load_lexicon, local_copy, resolve

SMALL = "name: {name}\ncategories:\n  - name: captivity\n    terms: [hostages, captives]\n"
ADDED = "  - name: teacher added\n    terms: [Ron Arad]\n"


def run(*args, cwd):
    proc = subprocess.run([sys.executable, "-m", "framing", *args], capture_output=True, text=True, cwd=cwd)
    return proc.returncode, proc.stdout, proc.stderr


@pytest.fixture
def fake_bundled(tmp_path, monkeypatch):
    """A bundled folder of our own, so the tests do not depend on how framing is installed."""
    folder = tmp_path / "installed" / "_lexicons"
    write(folder / "alpha.yaml", SMALL.format(name="Alpha bundled"))
    write(folder / "beta.yaml", SMALL.format(name="Beta bundled"))
    write(folder / "README.md", "not a lexicon")
    monkeypatch.setattr(lexicon_module, "bundled_dir", lambda: folder)
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    return folder


def test_without_a_local_copy_the_bundled_file_is_used(fake_bundled, caplog):
    with caplog.at_level(logging.WARNING, logger="framing"):
        assert resolve("alpha") == fake_bundled / "alpha.yaml"
        assert resolve("alpha.yaml") == fake_bundled / "alpha.yaml"
    assert caplog.records == []
    assert [p.name for p in bundled_lexicons()] == ["alpha.yaml", "beta.yaml"]


def test_a_local_copy_takes_precedence_and_says_so(fake_bundled, tmp_path, caplog):
    local = write(tmp_path / "work" / "lexicons" / "alpha.yaml", SMALL.format(name="Alpha edited"))
    with caplog.at_level(logging.WARNING, logger="framing"):
        lx = load_lexicon("alpha")
    assert lx.name == "Alpha edited" and lx.path == str(local)
    assert [r.getMessage() for r in caplog.records] == [
        "using ./lexicons/alpha.yaml (a local copy takes precedence over the bundled one)"]
    assert caplog.records[0].name == "framing.lexicon"
    assert load_lexicon("beta").name == "Beta bundled"  # only the copied one changes


def test_local_copy_in_other_formats_and_their_order(fake_bundled, tmp_path):
    folder = tmp_path / "work" / "lexicons"
    write(folder / "alpha.csv", "term,category\nprisoners,captivity\n")
    assert resolve("alpha") == folder / "alpha.csv"
    assert load_lexicon("alpha").categories[0].terms[0].term == "prisoners"
    write(folder / "alpha.yaml", SMALL.format(name="Alpha edited"))
    assert resolve("alpha") == folder / "alpha.yaml"  # .yaml, .yml, .csv, .dic: the first that exists
    assert local_copy(fake_bundled / "beta.yaml") is None


def test_an_explicit_path_always_wins(fake_bundled, tmp_path):
    write(tmp_path / "work" / "lexicons" / "alpha.yaml", SMALL.format(name="Alpha edited"))
    other = write(tmp_path / "elsewhere.yaml", SMALL.format(name="Elsewhere"))
    assert load_lexicon(other).name == "Elsewhere"
    assert load_lexicon(fake_bundled / "alpha.yaml").name == "Alpha bundled"


def test_a_local_copy_only_counts_in_the_working_directory(fake_bundled, tmp_path, monkeypatch):
    write(tmp_path / "work" / "lexicons" / "alpha.yaml", SMALL.format(name="Alpha edited"))
    monkeypatch.chdir(tmp_path)
    assert load_lexicon("alpha").name == "Alpha bundled"


def test_in_a_checkout_the_bundled_folder_is_not_a_copy(tmp_path, monkeypatch, caplog):
    # In a source checkout (editable install) ./lexicons/ *is* the bundled folder: no note.
    folder = write(tmp_path / "lexicons" / "alpha.yaml", SMALL.format(name="Alpha")).parent
    monkeypatch.setattr(lexicon_module, "bundled_dir", lambda: folder)
    monkeypatch.chdir(tmp_path)
    with caplog.at_level(logging.WARNING, logger="framing"):
        assert resolve("alpha") == folder / "alpha.yaml"
    assert caplog.records == []
    with pytest.raises(InputError, match="bundled file itself"):
        copy_bundled("alpha", overwrite=True)


def test_unknown_names_still_fail(fake_bundled):
    with pytest.raises(LexiconError, match="bundled: alpha, beta"):
        resolve("gamma")
    with pytest.raises(InputError, match="no bundled lexicon"):
        copy_bundled("gamma")


def test_copy_bundled(fake_bundled, tmp_path):
    dest = copy_bundled("alpha")
    assert dest == tmp_path / "work" / "lexicons" / "alpha.yaml"  # absolute
    assert dest.read_bytes() == (fake_bundled / "alpha.yaml").read_bytes()
    dest.write_text(SMALL.format(name="Alpha edited"), encoding="utf-8")
    with pytest.raises(InputError, match="already exists"):
        copy_bundled("alpha")
    assert load_lexicon("alpha").name == "Alpha edited"  # refused: the edits are kept
    copy_bundled("alpha", overwrite=True)
    assert load_lexicon("alpha").name == "Alpha bundled"
    assert copy_bundled("beta", tmp_path / "deep" / "er").parent == tmp_path / "deep" / "er"


def test_lexicon_checksum(tmp_path):
    path = write(tmp_path / "l.yaml", SMALL.format(name="A"))
    digest = lexicon_checksum(path)
    assert digest == hashlib.sha256(path.read_bytes()).hexdigest() and len(digest) == 64
    assert lexicon_checksum(str(path)) == digest
    write(path, SMALL.format(name="B"))
    assert lexicon_checksum(path) != digest
    lx = load_lexicon(path)
    assert lexicon_checksum(lx.path) == lexicon_checksum(path)


# --- the command line, with the real bundled lexicons, in a fresh working directory ----------------

def _ron_arad(out: str) -> pd.DataFrame:
    df = pd.read_csv(StringIO(out))
    return df[df.term == "Ron Arad"]


def test_cli_copy_then_edit_takes_effect(tmp_path):
    code, out, err = run("stats", str(SEEDS), cwd=tmp_path)
    assert code == 0 and _ron_arad(out).empty and "local copy" not in err

    code, out, err = run("lexicons", "copy", "israel-gaza", cwd=tmp_path)
    copy = tmp_path / "lexicons" / "israel-gaza.yaml"
    assert code == 0 and copy.is_file() and str(copy) in out
    assert f"when framing runs from {tmp_path.resolve()}" in out and "takes precedence" in out
    bundled = next(p for p in bundled_lexicons() if p.stem == "israel-gaza")
    assert copy.read_bytes() == bundled.read_bytes()

    with copy.open("a", encoding="utf-8") as f:  # the teacher adds a category at the end
        f.write(ADDED)
    code, out, err = run("stats", str(SEEDS), cwd=tmp_path)
    assert code == 0
    assert "framing: note: using ./lexicons/israel-gaza.yaml (a local copy takes precedence over the bundled one)" \
        in err
    added = _ron_arad(out)
    assert set(added.loc[added["count"] > 0, "group"]) == {"000_fc39facc4893a606", "001_cbc4fbe6991676f0"}
    code, out, err = run("stats", str(SEEDS), "--quiet", cwd=tmp_path)
    assert code == 0 and err == "" and not _ron_arad(out).empty

    code, out, _ = run("lexicons", cwd=tmp_path)
    line = next(li for li in out.splitlines() if "israel-gaza" in li and "categories" in li)
    assert code == 0 and line.startswith("* ") and "local copy" in line and str(copy) in line
    other = next(li for li in out.splitlines() if "migration" in li)
    assert other.startswith("  ") and "local copy" not in other


def test_cli_copy_refuses_to_overwrite(tmp_path):
    assert run("lexicons", "copy", "migration", cwd=tmp_path)[0] == 0
    copy = tmp_path / "lexicons" / "migration.yaml"
    copy.write_text("edited", encoding="utf-8")
    code, out, err = run("lexicons", "copy", "migration", cwd=tmp_path)
    assert code == 1 and "already exists" in err and "--force" in err and len(err.strip().splitlines()) == 1
    assert copy.read_text(encoding="utf-8") == "edited"
    code, out, err = run("lexicons", "copy", "migration", "--force", cwd=tmp_path)
    assert code == 0 and copy.read_text(encoding="utf-8") != "edited"


def test_cli_copy_to_another_folder_and_unknown_name(tmp_path):
    code, out, _ = run("lexicons", "copy", "climate", "mine", cwd=tmp_path)
    assert code == 0 and (tmp_path / "mine" / "climate.yaml").is_file() and "--lexicon" in out
    code, _, err = run("lexicons", "copy", "nonsense", cwd=tmp_path)
    assert code == 1 and "no bundled lexicon" in err and "israel-gaza" in err


def test_cli_list_survives_a_broken_local_copy(tmp_path):
    write(tmp_path / "lexicons" / "abortion.yaml", "name: x\ncategories: []\nextra: 1\n")
    code, out, _ = run("lexicons", cwd=tmp_path)
    line = next(li for li in out.splitlines() if "abortion" in li)
    assert code == 0 and "INVALID" in line and "unknown key 'extra'" in line
