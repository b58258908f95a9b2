"""The source-aware and QA checks never crash and always report spans inside the target."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from termguard.checks import CheckContext, select
from termguard.engine import check_document
from tests.checks.bilingual import segment

PIECES = st.sampled_from(
    ["文山会海", "三十", "百分之", "1.2万", "两千", "年", "月", "日", "%d", "%(n)s", "{0}", "{n, plural, other {#}}",
     "<x id=\"1\"/>", "<g id=\"2\">", "</g>", "(", ")", "“", "”", "\"", "。", "？", "  ", " ", "the", "Wenshan",
     "Huihai", "30%", "12,000", "April", "https://www.gov.cn/", "a@b.cn", "一老一小", "Yilao", "十四五", "{", "}", "%"]
)  # fmt: skip
TEXT = st.lists(PIECES, max_size=12).map("".join)


@pytest.fixture(scope="module")
def context(glossary):
    return CheckContext(glossary)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(source=st.one_of(st.none(), TEXT), target=TEXT)
def test_checks_never_crash_and_spans_fit(context, source, target):
    for finding in check_document([segment(target, source)], context, select(enable=["length-ratio"])):
        assert 0 <= finding.start <= finding.end <= len(target)
