"""number-mismatch: numbers compared by value between the Chinese source and the target."""

from __future__ import annotations

import pytest

from termguard.checks.numbers import NumberMismatch, source_numbers, target_numbers
from tests.checks.bilingual import fails, findings, passes

SAME = [
    ("digits", "共有30个社区。", "There are 30 communities."),
    ("chinese tens", "共有三十个社区。", "There are 30 communities."),
    ("percent sign", "会议减少30%。", "Meetings fell by 30%."),
    ("percent word", "会议减少30%。", "Meetings fell by 30 percent."),
    ("bai fen zhi", "会议减少百分之三十。", "Meetings fell by 30 per cent."),
    ("san cheng", "会议减少三成。", "Meetings fell by 30 percent."),
    ("liang qian", "两千名干部参加。", "Two thousand cadres took part."),
    ("liang qian digits", "两千名干部参加。", "2,000 cadres took part."),
    ("wan", "文件压减1.2万件。", "Documents were cut by 12,000."),
    ("wan space separator", "文件压减1.2万件。", "Documents were cut by 12 000."),
    ("wan as million", "惠及120万人。", "It benefits 1.2 million people."),
    ("yi", "投入3亿元。", "It invested 300 million yuan."),
    ("month name", "2024年4月22日下午", "On the afternoon of April 22, 2024"),
    ("date range", "2024年4月22日至24日", "From April 22 to 24, 2024"),
    ("ordinal day", "22日下午", "On the afternoon of the 22nd"),
    ("chinese year", "二〇二四年", "In 2024"),
    ("congress ordinal", "党的二十大以来", "Since the 20th CPC National Congress"),
    ("five-year plan", "十四五时期", "During the 14th Five-Year Plan period"),
    ("first as word", "第一次会议", "The first meeting"),
    ("idiom numerals", "坚决防止一刀切，做好一老一小服务", "Prevent one-size-fits-all approaches; serve the elderly and children"),
    ("very not ten", "这十分重要。", "This is very important."),
    ("vague dozens", "数十个部门", "Dozens of departments"),
    ("small word number", "减少3个表格", "Three forms were removed"),
    ("quarter licensed by single numeral", "第一季度", "In Q 1"),
    ("chinese decimal", "增长零点五个百分点", "up 0.5 percentage points"),
    ("thirds", "占三分之一", "accounts for one third"),
    ("billions", "14亿人", "1.4 billion people"),
    ("digits of a name", "五四精神", "the May 4th spirit"),
    ("year abbreviation", "九二共识", "the 1992 Consensus"),
    ("centenary", "两个一百年奋斗目标", "the Two Centenary Goals"),
    ("time of day", "2024年04月27日09:03", "09:03, April 27, 2024"),
]

DIFFERENT = [
    ("wrong percent", "会议减少30%。", "Meetings fell by 13%."),
    ("wrong year", "2024年", "In 2023"),
    ("missing figure", "文件压减1.2万件。", "Many documents were cut."),
    ("wrong scale", "惠及120万人。", "It benefits 1.2 billion people."),
    ("wrong chinese tens", "共有三十个社区。", "There are 13 communities."),
    ("extra figure", "会议明显减少。", "Meetings fell by 40%."),
    ("wrong day", "4月22日", "On April 23"),
]


@pytest.mark.parametrize(("source", "target"), [c[1:] for c in SAME], ids=[c[0] for c in SAME])
def test_same_numbers_pass(source, target):
    assert passes(NumberMismatch, source, target)


@pytest.mark.parametrize(("source", "target"), [c[1:] for c in DIFFERENT], ids=[c[0] for c in DIFFERENT])
def test_different_numbers_fail(source, target):
    assert fails(NumberMismatch, source, target)


def test_changed_number_is_one_finding_at_the_target_number():
    [finding] = findings(NumberMismatch, "会议减少30%。", "Meetings fell by 13%.")
    assert finding.matched == "13%"
    assert finding.suggestions == ("30%",)


def test_extra_number_is_flagged_at_its_span():
    extra = findings(NumberMismatch, "会议明显减少。", "Meetings fell by 40%.")
    assert [f.matched for f in extra] == ["40%"]


def test_missing_number_names_the_source_number():
    [finding] = findings(NumberMismatch, "文件压减1.2万件。", "Many documents were cut.")
    assert "1.2万" in finding.message
    assert finding.suggestions == ()


def test_monolingual_segments_are_skipped():
    assert passes(NumberMismatch, None, "Meetings fell by 13%.")


@pytest.mark.parametrize(
    ("text", "values"),
    [("百分之三十", {30}), ("1.2万", {12000}), ("两千", {2000}), ("二〇二四年", {2024}), ("第十四", {14})],
)
def test_source_values(text, values):
    numbers = [n for n in source_numbers(text) if n.required]
    assert set().union(*(n.values for n in numbers)) == values


@pytest.mark.parametrize(
    ("text", "value"),
    [("12,000", 12000), ("12 000", 12000), ("1.2 million", 1_200_000), ("30 percent", 30), ("14th", 14), ("two thousand", 2000)],
)
def test_target_values(text, value):
    assert value in set().union(*(n.values for n in target_numbers(text)))
