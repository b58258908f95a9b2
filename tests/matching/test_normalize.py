"""Normalisation shortcuts give what folding character by character gives."""

from __future__ import annotations

from hypothesis import assume, given
from hypothesis import strategies as st

from termguard.matching.normalize import fold_each_character, normalize, normalize_term, normalize_terms

# Han, Latin with and without accents, combining marks, compatibility forms, quotes,
# hyphens and spaces of every kind: each of them either folds or is left alone.
TRICKY = "文山會海 aAßİıſKﬁé\u0301\u00ad-\u2010\u2011\u2019\u201c\uff21\uff08 \u3000\t\n"


# ASCII text has its own path, which leaves the separators \x1c-\x1f alone as the
# streaming prefilter does; the per-character fold turns them into spaces.
SEPARATORS = "\x1c\x1d\x1e\x1f"


@given(st.text(alphabet=st.sampled_from(TRICKY) | st.characters(), max_size=30), st.booleans())
def test_normalize_equals_folding_each_character(text, casefold):
    assume(not text.isascii() or not any(c in SEPARATORS for c in text))
    folded, index = normalize(text, casefold)
    expected, expected_index = fold_each_character(text, casefold)
    assert folded == expected
    assert (index or list(range(len(text) + 1))) == expected_index


@given(st.text(alphabet=st.sampled_from("aZ -\t\n\r\f\v") | st.characters(max_codepoint=127), max_size=30))
def test_ascii_text_equals_folding_each_character(text):
    assume(not any(c in SEPARATORS for c in text))
    folded, index = normalize(text)
    assert (folded, index or list(range(len(text) + 1))) == fold_each_character(text)


def test_text_folded_one_character_for_one_keeps_no_offset_map():
    assert normalize("为基层减负") == ("为基层减负", None)
    assert normalize("为基层减负，“文山会海”") == ('为基层减负,"文山会海"', None)


def test_text_folded_into_fewer_or_more_characters_keeps_the_map():
    assert normalize("基层\u3000\u3000减负") == ("基层 减负", [0, 1, 2, 4, 5, 6])
    assert normalize("\ufb01ne 文") == ("fine 文", [0, 0, 1, 2, 3, 4, 5])


@given(st.lists(st.text(alphabet=st.sampled_from(TRICKY + SEPARATORS + "\0\v\f\r  ") | st.characters(), max_size=12)))
def test_normalizing_terms_together_equals_one_by_one(terms):
    assert normalize_terms(terms) == [normalize_term(term) for term in terms]
