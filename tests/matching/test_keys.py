"""Key tables: every variant of every rendering, and an automaton that finds them all."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from termguard.matching import TermMatcher, aho, automaton, keys
from termguard.matching.keys import decode_target, inflections, iter_keys, key_table, rendering_variants
from termguard.matching.normalize import normalize_term
from termguard.termbase import Entry, load_glossary


def naive_matches(table: keys.KeyTable, text: str) -> set[tuple[str, int, int]]:
    found = set()
    for key in table.keys:
        start = text.find(key)
        while start != -1:
            found.add((key, start, start + len(key)))
            start = text.find(key, start + 1)
    return found


def automaton_matches(table: keys.KeyTable, text: str) -> list[tuple[str, int, int]]:
    scanner = automaton._Automaton(table, decode_target, bounded=True)
    return [(table.keys[key_id], start, end) for start, end, key_id in scanner.key_matches(text)]


# Keys sharing prefixes and suffixes, over a tiny alphabet: many overlaps.
KEYS = st.lists(st.text("ab ", min_size=1, max_size=24), min_size=1, max_size=12)


@given(KEYS, st.text("ab ", max_size=60))
def test_the_automaton_finds_every_occurrence_of_every_key(key_list, text):
    table = key_table({key: [(0, 0)] for key in key_list})
    found = automaton_matches(table, text)
    assert len(found) == len(set(found))
    assert set(found) == naive_matches(table, text)


def test_the_table_carries_its_compiled_automaton_and_loading_it_compiles_nothing(monkeypatch):
    entries = [Entry("e", ("文山会海",), ("grass-roots",), forbidden=("Wenshan Huihai",), references=("t",))]
    matcher = TermMatcher(entries)
    compiled = []
    monkeypatch.setattr(aho, "compile_patterns", lambda patterns: compiled.append(patterns))
    matcher.compile()
    assert compiled == []
    assert [h.start for h in matcher.find("grass roots and the Wenshan Huihai")] == [0, 20]


def test_a_stored_automaton_this_daachorse_cannot_read_is_compiled_anew(monkeypatch):
    entries = [Entry("e", ("文山会海",), ("grass-roots",), forbidden=("Wenshan Huihai",), references=("t",))]
    matcher = TermMatcher(entries)
    matcher._target.table.automaton = b"written by another version"
    assert [h.start for h in matcher.find("grass roots and the Wenshan Huihai")] == [0, 20]


def test_cached_tables_are_keyed_on_the_daachorse_build(monkeypatch):
    keys._code_fingerprint.cache_clear()
    ours = keys._code_fingerprint()
    monkeypatch.setattr(aho, "library_build", lambda: "another build")
    keys._code_fingerprint.cache_clear()
    theirs = keys._code_fingerprint()
    monkeypatch.undo()
    keys._code_fingerprint.cache_clear()
    assert theirs != ours == keys._code_fingerprint()


def test_the_table_holds_every_variant_of_every_rendering():
    entries = load_glossary().entries
    table, _anchors = keys.target_index(entries)
    expected = sorted(
        (variant, index, kind, rendering, form)
        for index, entry in enumerate(entries)
        for kind, renderings in (("approved", entry.approved), ("forbidden", entry.forbidden))
        for rendering in renderings
        for form in inflections(rendering)
        for variant in rendering_variants(form)
    )
    decoded = sorted((key, index, *decode_target(entries[index], code)) for key, index, code in iter_keys(table))
    assert decoded == expected


def test_the_source_side_is_built_only_when_source_text_is_searched(monkeypatch):
    entries = [Entry("e", ("文山会海",), ("excessive documents",), ("cultural mountain",), ("paper mountains?",),
                     references=("t",))]  # fmt: skip

    def fail(_entries):
        raise AssertionError("source keys derived for a monolingual search")

    monkeypatch.setattr(automaton, "source_table", fail)
    matcher = TermMatcher(entries)
    assert [h.kind for h in matcher.find("excessive documents, cultural mountain, paper mountains")] == [
        "approved", "forbidden", "forbidden"]  # fmt: skip
    assert [(h[2], h[1]) for h in matcher.find_literal_folded("Excessive documents", "excessive documents")] == [
        (0, "approved")]  # fmt: skip
    assert list(matcher.regex_positions("paper mountain")) == [0]
    monkeypatch.undo()
    assert [h.rendering for h in matcher.find_source("精简文山会海")] == ["文山会海"]


def slow_target_table(entries: list[Entry]) -> keys.KeyTable:
    """The key table derived rendering by rendering, form by form (what the batch build must equal)."""
    owners: dict[str, list[tuple[int, int]]] = {}
    for index, entry in enumerate(entries):
        for kind, renderings in ((keys.APPROVED, entry.approved), (keys.FORBIDDEN, entry.forbidden)):
            for slot, rendering in enumerate(renderings):
                for number, form in enumerate(inflections(rendering)):
                    for variant in rendering_variants(form):
                        owners.setdefault(variant, []).append((index, keys.target_code(kind, slot, bool(number))))
    return key_table(owners)


RENDERING = st.text(st.sampled_from("aesyhx -\u2010\u2011'\tSIé文\0"), min_size=1, max_size=14)


@given(st.lists(st.tuples(st.lists(RENDERING, max_size=3), st.lists(RENDERING, max_size=3)), max_size=8))
def test_the_batch_build_equals_deriving_rendering_by_rendering(renderings):
    entries = [Entry(f"e{n}", ("术语",), tuple(approved), tuple(forbidden)) for n, (approved, forbidden) in
               enumerate(renderings)]  # fmt: skip
    table, _anchors = keys._build_target(entries)
    assert table == slow_target_table(entries)


def slow_source_table(entries: list[Entry]) -> keys.KeyTable:
    owners: dict[str, list[tuple[int, int]]] = {}
    for index, entry in enumerate(entries):
        for slot, term in enumerate(entry.all_source_forms):
            owners.setdefault(normalize_term(term), []).append((index, slot))
    return key_table(owners)


SOURCE_TERM = st.text(st.sampled_from("文山会海會 -\u3000\uff21ﬁßa\0"), min_size=1, max_size=8)


@given(st.lists(st.tuples(st.lists(SOURCE_TERM, min_size=1, max_size=3), st.lists(SOURCE_TERM, max_size=2)), max_size=8))
def test_the_batch_source_build_equals_normalising_term_by_term(terms):
    entries = [Entry(f"e{n}", tuple(source), ("x",), source_variants=tuple(variants)) for n, (source, variants) in
               enumerate(terms)]  # fmt: skip
    assert keys._build_source(entries) == slow_source_table(entries)


def test_the_batch_builds_of_the_shipped_glossary_equal_deriving_form_by_form():
    entries = load_glossary().entries
    assert keys._build_target(entries)[0] == slow_target_table(entries)
    assert keys._build_source(entries) == slow_source_table(entries)


@pytest.mark.parametrize(
    "rendering, expected",
    [("class", ["class", "classes"]), ("status", ["status"]), ("policies", ["policies", "policy"]),
     ("Cities", ["Cities", "City"]), ("boxes", ["boxes", "box"]), ("cadres", ["cadres", "cadre"]),
     ("grid member", ["grid member", "grid members"]), ("day", ["day", "days"]), ("branch", ["branch", "branches"]),
     ("CPC", ["CPC"]), ("the 14th", ["the 14th"]), ("policy", ["policy", "policies"]), ("tax", ["tax", "taxes"]),
     ("bus", ["bus"]), ("path", ["path", "paths"]), ("sea", ["sea", "seas"])],
)  # fmt: skip
def test_inflections(rendering, expected):
    assert inflections(rendering) == expected


def _big_glossary(path, forbidden: str = "paper mountain") -> None:
    """A glossary large enough for its keys to be cached."""
    rows = [
        f'[[entry]]\nid = "e{n}"\nsource = ["术语{n}"]\napproved = ["rendering {n}"]\nreferences = ["t"]\n'
        for n in range(keys.CACHE_MIN_ENTRIES)
    ]
    rows.append(f'[[entry]]\nid = "x"\nsource = ["文山会海"]\napproved = ["excessive documents"]\n'
                f'forbidden = ["{forbidden}"]\nforbidden_regex = ["\\\\bmeetings? sea"]\nreferences = ["t"]\n')  # fmt: skip
    path.write_text("\n".join(rows), "utf-8")


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("TERMGUARD_NO_CACHE", raising=False)
    return tmp_path / "cache" / "termguard"


def _matcher(path) -> TermMatcher:
    return TermMatcher(load_glossary([path], default=False, gazetteer=False).entries)


def _no_derivation(monkeypatch) -> None:
    def fail(_entries):
        raise AssertionError("keys derived although cached")

    monkeypatch.setattr(keys, "_build_target", fail)
    monkeypatch.setattr(keys, "_build_source", fail)


def test_keys_come_from_the_cache_the_second_time(cache_home, tmp_path, monkeypatch):
    path = tmp_path / "big.toml"
    _big_glossary(path)
    first = _matcher(path)
    first.find_source("文山会海")
    assert len(list(cache_home.glob("matcher-target-*.pickle"))) == len(list(cache_home.glob("matcher-source-*"))) == 1
    _no_derivation(monkeypatch)
    again = _matcher(path)
    text = "a paper mountain, meeting sea and rendering 7"
    assert [(h.entry.id, h.kind, h.start, h.end) for h in again.find(text)] == [
        (h.entry.id, h.kind, h.start, h.end) for h in first.find(text)]  # fmt: skip
    assert [h.entry.id for h in again.find("paper mountain and meeting sea")] == ["x", "x"]
    assert [h.rendering for h in again.find_source("为基层减负，精简文山会海、术语7")] == ["文山会海", "术语7"]


def test_an_edited_glossary_file_gets_new_keys(cache_home, tmp_path):
    path = tmp_path / "big.toml"
    _big_glossary(path)
    assert [h.rendering for h in _matcher(path).find("a paper mountain")] == ["paper mountain"]
    _big_glossary(path, forbidden="paper hill")
    matcher = _matcher(path)
    assert [h.rendering for h in matcher.find("a paper mountain and a paper hill")] == ["paper hill"]
    assert len(list(cache_home.glob("matcher-target-*.pickle"))) == 2


def test_a_glossarys_digest_keys_its_tables_without_hashing_the_entries(cache_home, tmp_path, monkeypatch):
    path = tmp_path / "big.toml"
    _big_glossary(path)
    glossary = load_glossary([path], default=False, gazetteer=False)
    first = TermMatcher(glossary.entries, glossary.digest)
    _no_derivation(monkeypatch)
    monkeypatch.setattr(keys.marshal, "dumps", lambda *args: pytest.fail("entries hashed although the digest is known"))
    again = load_glossary([path], default=False, gazetteer=False)
    assert [h.rendering for h in TermMatcher(again.entries, again.digest).find("a paper mountain")] == [
        h.rendering for h in first.find("a paper mountain")] == ["paper mountain"]  # fmt: skip


def test_an_edited_glossary_with_a_digest_gets_new_keys(cache_home, tmp_path):
    path = tmp_path / "big.toml"
    _big_glossary(path)
    glossary = load_glossary([path], default=False, gazetteer=False)
    TermMatcher(glossary.entries, glossary.digest).find("x")
    _big_glossary(path, forbidden="paper hill")
    edited = load_glossary([path], default=False, gazetteer=False)
    matcher = TermMatcher(edited.entries, edited.digest)
    assert [h.rendering for h in matcher.find("a paper mountain and a paper hill")] == ["paper hill"]


def test_small_glossaries_and_termguard_no_cache_write_no_key_cache(cache_home, tmp_path, monkeypatch):
    TermMatcher([Entry("e", ("文山会海",), ("excessive documents",), references=("t",))]).find_source("文山会海")
    assert not cache_home.exists()
    monkeypatch.setenv("TERMGUARD_NO_CACHE", "1")
    path = tmp_path / "big.toml"
    _big_glossary(path)
    _matcher(path).find_source("文山会海")
    assert not cache_home.exists()
