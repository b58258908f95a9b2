"""placeholder-mismatch, url-mismatch, email-mismatch: text that must pass through unchanged."""

from __future__ import annotations

import pytest

from termguard.checks.placeholders import EmailMismatch, PlaceholderMismatch, UrlMismatch, placeholders
from tests.checks.bilingual import fails, findings, passes

KEPT = [
    ("printf", "已为%d个社区减负", "Burdens reduced for %d communities"),
    ("printf reordered", "%s在%s考察", "In %s, %s made an inspection"),
    ("positional", "%1$s在%2$s考察", "%1$s inspected %2$s"),
    ("gettext reordering", "%s在%s考察", "In %2$s, %1$s made an inspection"),
    ("named placeholder repeated", "请修正%(field)s的重复数据", "Correct the duplicates of %(field)s; %(field)s must be unique"),
    ("brace list is no placeholder", "格式：{debug,info,warn}", "Form: {Debug, Info, Warn}"),
    ("usage metavariable translated", "git add <path>", "git add <路径>"),
    ("named printf", "已为%(count)d个社区减负", "Burdens reduced for %(count)d communities"),
    ("brace", "欢迎{name}", "Welcome, {name}"),
    ("numbered brace", "{0}个文件", "{0} documents"),
    ("icu plural", "{count, plural, other {# 个会议}}", "{count, plural, one {# meeting} other {# meetings}}"),
    ("xliff codes", '请<g id="1">点击</g>这里<x id="2"/>', 'Please <g id="1">click</g> here<x id="2"/>'),
    ("html alt translated", '<img src="a.png" alt="图片">', '<img src="a.png" alt="picture">'),
    ("percentage is no placeholder", "减少30%", "a 30% cut"),
    ("percent of", "会议减少三成", "30% of meetings were cut"),
    ("escaped percent", "100%%完成", "100%% done"),
]

BROKEN = [
    ("printf missing", "已为%d个社区减负", "Burdens reduced for communities"),
    ("printf changed", "已为%d个社区减负", "Burdens reduced for %s communities"),
    ("named changed", "已为%(count)d个社区减负", "Burdens reduced for %(num)d communities"),
    ("brace renamed", "欢迎{name}", "Welcome, {nombre}"),
    ("brace extra", "欢迎", "Welcome, {name}"),
    ("icu argument renamed", "{count, plural, other {# 个会议}}", "{n, plural, one {# meeting} other {# meetings}}"),
    ("xliff code lost", '请<g id="1">点击</g>这里<x id="2"/>', 'Please <g id="1">click</g> here'),
    ("xliff id changed", '这里<x id="2"/>', 'here<x id="3"/>'),
    ("tag translated", "<b>重要</b>", "<strong>Important</strong>"),
]


@pytest.mark.parametrize(("source", "target"), [c[1:] for c in KEPT], ids=[c[0] for c in KEPT])
def test_kept_placeholders_pass(source, target):
    assert passes(PlaceholderMismatch, source, target)


@pytest.mark.parametrize(("source", "target"), [c[1:] for c in BROKEN], ids=[c[0] for c in BROKEN])
def test_broken_placeholders_fail(source, target):
    assert fails(PlaceholderMismatch, source, target)


def test_changed_placeholder_suggests_the_source_form():
    [finding] = findings(PlaceholderMismatch, "已为%(count)d个社区减负", "Burdens reduced for %(num)d communities")
    assert finding.matched == "%(num)d"
    assert finding.suggestions == ("%(count)d",)


def test_icu_sub_messages_are_not_placeholders():
    keys = [p.key for p in placeholders("{count, plural, one {{name} meeting} other {# meetings}}")]
    assert keys == ["{count, plural}", "{name}"]


URLS_KEPT = [
    ("same url", "详见https://www.gov.cn/zhengce/。", "See https://www.gov.cn/zhengce/."),
    ("url with trailing bracket", "（见www.xinhuanet.com）", "(see www.xinhuanet.com)"),
    ("no urls", "为基层减负", "Reducing burdens at the primary level"),
    ("added address is deliberate", "详见政府网站", "See the government website, https://www.gov.cn/"),
    ("escaped markup around url", "见 &lt;https://www.gnucash.org/&gt;", "see &lt;https://www.gnucash.org/&gt;."),
]
URLS_BROKEN = [
    ("translated path", "详见https://www.gov.cn/zhengce/", "See https://www.gov.cn/policy/"),
    ("dropped", "详见https://www.gov.cn/zhengce/", "See the government website"),
    ("changed scheme", "详见https://www.gov.cn/", "See http://www.gov.cn/"),
]


@pytest.mark.parametrize(("source", "target"), [c[1:] for c in URLS_KEPT], ids=[c[0] for c in URLS_KEPT])
def test_kept_urls_pass(source, target):
    assert passes(UrlMismatch, source, target)


@pytest.mark.parametrize(("source", "target"), [c[1:] for c in URLS_BROKEN], ids=[c[0] for c in URLS_BROKEN])
def test_broken_urls_fail(source, target):
    assert fails(UrlMismatch, source, target)


def test_changed_url_suggests_the_source_url():
    [finding] = findings(UrlMismatch, "详见https://www.gov.cn/zhengce/", "See https://www.gov.cn/policy/")
    assert finding.suggestions == ("https://www.gov.cn/zhengce/",)


@pytest.mark.parametrize(
    ("source", "target", "ok"),
    [
        ("联系邮箱：jianfu@cq.gov.cn", "Contact: jianfu@cq.gov.cn", True),
        ("联系邮箱：jianfu@cq.gov.cn", "Contact: JianFu@cq.gov.cn.", True),
        ("联系邮箱：jianfu@cq.gov.cn", "Contact: jianfu@cq.gov.com", False),
        ("联系邮箱：jianfu@cq.gov.cn", "Contact us by e-mail", False),
        ("报告错误", "Report errors to i18n-zh@googlegroups.com", True),
    ],
    ids=["same", "case and full stop", "changed domain", "dropped", "added contact"],
)
def test_email_mismatch(source, target, ok):
    assert passes(EmailMismatch, source, target) is ok
