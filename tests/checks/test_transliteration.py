"""untranslated-han and pinyin on small segments."""

from __future__ import annotations

from termguard.checks.context import CheckContext
from termguard.checks.transliteration import Pinyin, UntranslatedHan
from termguard.model import Origin, Segment


def run(check, text, glossary, **fields):
    segment = Segment("s", text, Origin("t.txt", 1), **fields)
    return [f.matched for f in check.check_segment(segment, CheckContext(glossary))]


def test_chinese_left_in_english_is_flagged(glossary):
    assert run(UntranslatedHan(), "The campaign against 文山会海 continued.", glossary) == ["文山会海"]


def test_chinese_targets_are_not_untranslated(glossary):
    assert run(UntranslatedHan(), "打开文件", glossary, target_lang="zh_CN") == []


def test_unknown_pinyin_phrase_is_flagged_but_names_are_not(glossary):
    assert run(Pinyin(), "They promoted Haokan Duoxue in Jiulongpo District.", glossary) == ["Haokan Duoxue"]
    assert run(Pinyin(), "Peng Xiaoling visited Chongqing and Xiejiawan Subdistrict.", glossary) == []
    assert run(Pinyin(), "The gang would die to hang the pan.", glossary) == []
