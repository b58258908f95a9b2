"""Whole-block scans of a chunk: each is a superset of the lines its check can fire on."""

from __future__ import annotations

import pytest

from termguard.checks import CheckContext, select
from termguard.checks.chunk import ChunkView, word_tokens
from termguard.engine import check_document
from termguard.formats import read_document
from termguard.stream import check_stream, stream_checks

TRICKY = (
    "Officials in Xi'an met the the residents.\n"
    "\n"
    "The meeting was held in Chang'an Subdistrict.\n"
    "Grass-roots  officials filed reports.\n"
    "Grass-roots\u00a0officials filed reports.\n"
    "Grass-roots officials filed reports.\n"
    "\u3000\n"
    "They said that that was enough, and and left.\n"
    "The tiaozheng jihua is still late in Xi\u2019an.\n"
    "(An unbalanced bracket and a \u201cquote.\n"
)


def test_word_tokens_fold_case_and_punctuation_but_keep_apostrophes():
    assert word_tokens("The grass-roots (Xi'an) \u201cofficials\u201d, Xi\u2019an.") == [
        "the", "grass", "roots", "xi'an", "officials", "xi\u2019an",
    ]  # fmt: skip


def test_repeated_word_lines_count_lines_across_blank_ones(glossary):
    view = ChunkView(TRICKY, CheckContext(glossary).matcher)
    assert view.repeated_word_lines == {0, 7}


def test_blank_lines_include_lines_of_unicode_spaces(glossary):
    view = ChunkView(TRICKY, CheckContext(glossary).matcher)
    assert 1 not in view.non_blank_lines and 6 not in view.non_blank_lines
    assert view.non_blank_lines[:3] == [0, 2, 3]


def test_lines_with_words_finds_every_line_holding_a_word(glossary):
    view = ChunkView(TRICKY, CheckContext(glossary).matcher)
    assert view.lines_with_words({"xi'an", "jihua"}) == {0, 8}
    assert view.lines_with_words(set()) == set()


def test_duplicate_lines_that_differ_only_in_unicode_spaces_are_candidates(glossary):
    view = ChunkView(TRICKY, CheckContext(glossary).matcher)
    duplicate = next(c for c in select() if c.id == "duplicate-segment")
    assert duplicate.chunk_lines(view, CheckContext(glossary)) == {3, 4, 5}


@pytest.mark.parametrize("chunk_bytes", [50, 4096])
def test_streamed_tricky_text_gives_the_whole_file_findings(tmp_path, glossary, chunk_bytes):
    path = tmp_path / "tricky.txt"
    path.write_text(TRICKY * 3, "utf-8")
    checks = stream_checks(select())
    whole = check_document(read_document(str(path)).segments, CheckContext(glossary), checks)
    streamed = check_stream(str(path), CheckContext(glossary), checks, chunk_bytes=chunk_bytes).findings
    key = [(f.rule, f.line, f.column, f.message) for f in whole]
    assert [(f.rule, f.line, f.column, f.message) for f in streamed] == key
    assert {"repeated-word", "duplicate-segment", "pinyin", "unbalanced-brackets", "whitespace"} <= {f.rule for f in whole}


def _ascii_renderings(glossary, limit=400):
    forms = [r for e in glossary for r in (*e.approved, *e.forbidden) if r.isascii()]
    return sorted(set(forms))[:limit]


def test_block_term_hits_are_each_lines_own_hits(glossary):
    """The chunk's one scan gives every regular line exactly what find() gives it alone:
    renderings at line starts and ends, after CRLF, inside hyphenated words, in capitals,
    with tabs, touching punctuation."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    matcher = CheckContext(glossary).matcher
    renderings = _ascii_renderings(glossary)
    pieces = st.one_of(st.sampled_from(renderings), st.sampled_from(["the", "Xi", "party", "-", "a-", "(", "."]),
                       st.sampled_from(renderings).map(str.upper))  # fmt: skip
    joints = st.sampled_from([" ", "-", "\t", ", ", "", "\r"])
    line = st.lists(st.tuples(pieces, joints), min_size=1, max_size=6).map(lambda p: "".join(a + b for a, b in p))

    @settings(max_examples=300, deadline=None)
    @given(st.lists(line, min_size=1, max_size=8), st.booleans())
    def same(lines, crlf):
        text = ("\r\n" if crlf else "\n").join(lines) + "\n"
        view = ChunkView(text, matcher)
        by_line = view.line_term_hits
        for number, raw in enumerate(view.lines):
            if number in view.irregular_lines:
                continue
            assert by_line.get(number, []) == matcher.find(raw.rstrip("\r")), (number, raw)

    same()


def test_streamed_findings_reuse_the_block_scan(tmp_path, glossary, monkeypatch):
    """Regular lines are not matched again one by one."""
    from termguard.matching.automaton import TermMatcher

    text = "Officials curbed the Wenshan Huihai.\nThe Street office met.\nNothing here.\n" * 20
    path = tmp_path / "t.txt"
    path.write_text(text, "utf-8")
    checks = stream_checks(select())
    whole = check_document(read_document(str(path)).segments, CheckContext(glossary), checks)
    calls = []
    original = TermMatcher.find
    monkeypatch.setattr(TermMatcher, "find", lambda self, t: calls.append(t) or original(self, t))
    streamed = check_stream(str(path), CheckContext(glossary), checks, chunk_bytes=500).findings
    assert [(f.rule, f.line, f.column) for f in streamed] == [(f.rule, f.line, f.column) for f in whole]
    assert any(f.rule == "forbidden-rendering" for f in streamed) and calls == []


def test_spacing_keys_of_an_ascii_block_equal_the_duplicate_checks_comparison(glossary):
    """Blank lines and duplicate candidates come from per-line keys; in an ASCII block a
    key must be " ".join(line.split()) however the line is spaced (tabs, doubled spaces,
    form feeds, \\x1c-\\x1f, a CR inside or at the end, hyphens)."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    matcher = CheckContext(glossary).matcher
    line = st.text(alphabet=st.sampled_from(list("ab-.  \t\x0c\x1c\x1f\r\x0b")), max_size=12)

    @settings(max_examples=400, deadline=None)
    @given(st.lists(line, min_size=1, max_size=10))
    def same(lines):
        view = ChunkView("\n".join(lines) + "\n", matcher)
        assert view.is_ascii
        assert view.spacing_keys == [" ".join(raw.split()) for raw in view.lines]
        assert view.non_blank_lines == [i for i, raw in enumerate(view.lines) if raw.split()]

    same()


def test_word_scans_piece_by_piece_equal_a_line_by_line_reference(glossary, monkeypatch):
    """The block is tokenised a few lines at a time: wherever the pieces are cut, the
    word set and the repeated-word lines are those of each line's own tokens."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from termguard.checks import chunk

    matcher = CheckContext(glossary).matcher
    word = st.sampled_from(["the", "The", "jihua", "Xi'an", "and", "\u00e9t\u00e9", "\u6587\u5c71"])
    joint = st.sampled_from([" ", ", ", "  ", "-", "\t", "("])
    line = st.lists(st.tuples(word, joint), max_size=5).map(lambda p: "".join(a + b for a, b in p))

    @settings(max_examples=300, deadline=None)
    @given(st.lists(line, min_size=1, max_size=12), st.integers(min_value=0, max_value=40))
    def same(lines, piece):
        monkeypatch.setattr(chunk, "WORD_SCAN_PIECE", piece)
        view = ChunkView("\n".join(lines) + "\n", matcher)
        tokens = [word_tokens(raw) for raw in lines]
        assert view.word_set == {t for line_tokens in tokens for t in line_tokens}
        assert view.repeated_word_lines == {
            number for number, line_tokens in enumerate(tokens) if any(map(str.__eq__, line_tokens, line_tokens[1:]))
        }

    same()
