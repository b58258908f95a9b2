"""``termguard score`` end to end: tables, JSON, paired systems, before/after, bad input."""

from __future__ import annotations

import json
import shutil

import pytest

from termguard.cli import main
from termguard.engine import check_segments
from termguard.formats import READERS
from termguard.model import Origin, Segment
from termguard.scoring.inputs import read_segments, targets
from termguard.scoring.metrics import corpus_scores
from tests.conftest import FIXTURES

DATA = FIXTURES / "scoring"
MT, MT_B = str(DATA / "mt.en.txt"), str(DATA / "mt-b.en.txt")
REF, SRC = str(DATA / "reference.en.txt"), str(DATA / "source.zh.txt")
GLOSSARY = ["--no-default-glossary", "--glossary", str(DATA / "glossary.toml")]


def score_json(capsys, *args: str) -> dict:
    code = main(["score", "--format", "json", *GLOSSARY, *args])
    assert code == 0
    return json.loads(capsys.readouterr().out)


def by_key(items: list[dict], key: str) -> dict:
    return {item[key]: item for item in items}


def test_json_report_has_corpus_terminology_and_sentence_scores(capsys):
    report = score_json(capsys, "--hyp", MT, "--ref", REF, "--src", SRC)
    system = report["systems"][0]
    corpus = by_key(system["corpus"], "name")
    expected = corpus_scores(targets(read_segments(MT)), targets(read_segments(REF)))
    assert [corpus[s.name]["score"] for s in expected] == [round(s.score, 4) for s in expected]
    terms = by_key(system["terminology"], "id")
    # 11 source terms; the MT gets 文山会海 and 一刀切 right in line 6 only.
    assert terms["term-acc"]["counts"] == {"correct": 3, "total": 12}
    assert terms["forbidden-per-1k"]["counts"]["forbidden"] == 7
    assert terms["term-consistency"]["counts"] == {"consistent": 0, "repeated_terms": 2}
    lines = [s["line"] for s in system["sentence_chrf"]]
    assert sorted(lines) == list(range(1, 9))
    assert system["sentence_chrf"][0]["chrf"] <= system["sentence_chrf"][-1]["chrf"]


def test_terminal_table_lists_scores_signatures_and_worst_segments(capsys):
    assert main(["score", "--hyp", MT, "--ref", REF, "--src", SRC, "--worst", "2", *GLOSSARY]) == 0
    out = capsys.readouterr().out
    assert "BLEU ↑" in out and "Term accuracy (exact match) ↑" in out and "25.0" in out
    assert "BLEU: nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:" in out
    assert "Worst segments by chrF" in out
    worst = out.split("Worst segments by chrF")[1]
    assert "fine text reduction meeting" in worst  # line 2, the worst
    assert "Gridded management" not in worst  # the best line is not among the worst 2


def test_without_source_terminology_metrics_say_why(capsys):
    report = score_json(capsys, "--hyp", MT, "--ref", REF)
    terms = by_key(report["systems"][0]["terminology"], "id")
    assert terms["term-acc"]["score"] is None
    assert "source" in terms["term-acc"]["reason"]
    assert terms["forbidden-per-1k"]["score"] > 0


def test_confidence_intervals(capsys):
    report = score_json(capsys, "--hyp", MT, "--ref", REF, "--confidence", "--confidence-n", "50")
    for score in report["systems"][0]["corpus"]:
        assert score["ci"] > 0 and "bs:50" in score["signature"]


def test_two_systems_paired_bootstrap(capsys):
    report = score_json(capsys, "--hyp", MT, "--hyp", MT_B, "--ref", REF, "--src", SRC, "--confidence-n", "100")
    assert report["mode"] == "paired"
    first, second = report["systems"]
    assert all("p_value" not in s for s in first["corpus"])
    assert all(s["p_value"] < 0.05 for s in second["corpus"])
    assert report["delta"]["term-acc"] > 0 and report["delta"]["TER"] < 0


def test_before_after_applies_the_review(tmp_path, capsys, glossary):
    findings = check_segments(read_segments(MT), glossary)
    decisions = [{"fingerprint": f.fingerprint, "rule": f.rule, "entry_id": f.entry_id, "path": f.path,
                  "matched": f.matched, "decision": "accepted", "replacement": None}
                 for f in findings if f.rule == "forbidden-rendering"]  # fmt: skip
    decisions[0]["decision"] = "rejected"  # Wenshan Huihai stays
    review = tmp_path / "review.json"
    review.write_text(json.dumps({"decisions": decisions}), encoding="utf-8")
    report = score_json(capsys, "--hyp", MT, "--ref", REF, "--src", SRC, "--before-after", str(review))
    assert report["mode"] == "before-after"
    assert report["review"]["applied"] == len(decisions) - 1
    mt, reviewed = (by_key(s["terminology"], "id") for s in report["systems"])
    assert mt["forbidden-per-1k"]["counts"]["forbidden"] == 7
    assert reviewed["forbidden-per-1k"]["counts"]["forbidden"] == 1
    assert reviewed["term-acc"]["counts"]["correct"] > mt["term-acc"]["counts"]["correct"]
    assert report["delta"]["chrF++"] > 0
    line_1 = next(s for s in report["systems"][1]["sentence_chrf"] if s["line"] == 1)
    assert "Wenshan Huihai" in line_1["hypothesis"]

    assert main(["score", "--hyp", MT, "--ref", REF, "--src", SRC, "--before-after", str(review)]) == 0
    out = capsys.readouterr().out
    assert "Δ" in out and "Reviewed" in out and f"{len(decisions) - 1} change(s) applied" in out


def test_bilingual_files_give_their_sources(tmp_path, capsys, monkeypatch):
    """Any reader in termguard.formats that yields sources works; a toy reader stands in."""

    def read_pairs(path, text, options=None):
        pairs = [line.split("\t") for line in text.splitlines()]
        return [Segment(f"{path}:{n}", tgt, Origin(path, n), source=src) for n, (src, tgt) in enumerate(pairs, 1)]

    monkeypatch.setitem(READERS, ".pairs", read_pairs)
    sources = targets(read_segments(SRC))
    bilingual = tmp_path / "mt.pairs"
    bilingual.write_text("".join(f"{s}\t{t}\n" for s, t in zip(sources, targets(read_segments(MT)))), "utf-8")
    report = score_json(capsys, "--hyp", str(bilingual), "--ref", REF)
    plain = score_json(capsys, "--hyp", MT, "--ref", REF, "--src", SRC)
    assert report["systems"][0]["terminology"] == plain["systems"][0]["terminology"]
    assert report["systems"][0]["corpus"] == plain["systems"][0]["corpus"]


def test_output_file_is_written(tmp_path, capsys):
    out = tmp_path / "scores.json"
    assert main(["score", "--hyp", MT, "--ref", REF, "--format", "json", "--output", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["systems"][0]["name"] == MT
    assert capsys.readouterr().out == ""


@pytest.mark.parametrize("make_args, message", [
    (lambda t: ["--hyp", str(t / "short.txt"), "--ref", REF], "short.txt: 2 segments, but"),
    (lambda t: ["--hyp", MT, "--ref", REF, "--src", str(t / "short.txt")], "short.txt: 2 segments"),
    (lambda t: ["--hyp", str(t / "missing.txt"), "--ref", REF], "missing.txt: no such file"),
    (lambda t: ["--hyp", str(t / "empty.txt"), "--ref", REF], "empty.txt: file is empty"),
    (lambda t: ["--hyp", MT, "--ref", REF, "--before-after", str(t / "short.txt")], "not valid JSON"),
    (lambda t: ["--hyp", MT, "--hyp", MT_B, "--ref", REF, "--before-after", str(t / "x")], "--before-after takes one"),
    (lambda t: ["--hyp", MT, "--hyp", MT, "--ref", REF], "two different translations"),
    (lambda t: ["--hyp", MT, "--ref", REF, "--confidence-n", "1"], "--confidence-n must be at least 2"),
])  # fmt: skip
def test_bad_input_is_one_line_and_exit_2(tmp_path, capsys, make_args, message):
    (tmp_path / "short.txt").write_text("one\ntwo\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    assert main(["score", *make_args(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_input_files_are_not_changed(tmp_path, capsys):
    copy = tmp_path / "mt.txt"
    shutil.copy(MT, copy)
    before = copy.read_bytes()
    assert main(["score", "--hyp", str(copy), "--ref", REF]) == 0
    assert copy.read_bytes() == before


def test_review_made_under_another_path_spelling_still_applies(tmp_path, capsys, glossary):
    from dataclasses import replace

    elsewhere = [replace(s, origin=replace(s.origin, path="./elsewhere/mt.en.txt")) for s in read_segments(MT)]
    findings = [f for f in check_segments(elsewhere, glossary) if f.rule == "forbidden-rendering"]
    decisions = [{"fingerprint": f.fingerprint, "path": f.path, "decision": "accepted"} for f in findings]
    decisions.append({"fingerprint": "f" * 32, "path": "./elsewhere/mt.en.txt", "decision": "edited", "replacement": "x"})
    review = tmp_path / "review.json"
    review.write_text(json.dumps({"decisions": decisions}), encoding="utf-8")
    report = score_json(capsys, "--hyp", MT, "--ref", REF, "--src", SRC, "--before-after", str(review))
    assert report["review"]["applied"] == len(findings)
    assert report["review"]["unmatched"] == 1
    assert report["review"]["changed_segments"] == 7


def test_documented_review_fixture(capsys):
    report = score_json(capsys, "--hyp", MT, "--ref", REF, "--src", SRC, "--before-after", str(DATA / "review.json"))
    assert report["review"] == {"path": str(DATA / "review.json"), "decisions": 7, "applied": 6, "unmatched": 0,
                                "changed_segments": 6}  # fmt: skip
    reviewed = {s["line"]: s["hypothesis"] for s in report["systems"][1]["sentence_chrf"]}
    assert "Wenshan Huihai" in reviewed[1]  # rejected
    assert reviewed[4].startswith("We cannot take a one-size-fits-all approach,")  # edited
    assert "Chinese modernization" in reviewed[8]  # accepted: the first suggestion
