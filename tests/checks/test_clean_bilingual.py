"""Precision: correct bilingual translations from the sample's domain raise nothing from
the source-aware and QA checks (names, dates, numbers, official renderings)."""

from __future__ import annotations

import pytest

from termguard import check_segments
from termguard.checks import select
from termguard.model import Origin, Segment

SOURCE_AWARE = {
    "missing-term", "transliterated-term", "inconsistent-translation", "number-mismatch",
    "placeholder-mismatch", "url-mismatch", "email-mismatch", "empty-translation", "same-as-source",
    "end-punctuation", "length-ratio", "repeated-word", "whitespace", "unbalanced-brackets", "pinyin",
}  # fmt: skip

PAIRS = [
    ("2024年4月22日下午，习近平总书记来到重庆市九龙坡区谢家湾街道民主村社区考察。",
     "On the afternoon of April 22, 2024, General Secretary Xi Jinping visited the Minzhu Village community in Xiejiawan Subdistrict, Jiulongpo District, Chongqing."),
    ("中共中央办公厅印发《关于整治形式主义为基层减负若干规定》。",
     "The General Office of the CPC Central Committee issued the \"Regulations on Rectifying Formalism and Reducing Burdens at the Primary Level\"."),
    ("各地持续精文减会，发文数量同比下降30%。",
     "Localities kept streamlining documents and meetings, and the number of documents fell 30% year on year."),
    ("重庆推行“一表通”，数据一次填报、多端共享。",
     "Chongqing introduced one-form reporting: data are entered once and shared across platforms."),
    ("要坚决防止简单化、一刀切。",
     "Oversimplified, one-size-fits-all approaches must be resolutely avoided."),
    ("社区要做好一老一小服务。",
     "Communities should serve the elderly and children well."),
    ("党纪学习教育于2024年4月至7月在全党开展。",
     "The Party discipline education campaign was held throughout the Party from April to July 2024."),
    ("彭晓玲：学思践悟，持续为基层减负",
     "Peng Xiaoling: Learn, reflect and act to keep reducing burdens at the primary level"),
    ("全面从严治党永远在路上。",
     "Full and rigorous self-governance of the Party is always a work in progress."),
    ("中央军委主席习近平在湖南常德考察。",
     "Xi Jinping, Chairman of the Central Military Commission, made an inspection in Changde, Hunan."),
    ("上海推行“四减”，即减证明、减制度、减考核、减挂牌。",
     "Shanghai introduced the \"four reductions\": fewer certificates, rules, evaluations and plaques."),
    ("文件压减1.2万件，会议减少三成。",
     "Documents were cut by 12,000 and meetings by 30 percent."),
    ("两千多名社区干部参加了培训。",
     "More than 2,000 community officials took part in the training."),
    ("党的二十大以来，推动高质量发展取得新成效。",
     "Since the 20th CPC National Congress, high-quality development has made new progress."),
    ("基层是服务群众的最前沿，也是政策落实的“最后一公里”。",
     "The primary level is the forefront of serving the people and the \"last mile\" of policy implementation."),
    ("要打好减负组合拳，重拳整治文山会海。",
     "We must use a combination of measures to reduce burdens and take tough measures against excessive documents and meetings."),
]


@pytest.fixture(scope="module")
def flagged(glossary):
    segments = [Segment(f"clean:{i}", t, Origin("clean.po", i + 1), source=s) for i, (s, t) in enumerate(PAIRS)]
    everything = select(enable=["length-ratio"])
    return [f for f in check_segments(segments, glossary, everything) if f.rule in SOURCE_AWARE]


@pytest.mark.parametrize(("index", "target"), [(i, t) for i, (_, t) in enumerate(PAIRS)], ids=[t[:40] for _, t in PAIRS])
def test_correct_translation_is_not_flagged(index, target, flagged):
    assert [f.message for f in flagged if f.segment.id == f"clean:{index}"] == []
