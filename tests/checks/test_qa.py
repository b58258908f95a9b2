"""The standard QA checks: empty, copied, doubled words, spacing, brackets, end
punctuation, length ratio."""

from __future__ import annotations

import pytest

from termguard.checks.qa import (
    EmptyTranslation,
    EndPunctuation,
    LengthRatio,
    RepeatedWord,
    SameAsSource,
    UnbalancedBrackets,
    Whitespace,
)
from tests.checks.bilingual import document, fails, findings, passes


def _table(rows):
    return pytest.mark.parametrize(("source", "target", "ok"), [r[1:] for r in rows], ids=[r[0] for r in rows])


@_table([
    ("translated", "为基层减负", "Reducing burdens at the primary level", True),
    ("empty", "为基层减负", "", False),
    ("blank", "为基层减负", "  ", False),
    ("empty source too", "", "", True),
])  # fmt: skip
def test_empty_translation(source, target, ok):
    assert passes(EmptyTranslation, source, target) is ok


@_table([
    ("copied chinese", "精文减会", "精文减会", False),
    ("copied with spaces", "精文减会 ", " 精文减会", False),
    ("number stays", "2024", "2024", True),
    ("url stays", "https://www.gov.cn", "https://www.gov.cn", True),
    ("code stays", "GB/T 7714", "GB/T 7714", True),
    ("translated", "精文减会", "streamlining documents and meetings", True),
])  # fmt: skip
def test_same_as_source(source, target, ok):
    assert passes(SameAsSource, source, target) is ok


@_table([
    ("the the", None, "reduce the the burden", False),
    ("across a line break is still doubled", None, "the\nthe burden", True),
    ("capitalised at sentence start", None, "The the burden was reduced.", False),
    ("had had", None, "He had had enough of meetings.", True),
    ("that that", None, "He said that that was wrong.", True),
    ("reduplicated name", None, "Photographed by Yan Yan, a reporter", True),
    ("separated by comma", None, "Reduce, reduce and reduce.", True),
    ("different words", None, "reduce the burden", True),
    ("with a source too", "减负", "reduce reduce burdens", False),
])  # fmt: skip
def test_repeated_word(source, target, ok):
    assert passes(RepeatedWord, source, target) is ok


def test_repeated_word_suggests_deleting_the_second():
    [finding] = findings(RepeatedWord, None, "reduce the the burden")
    assert finding.segment.target[: finding.start] + finding.suggestions[0] + finding.segment.target[finding.end :] == (
        "reduce the burden"
    )


@_table([
    ("single spaces", None, "reduce the burden", True),
    ("doubled space", None, "reduce  the burden", False),
    ("doubled space monolingual only inside", None, "  indented paragraph", True),
    ("leading space added", "减负", " Reduce burdens", False),
    ("trailing space kept", "减负 ", "Reduce burdens ", True),
    ("trailing space lost", "减负 ", "Reduce burdens", False),
    ("no edges", "减负", "Reduce burdens", True),
    ("columns aligned in the source", "-c  格式", "-c  format", True),
    ("chinese target needs no spaces", " (backup: %s)", "（备份：%s）", True),
])  # fmt: skip
def test_whitespace(source, target, ok):
    assert passes(Whitespace, source, target) is ok


@_table([
    ("balanced", None, 'the "last mile" of implementation (in Chongqing)', True),
    ("curly quotes", None, "the \u201clast mile\u201d of implementation", True),
    ("unclosed straight quote", None, 'the "last mile of implementation', False),
    ("unclosed parenthesis", None, "the centre (in Chongqing of the city", False),
    ("stray closing bracket", None, "the centre in Chongqing] of the city", False),
    ("unclosed curly quote", None, "the \u201clast mile of implementation", False),
    ("apostrophes are not quotes", None, "the cadres\u2019 pay and the Party\u2019s conduct", True),
    ("enumerator", None, "1) fewer documents 2) fewer meetings", True),
    ("title brackets", None, "\u300a\u4eba\u6c11\u65e5\u62a5\u300b", True),
    ("source has the same imbalance", "\u201c\u8981\u6301\u7eed\u51cf\u8d1f", "\u201cWe must keep reducing burdens", True),
    ("only punctuation", "`", '"', True),
    ("source balanced", "\u201c\u51cf\u8d1f\u201d", "\u201cReduce burdens", False),
])  # fmt: skip
def test_unbalanced_brackets(source, target, ok):
    assert passes(UnbalancedBrackets, source, target) is ok


@_table([
    ("both end", "要持续为基层减负。", "We must keep reducing burdens.", True),
    ("target lacks full stop", "要持续为基层减负。", "We must keep reducing burdens", False),
    ("closing quote ignored", "他说：\u201c要减负。\u201d", "He said: \u201cReduce burdens.\u201d", True),
    ("question", "如何减负？", "How can burdens be reduced?", True),
    ("question lost", "如何减负？", "How burdens can be reduced.", False),
    ("exclamation as full stop", "减负！", "Reduce burdens.", True),
    ("heading", "从方向上\u201c解题\u201d", "Solving the problem from the direction", True),
    ("full stop on heading", "为基层减负", "Reducing burdens at the primary level.", False),
    ("ellipsis", "等等。", "and so on...", True),
    ("abbreviation on a heading", "重庆某某有限公司", "Chongqing Example Co., Ltd.", True),
])  # fmt: skip
def test_end_punctuation(source, target, ok):
    assert passes(EndPunctuation, source, target) is ok


def test_end_punctuation_suggests_the_missing_mark():
    [finding] = findings(EndPunctuation, "如何减负？", "How can burdens be reduced")
    assert (finding.start, finding.end, finding.suggestions) == (26, 26, ("?",))


def test_monolingual_checks_run_without_a_source_and_bilingual_ones_do_not():
    assert fails(RepeatedWord, None, "the the")
    assert fails(UnbalancedBrackets, None, "(the")
    assert fails(Whitespace, None, "the  end")
    assert passes(EndPunctuation, None, "no end")
    assert passes(EmptyTranslation, None, "")


NORMAL = [(f"第{i}项工作要持续为基层减负。", f"Task {i}: keep reducing burdens at the primary level.") for i in range(12)]


def test_length_ratio_flags_a_truncated_translation():
    pairs = [*NORMAL, ("上午，习近平来到九龙坡区谢家湾街道民主村社区，走进党群服务中心，了解情况。", "In the morning.")]
    flagged = document(LengthRatio, pairs)
    assert [f.segment.target for f in flagged] == ["In the morning."]


def test_length_ratio_leaves_a_normal_file_alone():
    assert document(LengthRatio, NORMAL) == []


def test_length_ratio_needs_ten_segments():
    pairs = [*NORMAL[:5], ("上午，习近平来到九龙坡区谢家湾街道民主村社区，走进党群服务中心。", "In the morning.")]
    assert document(LengthRatio, pairs) == []


def test_length_ratio_is_off_by_default():
    assert LengthRatio.enabled_by_default is False
