"""The PO/POT reader: one segment per msgstr, fuzzy/obsolete/plural handling, lines, errors."""

from __future__ import annotations

import polib
import pytest

from termguard.cli import main
from termguard.errors import InputError
from termguard.formats import ReadOptions, read_document
from tests.conftest import FIXTURES

PO = FIXTURES / "formats"


def read(name: str, **options) -> list:
    return read_document(str(PO / name), ReadOptions(**options)).segments


def test_plural_forms_are_one_segment_each_with_the_plural_source():
    first, second = read("plural.po")
    assert (first.target, first.source) == ("%d file", "%d 个文件")
    assert (second.target, second.source) == ("%d files", "%d 个文件（复数）")
    assert first.id.endswith("%d 个文件[0]") and second.id.endswith("%d 个文件[1]")
    assert (first.origin.line, second.origin.line) == (9, 10)


def test_fuzzy_entries_are_read_and_marked():
    fuzzy, plain = read("fuzzy.po")
    assert fuzzy.fuzzy and fuzzy.target == "Oppose formalism"
    assert not plain.fuzzy


def test_obsolete_entries_and_the_header_are_skipped():
    segments = read("obsolete.po")
    assert [s.source for s in segments] == ["文山会海"]


def test_untranslated_entry_is_a_segment_with_an_empty_target():
    empty, with_context = read("untranslated.po")
    assert empty.target == "" and empty.source == "基层减负"
    assert empty.origin.line == 6
    assert with_context.origin.entry == "标题\x04文山会海"


def test_origin_points_into_the_msgstr_string():
    segments = read("wrapped-glossary-error.po")
    first = segments[0]
    assert first.origin.line == 9
    assert first.origin.column == len('msgstr "') + 1
    text = (PO / "wrapped-glossary-error.po").read_text(encoding="utf-8")
    assert text[first.origin.offset :].startswith(first.target)


def test_wrapped_msgstr_is_joined_and_points_at_its_msgstr_line():
    wrapped = read("wrapped-glossary-error.po")[1]
    assert wrapped.target == "Grassroots officials still suffer from Wenshan Huihai."
    assert wrapped.origin.line == 13


def test_translator_comment_suppresses_named_rules_or_all():
    named, everything, ordinary = read("suppressed.po")
    assert named.suppressed == {"pinyin", "forbidden-rendering"}
    assert everything.suppressed == {"all"}
    assert ordinary.suppressed == frozenset()


def test_languages_of_a_chinese_source_po():
    segment = read("fuzzy.po")[0]
    assert (segment.source_lang, segment.target_lang) == ("zh", "en")


def test_languages_of_a_software_zh_cn_po_are_recorded():
    segment = read("software-zh_CN.po")[0]
    assert (segment.source, segment.target) == ("Open the file", "打开文件")
    assert (segment.source_lang, segment.target_lang) == ("en", "zh_CN")


def test_language_options_override_the_file():
    segment = read("software-zh_CN.po", source_lang="en-US", target_lang="zh-Hans")[0]
    assert (segment.source_lang, segment.target_lang) == ("en-US", "zh-Hans")


def test_pot_is_read_like_po():
    (segment,) = read("minimal.pot")
    assert segment.source == "文山会海" and segment.origin.line == 2


@pytest.mark.parametrize(
    ("name", "line", "words"),
    [("unterminated.po", 6, "unterminated string"), ("stray-text.po", 2, "not valid PO syntax")],
)
def test_malformed_po_is_an_input_error_with_its_line(name, line, words):
    with pytest.raises(InputError) as caught:
        read(name)
    assert caught.value.line == line
    assert words in caught.value.detail
    assert str(caught.value).startswith(str(PO / name))


def test_keyword_out_of_order_reports_polibs_line(tmp_path):
    path = tmp_path / "order.po"
    path.write_text('msgid "a"\nmsgid "b"\nmsgstr "c"\n', encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_document(str(path))
    assert caught.value.line == 2
    assert "Syntax error" not in str(caught.value)


def test_check_reports_the_msgstr_line_of_a_glossary_error(capsys):
    path = str(PO / "wrapped-glossary-error.po")
    code = main(["check", path])
    out = capsys.readouterr().out
    assert code == 1
    assert f"{path}:13:" in out and "Wenshan Huihai" in out
    assert f"{path}:19:" not in out  # suppressed by its translator comment
    assert f"{path}:9:" not in out  # the correct rendering


def test_malformed_po_on_the_command_line_is_one_line_exit_2(capsys):
    path = str(PO / "unterminated.po")
    assert main(["check", path]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and f"{path}:6:" in err


def test_every_real_zh_cn_po_reads_with_one_segment_per_msgstr(shared_data):
    files = sorted((shared_data / "po-zh_CN").glob("*.po"))
    assert files
    for path in files:
        catalog = polib.pofile(str(path))
        live = catalog.translated_entries() + catalog.untranslated_entries() + catalog.fuzzy_entries()
        expected = sum(len(e.msgstr_plural) if e.msgid_plural and e.msgstr_plural else 1 for e in live)
        segments = read_document(str(path)).segments
        assert len(segments) == expected, path.name
        assert sum(s.fuzzy for s in segments) == sum(
            len(e.msgstr_plural) if e.msgid_plural and e.msgstr_plural else 1 for e in catalog.fuzzy_entries()
        ), path.name
        assert {s.source_lang for s in segments} == {"en"}, path.name
