"""The TMX reader: source and target chosen by language code, inline markup, errors."""

from __future__ import annotations

import pytest

from termguard.errors import InputError
from termguard.formats import ReadOptions, read_document
from termguard.formats.languages import is_chinese, is_english
from tests.conftest import FIXTURES

TMX = FIXTURES / "formats"


def read(name: str, **options) -> list:
    return read_document(str(TMX / name), ReadOptions(**options)).segments


@pytest.mark.parametrize("code", ["zh", "zh-CN", "zh_CN", "zh-Hans", "zh_TW", "zh-Hant-TW", "ZH", "cmn", "zho"])
def test_chinese_codes(code):
    assert is_chinese(code) and not is_english(code)


@pytest.mark.parametrize("code", ["en", "en-US", "en_GB", "EN", "eng"])
def test_english_codes(code):
    assert is_english(code) and not is_chinese(code)


@pytest.mark.parametrize("code", ["", None, "fr", "ja", "ko", "zu", "hu"])
def test_other_codes_are_neither(code):
    assert not is_chinese(code) and not is_english(code)


def test_chinese_is_the_source_whatever_the_tuv_order():
    first, second = read("simplified-source.tmx")
    assert (first.source, first.target) == ("整治文山会海。", "Rectify Wenshan Huihai.")
    assert (first.source_lang, first.target_lang) == ("zh-CN", "en-US")
    assert second.source == '基层<ph x="1">{0}</ph>减负'
    assert second.target == 'Reduce <bpt i="1">&lt;b&gt;</bpt>burdens<ept i="1">&lt;/b&gt;</ept> {0}'


def test_units_without_the_target_language_are_skipped():
    assert [s.origin.entry for s in read("simplified-source.tmx")] == ["t1", "t2"]


def test_origin_is_the_target_seg_and_notes_suppress():
    first, second = read("simplified-source.tmx")
    line = (TMX / "simplified-source.tmx").read_text(encoding="utf-8").splitlines()[first.origin.line - 1]
    assert line[first.origin.column - 1 :].startswith("Rectify")
    assert second.suppressed == {"pinyin"} and first.suppressed == frozenset()


def test_traditional_chinese_source():
    (segment,) = read("traditional-source.tmx")
    assert segment.source == "整治文山會海" and segment.source_lang == "zh-Hant-TW"
    assert segment.target_lang == "en-GB"


def test_tmx_1_1_lang_attribute_and_target_option():
    assert read("three-languages.tmx")[0].target == "excessive documents and meetings"
    assert read("three-languages.tmx", target_lang="fr")[0].target == "montagnes de documents"


def test_header_srclang_makes_english_the_source():
    (segment,) = read("english-source.tmx")
    assert (segment.source, segment.target) == ("Open the file", "打开文件")
    assert (segment.source_lang, segment.target_lang) == ("en", "zh_CN")


def test_source_lang_option_overrides_the_header():
    (segment,) = read("english-source.tmx", source_lang="zh", target_lang="en")
    assert (segment.source, segment.target) == ("打开文件", "Open the file")


@pytest.mark.parametrize(
    ("name", "options", "words"),
    [
        ("no-chinese.tmx", {}, "no source language Chinese (zh)"),
        ("simplified-source.tmx", {"target_lang": "de"}, "no target language de"),
    ],
)
def test_a_missing_language_is_an_input_error(name, options, words):
    with pytest.raises(InputError) as caught:
        read(name, **options)
    assert words in str(caught.value) and "languages: " in str(caught.value)


def test_entity_declarations_are_refused(tmp_path):
    path = tmp_path / "bomb.tmx"
    path.write_text((TMX / "billion-laughs.xlf").read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(InputError, match="entities"):
        read_document(str(path))
