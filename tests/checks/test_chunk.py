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
