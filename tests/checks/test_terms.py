"""missing-term, transliterated-term, inconsistent-translation: term checks that read the source."""

from __future__ import annotations

import pytest

from termguard.checks.terms import InconsistentTranslation, MissingTerm, TransliteratedTerm
from termguard.checks.transliteration import Pinyin
from tests.checks.bilingual import document, findings


def _table(rows):
    return pytest.mark.parametrize(("source", "target", "ok"), [r[1:] for r in rows], ids=[r[0] for r in rows])


@_table([
    ("paraphrase instead of term", "打好减负组合拳", "deliver a series of punches to reduce burdens", False),
    ("term dropped", "运用精文减会组合拳", "use measures to reduce burdens", False),
    ("approved rendering", "打好减负组合拳", "deliver a package of measures to reduce burdens", True),
    ("second approved rendering", "打好减负组合拳", "apply a policy mix", True),
    ("case and hyphens", "防止一刀切", "prevent the One Size Fits All approach", True),
    ("content words close together", "坚决防止简单化、一刀切", "avoid oversimplified, one-size-fits-all approaches", True),
    ("auxiliary between words", "一次填报、多端共享", "data are entered once and shared across platforms", True),
    ("plural of last word", "推行一表通", "introduce single reporting forms", True),
    ("verb inflection of last word", "深化减负增效", "keep reducing burdens and improving efficiency", True),
    ("forbidden rendering is left to forbidden-rendering", "打好组合拳", "use combination boxing", True),
    ("untranslated term is left to untranslated-han", "打好组合拳", "use 组合拳", True),
    ("transliteration is left to transliterated-term", "做好一老一小服务", "serve Yilao Yixiao", True),
    ("place names are not checked", "民主村社区", "the democratic community", True),
    ("reference entries are not checked", "基层干部", "local officials", True),
    ("context-dependent terms are not checked", "街道两旁", "both sides of the road", True),
])  # fmt: skip
def test_missing_term(source, target, ok, glossary):
    assert (findings(MissingTerm, source, target, glossary) == []) is ok


def test_missing_term_suggests_the_approved_rendering_over_the_whole_target(glossary):
    target = "deliver a series of punches to reduce burdens"
    [finding] = findings(MissingTerm, "打好减负组合拳", target, glossary)
    assert (finding.start, finding.end) == (0, len(target))
    assert finding.suggestions[0] == "combination of measures"
    assert finding.entry_id == "combination-of-measures"
    assert "组合拳" in finding.message


@_table([
    ("glossary term spaced", "做好一老一小服务", "serve Yilao Yixiao", False),
    ("glossary term hyphenated", "做好一老一小服务", "serve Yilao-Yixiao", False),
    ("glossary term closed up", "做好一老一小服务", "serve yilaoyixiao", False),
    ("source word not in glossary", "全面建成小康社会", "build a Xiaokang society in all respects", False),
    ("translated", "做好一老一小服务", "serve the elderly and children", True),
    ("person name", "习近平总书记", "General Secretary Xi Jinping", True),
    ("gazetteer name", "重庆市九龙坡区", "Jiulongpo District, Chongqing", True),
    ("place entry", "民主村社区", "the Minzhu Village community", True),
    ("name before a unit word", "谢家湾街道", "Xiejiawan Subdistrict", True),
    ("forbidden rendering is left to forbidden-rendering", "整治文山会海", "rectify Wenshan Huihai", True),
    ("place name known to jieba", "坚持发展枫桥经验", "uphold the Fengqiao experience", True),
    ("another source word", "坚持党建引领", "uphold Dangjian guidance", False),
])  # fmt: skip
def test_transliterated_term(source, target, ok, glossary):
    assert (findings(TransliteratedTerm, source, target, glossary) == []) is ok


def test_transliterated_glossary_term_gets_the_approved_suggestion(glossary):
    [finding] = findings(TransliteratedTerm, "做好一老一小服务", "serve Yilao-Yixiao well", glossary)
    assert finding.matched == "Yilao-Yixiao"
    assert finding.suggestions[0] == "the elderly and children"


def test_pinyin_defers_to_transliterated_term_when_there_is_a_source(glossary):
    target = "build a Xiaokang society in all respects"
    assert [f.matched for f in findings(Pinyin, None, target, glossary)] == ["Xiaokang"]
    assert findings(Pinyin, "全面建成小康社会", target, glossary) == []
    assert [f.matched for f in findings(TransliteratedTerm, "全面建成小康社会", target, glossary)] == ["Xiaokang"]


def test_term_rendered_two_ways_in_a_file(glossary):
    pairs = [
        ("为基层减负", "reducing burdens at the primary level"),
        ("基层干部很忙", "grass-roots officials are busy"),
        ("基层治理", "primary-level governance"),
    ]
    [finding] = document(InconsistentTranslation, pairs, glossary)
    assert finding.matched == "grass-roots"
    assert finding.suggestions == ("primary level",)


def test_spelling_variants_of_one_rendering_are_left_to_inconsistent_rendering(glossary):
    pairs = [("基层干部", "grass-roots officials"), ("基层治理", "grassroots governance")]
    assert document(InconsistentTranslation, pairs, glossary) == []


def test_same_source_translated_differently(glossary):
    pairs = [
        ("为基层减负", "Reducing burdens at the primary level"),
        ("为基层减负", "Reducing burdens at the primary level"),
        ("为基层减负", "Easing the burden on community-level officials"),
    ]
    flagged = document(InconsistentTranslation, pairs, glossary)
    sentence = [f for f in flagged if f.entry_id is None]
    assert [f.segment.origin.line for f in sentence] == [3]
    assert sentence[0].suggestions == ("Reducing burdens at the primary level",)


def test_on_a_tie_the_translation_without_wrong_renderings_wins(glossary):
    pairs = [
        ("整治文山会海", "Rectify Wenshan Huihai"),
        ("整治文山会海", "Rectify excessive documents and meetings"),
    ]
    [finding] = [f for f in document(InconsistentTranslation, pairs, glossary) if f.entry_id is None]
    assert finding.segment.target == "Rectify Wenshan Huihai"
    assert finding.suggestions == ("Rectify excessive documents and meetings",)


def test_consistent_file_passes(glossary):
    pairs = [("为基层减负", "Reducing burdens at the primary level"), ("基层治理", "primary-level governance")] * 2
    assert document(InconsistentTranslation, pairs, glossary) == []


def test_monolingual_segments_are_ignored(glossary):
    from termguard.checks import CheckContext
    from termguard.engine import check_document
    from tests.checks.bilingual import segment

    segments = [segment("grass-roots officials", line=1), segment("primary-level officials", line=2)]
    assert check_document(segments, CheckContext(glossary), [InconsistentTranslation()]) == []
