"""Regex anchors: only regexes whose anchor is in a text run, with identical results."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from termguard.matching import TermMatcher
from termguard.matching import anchors as anchors_module
from termguard.matching.anchors import compile_rendering, fold_for_anchors, regex_anchors
from termguard.termbase import Entry, load_glossary

ROOT = Path(__file__).resolve().parents[2]
TEXT_FILES = [ROOT / "samples" / "burden-reduction.en.txt"] + sorted(
    p for p in (ROOT / "tests" / "fixtures").rglob("*") if p.suffix in {".txt", ".po", ".tmx", ".xlf", ".toml"}
)


@pytest.fixture(scope="module")
def matcher() -> TermMatcher:
    return TermMatcher(load_glossary().entries)


def every_regex(matcher: TermMatcher, text: str) -> list[tuple[str, int, int]]:
    """What running every regex rendering on the text finds: (pattern, start, end)."""
    return [
        (pattern, match.start(), match.end())
        for entry in matcher.entries
        for pattern in entry.forbidden_regex
        for match in compile_rendering(pattern, entry.case_sensitive).finditer(text)
    ]


def regex_hits(matcher: TermMatcher, text: str) -> list[tuple[str, int, int]]:
    return [(h.rendering, h.start, h.end) for h in matcher.find(text) if h.rendering in h.entry.forbidden_regex]


def assert_same_as_every_regex(matcher: TermMatcher, text: str) -> None:
    expected = every_regex(matcher, text)
    assert list(matcher.regex_positions(text)) == [start for _pattern, start, _end in expected]
    nonempty = [hit for hit in expected if hit[2] > hit[1]]
    assert sorted(regex_hits(matcher, text), key=lambda h: (h[1], -h[2])) == sorted(
        nonempty, key=lambda h: (h[1], -h[2])
    )


@pytest.mark.parametrize(
    "pattern, anchors",
    [
        (r"\bcultural mountain\b", ("cultural",)),
        (r"(?i)Wenshan Huihai", ("wenshan",)),
        (r"(?:a )?thousands? of threads", ("thousand",)),
        (r"(?<=\bCPC )Central Finance Committee\b", ("committee",)),
        (r"(?<=\btreatment of )(?= are)", ("treatment",)),
        (r"(?<!powerful )\bgr(?! management system)", None),
        (r"\b(?:State|National) Chairman", ("chairman",)),
        (r"\b(?:career|public) units?", ("career", "public")),
        (r"\b(?:career|an?) units?", ("unit",)),
        (r"(?:abc)+x(?:defg)*", ("abc",)),
        (r"(?:Party)?xy", None),
        (r"\p{Han}+ Street", ("street",)),
        (r"\\p{Lu}abc", ("abc",)),
        (r"(?:wenshan huihai){e<=1}", None),
        (r"\m[a-z]+ tiger", None),
        (r"\bab\b", None),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_anchors_are_the_literal_runs_every_match_needs(pattern, anchors):
    assert regex_anchors(pattern) == anchors


@pytest.mark.parametrize("engine, flags", [(re, re.IGNORECASE), (regex, regex.IGNORECASE)])
def test_every_character_an_anchor_letter_matches_folds_to_that_letter(engine, flags):
    every_character = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    for letter in string.ascii_lowercase + string.digits:
        for pattern in (letter, letter.upper()):
            for found in engine.compile(engine.escape(pattern), flags).findall(every_character):
                assert fold_for_anchors(found) == letter, (pattern, hex(ord(found)))


def test_every_shipped_regex_has_anchors(matcher):
    assert len(matcher._regexes) > 100
    assert [item for item, anchors in zip(matcher._regexes.items, matcher._regexes.anchors) if not anchors] == []


@pytest.mark.parametrize("path", TEXT_FILES, ids=lambda p: p.name)
def test_same_hits_as_running_every_regex_on_sample_texts(matcher, path):
    text = path.read_text("utf-8")
    assert_same_as_every_regex(matcher, text)
    for line in text.splitlines():
        assert_same_as_every_regex(matcher, line)


def _shipped_regexes() -> list[tuple[str, bool]]:
    return [(p, e.case_sensitive) for e in load_glossary().entries for p in e.forbidden_regex]


def _generates(pattern: str) -> bool:
    try:
        re.compile(pattern)
    except re.error:
        return False  # regex-only syntax or variable-width look-behind: hypothesis cannot generate
    return True


GENERATED = [(p, cs) for p, cs in _shipped_regexes() if _generates(p)]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(st.data())
def test_a_text_a_shipped_regex_matches_contains_one_of_its_anchors(matcher, data):
    pattern, case_sensitive = data.draw(st.sampled_from(GENERATED))
    compiled = re.compile(pattern, 0 if case_sensitive else re.IGNORECASE)
    text = data.draw(st.from_regex(compiled))
    index = next(i for i, (_e, p) in enumerate(matcher._regexes.items) if p == pattern)
    assert index in matcher._regexes.candidates(text)
    assert_same_as_every_regex(matcher, text)


# Words of the shipped regexes, in any case, with the characters that fold specially:
# texts close to what the regexes look for, including the ones hypothesis cannot generate.
WORDS = sorted({w for p, _ in _shipped_regexes() for w in re.findall(r"[A-Za-z]{2,}", p)})
SEPARATORS = [" ", " ", " ", "-", ", ", "'", "\u2019", "\u201c", "\u201d", '"', ". ", "\n", "  "]


@st.composite
def near_misses(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=12))
    pieces = []
    for word in words:
        word = draw(st.sampled_from([word, word.lower(), word.upper(), word.capitalize()]))
        if draw(st.integers(0, 9)) == 0:
            word = word.replace("i", "\u0131").replace("s", "\u017f").replace("I", "\u0130").replace("k", "\u212a")
        pieces.append(word + draw(st.sampled_from(SEPARATORS)))
    return "".join(pieces)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(near_misses())
def test_same_hits_as_running_every_regex_on_texts_made_of_regex_words(matcher, text):
    assert_same_as_every_regex(matcher, text)


def entry(**fields) -> Entry:
    base = {"id": "e", "source": ("文山会海",), "approved": ("excessive documents",), "references": ("test",)}
    base.update({key: tuple(value) for key, value in fields.items()})
    return Entry(**base)


def test_regexes_compile_on_first_use_and_only_when_their_anchor_is_there(monkeypatch):
    compiled: list[str] = []
    real = anchors_module.compile_rendering

    def counting(pattern: str, case_sensitive: bool):
        compiled.append(pattern)
        return real(pattern, case_sensitive)

    monkeypatch.setattr(anchors_module, "compile_rendering", counting)
    matcher = TermMatcher([entry(forbidden_regex=[r"\bwenshan huihai\b", r"cultural mountains?"])])
    assert matcher.find("Nothing to see here.") == [] and list(matcher.regex_positions("nor here")) == []
    assert compiled == []
    assert [h.rendering for h in matcher.find("The Wenshan Huihai.")] == [r"\bwenshan huihai\b"]
    assert list(matcher.regex_positions("the Wenshan Huihai and the wenshan huihai")) == [4, 27]
    assert compiled == [r"\bwenshan huihai\b"]


def test_regexes_without_anchors_run_on_every_text():
    matcher = TermMatcher([entry(forbidden_regex=[r"(?:ab|cd) ef", r"\bno\b"])])
    assert [h.rendering for h in matcher.find("cd ef and no")] == [r"(?:ab|cd) ef", r"\bno\b"]


@pytest.mark.parametrize("path", TEXT_FILES, ids=lambda p: p.name)
def test_regex_lines_are_the_lines_where_every_regex_run_on_the_line_matches(matcher, path):
    text = path.read_text("utf-8").replace("\n", "\r\n", 3)
    expected = {
        number for number, line in enumerate(text.split("\n"))
        if any(end > start for _pattern, start, end in every_regex(matcher, line.rstrip("\r")))
        or every_regex(matcher, line.rstrip("\r"))
    }  # fmt: skip
    assert matcher.regex_lines(text) == expected


def test_regex_lines_finds_a_hit_among_many_lines(matcher):
    lines = ["Nothing here."] * 50 + ["Officials of Xiejiawan Street, Jiulongpo District met."] + ["Still nothing."] * 50
    assert matcher.regex_lines("\n".join(lines)) == {50}
    assert matcher.regex_lines("") == set()
