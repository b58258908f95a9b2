"""The glossary cache: used when files are unchanged, rebuilt when not, never trusted blindly."""

from __future__ import annotations

import pickle
from unittest import mock

import pytest

from termguard.termbase import load
from termguard.termbase.cache import PREFIX, cache_dir

GLOSSARY = """
[[entry]]
id = "common-prosperity"
source = ["共同富裕"]
approved = ["common prosperity"]
references = ["Xinhua English"]
"""


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("TERMGUARD_NO_CACHE", raising=False)
    return tmp_path / "cache" / "termguard"


@pytest.fixture
def glossary_file(tmp_path):
    path = tmp_path / "g.toml"
    path.write_text(GLOSSARY, "utf-8")
    return path


def _load(path):
    return load.load_glossary([path], default=False, gazetteer=False)


def _no_parsing(monkeypatch):
    def fail(files):
        raise AssertionError("parsed although cached")

    monkeypatch.setattr(load, "load_paths", fail)


def test_second_load_comes_from_the_cache(cache_home, glossary_file, monkeypatch):
    first = _load(glossary_file)
    assert cache_dir() == cache_home and len(list(cache_home.glob(f"{PREFIX}*.pickle"))) == 1
    _no_parsing(monkeypatch)
    assert _load(glossary_file).entries == first.entries


def test_an_edit_invalidates_the_cache(cache_home, glossary_file):
    _load(glossary_file)
    glossary_file.write_text(GLOSSARY.replace("common prosperity", "prosperity for all"), "utf-8")
    assert _load(glossary_file).entries[0].approved == ("prosperity for all",)


def test_a_corrupt_cache_file_is_ignored(cache_home, glossary_file):
    _load(glossary_file)
    for path in cache_home.glob(f"{PREFIX}*.pickle"):
        path.write_bytes(b"\x80\x05not a pickle")
    assert _load(glossary_file).entries[0].id == "common-prosperity"


def test_termguard_no_cache_disables_it(cache_home, glossary_file, monkeypatch):
    monkeypatch.setenv("TERMGUARD_NO_CACHE", "1")
    _load(glossary_file)
    assert not cache_home.exists()


def test_errors_are_not_cached(cache_home, glossary_file):
    from termguard.errors import GlossaryError

    glossary_file.write_text(GLOSSARY.replace('references = ["Xinhua English"]', ""), "utf-8")
    for _ in range(2):
        with pytest.raises(GlossaryError, match="missing 'references'"):
            _load(glossary_file)


def test_unwritable_cache_folder_is_not_an_error(tmp_path, glossary_file, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("", "utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert _load(glossary_file).entries[0].id == "common-prosperity"


def test_values_stored_under_a_name_and_key_are_read_back(cache_home):
    from termguard.termbase.cache import cached_under

    assert cached_under("derived", "k1", lambda: [1, 2]) == [1, 2]
    assert cached_under("derived", "k1", lambda: pytest.fail("rebuilt although cached")) == [1, 2]
    assert cached_under("derived", "k2", lambda: [3]) == [3]
    assert sorted(p.name for p in cache_home.glob("derived-*.pickle")) == ["derived-k1.pickle", "derived-k2.pickle"]


def test_each_kind_of_cache_file_keeps_its_own_newest_few(cache_home, glossary_file):
    from termguard.termbase.cache import cached_under

    _load(glossary_file)
    for number in range(12):
        cached_under("derived", f"k{number}", list)
    assert len(list(cache_home.glob("derived-*.pickle"))) == 8
    assert len(list(cache_home.glob(f"{PREFIX}*.pickle"))) == 1


def test_a_cache_file_in_use_is_not_pruned_however_old(cache_home):
    import os

    from termguard.termbase.cache import cached_under

    cached_under("derived", "used", lambda: ["used"])
    os.utime(cache_home / "derived-used.pickle", (0, 0))  # written long ago
    for number in range(12):
        cached_under("derived", f"k{number}", list)
        assert cached_under("derived", "used", lambda: pytest.fail("pruned although in use")) == ["used"]


def test_entries_pickle_as_their_field_values():
    import pickle
    from dataclasses import fields

    from termguard.model import Severity
    from termguard.termbase import Entry

    entry = Entry("e", ("文山会海",), ("excessive documents",), ("cultural mountain",), severity=Severity.WARNING,
                  path="g.toml", source_variants=("文山會海",))  # fmt: skip
    rebuild, values = entry.__reduce__()
    assert values == entry.values() == tuple(getattr(entry, f.name) for f in fields(Entry))
    assert rebuild is Entry and Entry(*values) == entry
    copy = pickle.loads(pickle.dumps(entry))
    assert copy == entry and copy.source_variants == ("文山會海",) and hash(copy) == hash(entry)


def test_with_source_variants_is_dataclasses_replace():
    from dataclasses import replace

    from termguard.termbase import Entry

    entry = Entry("e", ("文山会海",), ("excessive documents",), note="n", references=("t",), path="g.toml")
    variants = ("文山會海",)
    assert entry.with_source_variants(variants).values() == replace(entry, source_variants=variants).values()


def test_entries_share_equal_field_values_so_the_cache_stores_each_once(cache_home, tmp_path):
    path = tmp_path / "g.toml"
    path.write_text(GLOSSARY + GLOSSARY.replace("common-prosperity", "other").replace("共同富裕", "其他"), "utf-8")
    first, second = _load(path).entries
    assert first.references is second.references and first.path is second.path
    assert first.approved is second.approved and first.source is not second.source
    cached_first, cached_second = _load(path).entries
    assert cached_first == first and cached_first.references is cached_second.references


def test_reading_the_cache_pauses_the_garbage_collector_and_restores_it(cache_home, tmp_path):
    import gc

    path = tmp_path / "g.toml"
    path.write_text(GLOSSARY, "utf-8")
    _load(path)  # writes the cache
    seen = []
    real_load = pickle.load
    with mock.patch("termguard.termbase.cache.pickle.load", lambda h: seen.append(gc.isenabled()) or real_load(h)):
        assert _load(path).entries
        gc.disable()
        try:
            assert _load(path).entries
            assert not gc.isenabled()
        finally:
            gc.enable()
    assert seen == [False, False] and gc.isenabled()


def test_the_glossary_digest_comes_from_the_cache_too(cache_home, glossary_file, monkeypatch):
    """Hashing 50,000 entries for the run signature took a quarter second of every run."""
    from termguard.termbase import model

    first = _load(glossary_file).digest()
    assert first == model.entries_digest(_load(glossary_file).entries)
    monkeypatch.setattr(model, "entries_digest", lambda entries: pytest.fail("hashed although cached"))
    assert _load(glossary_file).digest() == first


def test_the_digest_follows_the_renderings(cache_home, glossary_file):
    before = _load(glossary_file).digest()
    glossary_file.write_text(GLOSSARY.replace("common prosperity", "prosperity for all"), "utf-8")
    assert _load(glossary_file).digest() != before


@pytest.mark.parametrize("no_cache", ["", "1"])
def test_building_pauses_the_garbage_collector_and_restores_it(cache_home, monkeypatch, no_cache):
    import gc

    from termguard.termbase.cache import cached, cached_under

    monkeypatch.setenv("TERMGUARD_NO_CACHE", no_cache)
    seen = []
    assert cached_under("derived", "k", lambda: seen.append(gc.isenabled()) or 1) == 1
    assert cached([], lambda: seen.append(gc.isenabled()) or 2) == 2

    def fail() -> None:
        raise ValueError("bad glossary")

    with pytest.raises(ValueError):
        cached_under("derived", "other", fail)
    assert seen == [False, False] and gc.isenabled()
