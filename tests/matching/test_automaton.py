"""The matcher: normalisation variants, word boundaries, exact offsets."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from termguard.matching import TermMatcher, normalize
from termguard.termbase import Entry


def entry(**fields) -> Entry:
    base = {"id": "e", "source": ("基层",), "approved": ("grass-roots",), "references": ("test",)}
    base.update(fields)
    for key in ("source", "approved", "forbidden", "forbidden_regex"):
        if key in base:
            base[key] = tuple(base[key])
    return Entry(**base)


def spans(matcher: TermMatcher, text: str, kind: str | None = None) -> list[str]:
    return [text[h.start : h.end] for h in matcher.find(text) if kind is None or h.kind == kind]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("the grass-roots level", ["grass-roots"]),
        ("the grass roots level", ["grass roots"]),
        ("the grassroots level", ["grassroots"]),
        ("the Grass\u2011Roots level", ["Grass\u2011Roots"]),
        ("the GRASS  ROOTS level", ["GRASS  ROOTS"]),
        ("the grass\nroots level", ["grass\nroots"]),
    ],
    ids=["hyphen", "space", "closed", "nb-hyphen-upper", "double-space-caps", "line-break"],
)
def test_hyphen_space_and_case_variants_match(text, expected):
    assert spans(TermMatcher([entry()]), text) == expected


def test_curly_and_straight_quotes_match_each_other():
    matcher = TermMatcher([entry(approved=["the Party's conduct"])])
    assert spans(matcher, "improving the Party\u2019s conduct") == ["the Party\u2019s conduct"]


@pytest.mark.parametrize(
    "text, hits",
    [
        ("the Party leads", ["Party"]),
        ("party-goers cheered", []),
        ("a third-party vendor", []),
        ("Partyism", []),
        ("the Party's role", ["Party"]),
        ("(Party)", ["Party"]),
    ],
)
def test_word_boundaries(text, hits):
    matcher = TermMatcher([entry(approved=["Party"])])
    assert spans(matcher, text) == hits


def test_case_sensitive_entries_keep_case():
    matcher = TermMatcher([entry(approved=["General Secretary"], case_sensitive=True)])
    assert spans(matcher, "General Secretary Xi") == ["General Secretary"]
    assert spans(matcher, "the general secretary") == []


@pytest.mark.parametrize(
    "prefix",
    ["", "e\u0301t\u00e9 ", "\uff08\uff09\u3001", "\U0001f600\U0001f1e8\U0001f1f3 ", "\ufb01ne ", "Stra\u00dfe "],
    ids=["plain", "combining", "fullwidth-punct", "emoji", "ligature", "sharp-s"],
)
def test_offsets_map_back_exactly(prefix):
    text = prefix + "they met the cultural mountain meeting sea again"
    matcher = TermMatcher([entry(forbidden=["cultural mountain meeting sea"])])
    hits = [h for h in matcher.find(text) if h.kind == "forbidden"]
    assert [text[h.start : h.end] for h in hits] == ["cultural mountain meeting sea"]
    assert hits[0].start == text.index("cultural")


def test_fullwidth_letters_match_after_nfkc():
    matcher = TermMatcher([entry(approved=["CPC"])])
    assert spans(matcher, "the \uff23\uff30\uff23 said") == ["\uff23\uff30\uff23"]


def test_regex_renderings_use_the_regex_module():
    matcher = TermMatcher([entry(forbidden_regex=[r"\p{Han}+ Street", "(?:wenshan huihai){e<=1}"])])
    text = "谢家湾 Street and Wenshan Huihal"
    assert spans(matcher, text, "forbidden") == ["谢家湾 Street", "Wenshan Huihal"]


def test_chinese_source_terms_match_as_substrings_in_both_scripts():
    from termguard.termbase.load import traditional_variants

    source = ("基层减负",)
    matcher = TermMatcher([entry(source=source, source_variants=traditional_variants(source))])
    assert [h.rendering for h in matcher.find_source("为基层减负")] == ["基层减负"]
    assert [h.rendering for h in matcher.find_source("為基層減負")] == ["基層減負"]


def test_normalize_map_has_an_entry_per_character_plus_end():
    folded, index = normalize("Grass\u2011Roots  of \u00dfx")
    assert folded == "grass roots of ssx"
    assert index is not None and len(index) == len(folded) + 1
    assert index[-1] == len("Grass\u2011Roots  of \u00dfx")


def test_cost_of_a_scan_does_not_depend_on_entry_count():
    small = TermMatcher([entry(id=f"e{i}", forbidden=[f"zz{i} phrase"]) for i in range(10)])
    large = TermMatcher([entry(id=f"e{i}", forbidden=[f"zz{i} phrase"]) for i in range(5000)])
    text = "nothing to see here " * 50 + "zz7 phrase"
    assert spans(small, text, "forbidden") == spans(large, text, "forbidden") == ["zz7 phrase"]


@pytest.mark.parametrize(
    "rendering, text, expected",
    [("grid member", "hired grid members", "grid members"), ("grid members", "a grid member", "grid member"),
     ("policy", "these policies", "policies"), ("heavy fist", "two heavy fists", "heavy fists")],
)  # fmt: skip
def test_the_other_grammatical_number_of_the_last_word_matches(rendering, text, expected):
    matcher = TermMatcher([entry(forbidden=[rendering])])
    assert spans(matcher, text, "forbidden") == [expected]


def test_acronyms_are_not_inflected():
    from termguard.matching.automaton import inflections

    assert inflections("CPC") == ["CPC"]


_PATTERNS = ["ab", "b", "é", "中文", "文山", "x\U0001f600y", "c d", "ébc"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abcdxy é中文山\U0001f600") + ["\ud800"]), max_size=40))
def test_the_bytes_automaton_reports_character_offsets(text):
    """Matches over UTF-8 bytes, mapped back to characters, are every occurrence of
    every pattern in the text, overlaps included (lone surrogates too)."""
    from termguard.matching import aho

    found = aho.char_matches(aho.compile_patterns(_PATTERNS), text)
    assert sorted(found) == sorted(
        (start, start + len(_PATTERNS[p]), p) for p in range(len(_PATTERNS)) for start in range(len(text))
        if text.startswith(_PATTERNS[p], start)
    )  # fmt: skip


def test_hits_after_wide_characters_have_exact_offsets():
    matcher = TermMatcher([entry(forbidden=("Wenshan Huihai",))])
    text = "\u201c文山会海\u201d \U0001f600 \u2014 the Wenshan Huihai, \u00e9t\u00e9 and Wenshan Huihai."
    assert spans(matcher, text, "forbidden") == ["Wenshan Huihai", "Wenshan Huihai"]
