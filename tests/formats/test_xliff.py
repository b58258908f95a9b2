"""The XLIFF reader: 1.2 and 2.x units, inline markup kept, positions, safe parsing."""

from __future__ import annotations

import pytest

from termguard.cli import main
from termguard.errors import InputError
from termguard.formats import ReadOptions, read_document
from tests.conftest import FIXTURES

XLF = FIXTURES / "formats"


def read(name: str, **options) -> list:
    return read_document(str(XLF / name), ReadOptions(**options)).segments


def by_entry(name: str) -> dict:
    return {s.origin.entry: s for s in read(name)}


def test_inline_tags_stay_as_their_markup_without_namespaces():
    segment = by_entry("inline-tags.xlf")["p1"]
    assert segment.source == '坚决整治<g id="1">文山会海</g><x id="2"/>'
    assert segment.target == 'Resolutely rectify <g id="1">excessive documents &amp; meetings</g><x id="2"/>'


def test_paired_codes_keep_their_escaped_content():
    segment = by_entry("inline-tags.xlf")["p2"]
    assert segment.target == 'Reduce <bpt id="4">&lt;b&gt;</bpt>burdens<ept id="4">&lt;/b&gt;</ept> {0}'
    assert segment.source == '基层<ph id="3">{0}</ph>减负'


def test_plain_text_is_unescaped(tmp_path):
    path = tmp_path / "amp.xlf"
    path.write_text('<xliff version="1.2"><file source-language="zh" target-language="en"><body>'
                    '<trans-unit id="1"><source>研发</source><target>R&amp;D</target></trans-unit>'
                    "</body></file></xliff>", encoding="utf-8")  # fmt: skip
    assert read_document(str(path)).segments[0].target == "R&D"


def test_untranslatable_units_are_skipped_and_missing_targets_are_empty():
    units = by_entry("inline-tags.xlf")
    assert "p3" not in units
    assert units["p4"].target == "" and units["p4"].source == "未翻译的段落"


def test_needs_review_state_is_fuzzy():
    units = by_entry("inline-tags.xlf")
    assert units["p2"].fuzzy and not units["p1"].fuzzy


def test_origin_is_where_the_target_text_starts():
    units = by_entry("inline-tags.xlf")
    lines = (XLF / "inline-tags.xlf").read_text(encoding="utf-8").splitlines()
    for unit in ("p1", "p2", "p5"):
        origin = units[unit].origin
        assert lines[origin.line - 1][origin.column - 1 :].startswith(units[unit].target[:10]), unit


def test_note_suppresses_rules_on_its_unit():
    units = by_entry("inline-tags.xlf")
    assert units["p5"].suppressed == {"forbidden-rendering", "pinyin"}
    assert units["p1"].suppressed == frozenset()


def test_languages_come_from_the_file_attributes():
    segment = by_entry("inline-tags.xlf")["p1"]
    assert (segment.source_lang, segment.target_lang) == ("zh-CN", "en-US")
    overridden = read("inline-tags.xlf", target_lang="en-GB")[0]
    assert overridden.target_lang == "en-GB"


def test_seg_source_gives_one_segment_per_marked_segment():
    first, second = read("seg-source.xlf")
    assert (first.origin.entry, first.source, first.target) == ("u1#1", "要整治文山会海。", "Rectify Wenshan Huihai.")
    assert (second.origin.entry, second.target) == ("u1#2", "Grassroots officials work hard.")
    assert first.origin.line == second.origin.line == 8
    assert second.origin.column > first.origin.column


def test_xliff_2_segments_units_in_groups_and_languages():
    units = by_entry("xliff2.xlf")
    assert set(units) == {"u1#s1", "u1#s2", "u2"}
    assert units["u1#s1"].target == 'the problem of <pc id="1">excessive meetings</pc><ph id="2"/>'
    assert units["u1#s2"].target == "Reduce burdens\nat the grassroots"
    assert units["u2"].suppressed == {"all"}
    assert (units["u2"].source_lang, units["u2"].target_lang) == ("zh-Hans", "en")


def test_multiline_target_maps_later_characters_to_later_lines():
    segment = by_entry("xliff2.xlf")["u1#s2"]
    assert segment.position(segment.target.index("at the")) == (segment.origin.line + 1, 1)


@pytest.mark.parametrize("name", ["billion-laughs.xlf", "external-entity.xlf"])
def test_entity_declarations_are_refused_before_parsing(name):
    with pytest.raises(InputError) as caught:
        read(name)
    assert caught.value.line == 3
    assert "entities" in caught.value.detail


def test_external_dtd_is_never_fetched():
    (segment,) = read("external-dtd.xlf")
    assert segment.target == "excessive meetings"


def test_malformed_xml_names_the_line():
    with pytest.raises(InputError) as caught:
        read("broken.xlf")
    assert caught.value.line == 3 and "not well-formed XML" in caught.value.detail


def test_other_xml_is_not_taken_for_xliff(tmp_path):
    path = tmp_path / "other.xlf"
    path.write_text("<html><body/></html>", encoding="utf-8")
    with pytest.raises(InputError, match="not an XLIFF file"):
        read_document(str(path))


def test_check_on_xliff_reports_the_target_position(capsys):
    path = str(XLF / "seg-source.xlf")
    assert main(["check", path]) == 1
    out = capsys.readouterr().out
    assert f"{path}:8:50:" in out and "Wenshan Huihai" in out


def test_unsafe_xliff_on_the_command_line_exits_2(capsys):
    path = str(XLF / "billion-laughs.xlf")
    assert main(["check", path]) == 2
    assert f"{path}:3:" in capsys.readouterr().err
