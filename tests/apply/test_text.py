"""``termguard apply`` on plain text and Markdown: byte-for-byte elsewhere, atomic, safe."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from termguard import fileio
from termguard.apply import ApplyResult, Edit, plan
from termguard.apply.text import rewrite_text
from termguard.cli import main
from termguard.engine import check_segments
from termguard.formats import read_document
from termguard.review.decisions import Decision, ReviewStore
from tests.conftest import SAMPLE

WENSHAN = "excessive documents and meetings"


def run(argv, capsys):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def write(tmp_path: Path, data: bytes, name: str = "doc.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_crlf_and_bom_survive_and_only_the_span_changes(tmp_path, capsys):
    original = "\ufeffTitle\r\n\r\nThe Wenshan Huihai must end.  \r\n\r\n  Indented, untouched.\r\n".encode()
    path = write(tmp_path, original)
    code, out, _ = run(["apply", path, "--accept-suggestions", "error"], capsys)
    assert code == 0
    expected = original.replace(b"Wenshan Huihai", WENSHAN.encode())
    assert out.encode() == expected.decode("utf-8").encode()  # stdout: the corrected text
    target = tmp_path / "out.txt"
    run(["apply", path, "--accept-suggestions", "error", "-o", target], capsys)
    assert target.read_bytes() == expected
    assert path.read_bytes() == original  # the input is never changed without --in-place


def test_utf16_input_keeps_its_encoding(tmp_path, capsys):
    original = "Cut the Wenshan Huihai.\r\n".encode("utf-16")
    path = write(tmp_path, original)
    target = tmp_path / "out.txt"
    run(["apply", path, "--accept-suggestions", "error", "-o", target], capsys)
    assert target.read_bytes() == f"Cut the {WENSHAN}.\r\n".encode("utf-16")


def test_markdown_fences_and_comments_are_kept(tmp_path, capsys):
    original = (b"# Heading\n\n<!-- note -->\nThe Wenshan Huihai\ncontinues here.\n\n"
                b"```\nWenshan Huihai in code\n```\n")  # fmt: skip
    path = write(tmp_path, original, "doc.md")
    target = tmp_path / "out.md"
    run(["apply", path, "--accept-suggestions", "error", "-o", target], capsys)
    assert target.read_bytes() == original.replace(b"The Wenshan Huihai", f"The {WENSHAN}".encode())


@pytest.mark.parametrize(("text", "expected"), [
    ("A caption.\n\nA caption.\n\nNext.\n", "A caption.\n\nNext.\n"),
    ("A caption.\r\n\r\nA caption.\r\n", "A caption.\r\n"),
    ("A caption.\nA caption.\nNext.", "A caption.\nNext."),
    ("A caption.\n\nA caption.", "A caption.\n"),
])  # fmt: skip
def test_a_duplicate_paragraph_is_deleted_with_its_separating_blank_line(tmp_path, capsys, text, expected):
    path = write(tmp_path, text.encode())
    target = tmp_path / "out.txt"
    code, _, err = run(["apply", path, "--accept-suggestions", "warning", "-o", target], capsys)
    assert code == 0, err
    assert target.read_bytes() == expected.encode()


def test_the_sample_with_suggestions_accepted_has_no_forbidden_renderings(tmp_path, capsys, glossary):
    target = tmp_path / "fixed.txt"
    code, _, err = run(["apply", SAMPLE, "--accept-suggestions", "warning", "-o", target], capsys)
    assert code == 0 and "Applied " in err and "skipped 0" in err
    before = check_segments(read_document(str(SAMPLE)).segments, glossary)
    after = check_segments(read_document(str(target)).segments, glossary)
    assert any(f.rule == "forbidden-rendering" for f in before)
    assert [f.matched for f in after if f.rule == "forbidden-rendering"] == []
    code, out, _ = run(["check", target, "--fail-on", "warning"], capsys)
    assert code == 0 and "No problems found" in out
    # the untouched lines are identical, line for line
    old = SAMPLE.read_text("utf-8").splitlines()
    new = target.read_text("utf-8").splitlines()
    assert old[0] == new[0] and old[-1] == new[-1]
    duplicates = sum(f.rule == "duplicate-segment" for f in before)
    assert duplicates and len(new) == len(old) - 2 * duplicates  # each duplicate and its blank line went


def review_for(path: Path, glossary, decisions) -> Path:
    """A review file with the given (matched text -> replacement or None to reject) decisions."""
    findings = check_segments(read_document(str(path)).segments, glossary)
    store = ReviewStore(path.with_name(path.name + ".review.json"))
    made = []
    for matched, replacement in decisions.items():
        finding = next(f for f in findings if f.matched == matched)
        kind = "rejected" if replacement is None else "edited"
        made.append(Decision.for_finding(finding, kind, replacement, reviewer="li"))
    store.commit(store.change_to(made))
    return store.path


def test_review_decisions_are_applied_and_rejections_respected(tmp_path, capsys, glossary):
    path = write(tmp_path, b"The Wenshan Huihai ends. Cadres of Democratic Village met.\n")
    review_for(path, glossary, {"Wenshan Huihai": "paperwork and meetings", "Democratic Village": None})
    code, out, err = run(["apply", path], capsys)  # the review beside the input is found
    assert code == 0, err
    assert out == "The paperwork and meetings ends. Cadres of Democratic Village met.\n"


def test_stale_review_is_refused_and_reported_not_applied(tmp_path, capsys, glossary):
    path = write(tmp_path, b"The Wenshan Huihai ends.\n")
    review = review_for(path, glossary, {"Wenshan Huihai": "paperwork and meetings"})
    path.write_bytes(b"The wenshan huihai ends today.\n")  # edited after the review
    code, out, err = run(["apply", path, "--review", review], capsys)
    assert code == 1
    assert out == "The wenshan huihai ends today.\n"
    assert "skipped [forbidden-rendering] 'Wenshan Huihai'" in err and "changed since the review" in err


def test_case_change_since_the_review_is_refused(tmp_path, capsys, glossary):
    path = write(tmp_path, b"Cut the Wenshan Huihai.\n")
    review = review_for(path, glossary, {"Wenshan Huihai": "paperwork and meetings"})
    data = json.loads(review.read_text("utf-8"))
    data["decisions"][0]["matched"] = "WENSHAN HUIHAI"  # same fingerprint, other text
    review.write_text(json.dumps(data), "utf-8")
    code, out, err = run(["apply", path, "--review", review], capsys)
    assert code == 1 and out == "Cut the Wenshan Huihai.\n" and "now reads 'Wenshan Huihai'" in err


def test_in_place_keeps_a_backup_unless_told_not_to(tmp_path, capsys):
    original = b"Cut the Wenshan Huihai.\n"
    path = write(tmp_path, original)
    code, out, _ = run(["apply", path, "--accept-suggestions", "error", "--in-place"], capsys)
    assert code == 0 and out == ""
    assert path.read_bytes() == f"Cut the {WENSHAN}.\n".encode()
    assert (tmp_path / "doc.txt.orig").read_bytes() == original
    other = write(tmp_path, original, "other.txt")
    run(["apply", other, "--accept-suggestions", "error", "--in-place", "--no-backup"], capsys)
    assert other.read_bytes() == f"Cut the {WENSHAN}.\n".encode()
    assert not (tmp_path / "other.txt.orig").exists()


def test_a_failed_write_leaves_the_original_intact_and_no_temp_file(tmp_path, capsys, monkeypatch):
    original = b"Cut the Wenshan Huihai.\n" * 50
    path = write(tmp_path, original)
    real_fdopen = os.fdopen

    class Failing:
        def __init__(self, handle):
            self.handle = handle

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

        def write(self, data):
            self.handle.write(data[: len(data) // 2])
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(fileio.os, "fdopen", lambda fd, mode: Failing(real_fdopen(fd, mode)))
    with pytest.raises(OSError):
        main(["apply", str(path), "--accept-suggestions", "error", "--in-place", "--no-backup"])
    assert path.read_bytes() == original
    assert sorted(p.name for p in tmp_path.iterdir()) == ["doc.txt"]


def test_several_inputs_go_to_a_folder(tmp_path, capsys):
    a = write(tmp_path, b"Cut the Wenshan Huihai.\n", "a.txt")
    b = write(tmp_path, b"Nothing to fix.\n", "b.txt")
    out = tmp_path / "out"
    out.mkdir()
    code, _, err = run(["apply", a, b, "--accept-suggestions", "error", "-o", out], capsys)
    assert code == 0 and "in 1 of 2 files" in err
    assert (out / "a.txt").read_bytes() == f"Cut the {WENSHAN}.\n".encode()
    assert (out / "b.txt").read_bytes() == b"Nothing to fix.\n"
    code, _, err = run(["apply", a, b, "--accept-suggestions", "error", "-o", tmp_path / "x.txt"], capsys)
    assert code == 2 and "must be an existing folder" in err


def test_apply_without_decisions_is_a_usage_error(tmp_path, capsys):
    path = write(tmp_path, b"Cut the Wenshan Huihai.\n")
    code, _, err = run(["apply", path], capsys)
    assert code == 2 and "give --review FILE or --accept-suggestions" in err
    code, _, err = run(["apply", path, "--review", tmp_path / "none.json"], capsys)
    assert code == 2 and "no such review file" in err
    assert path.read_bytes() == b"Cut the Wenshan Huihai.\n"


# Property: splicing changes exactly the replaced spans, whatever the text around them.

line_text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\r\n"),
                    max_size=30)  # fmt: skip
paragraphs = st.lists(line_text, min_size=1, max_size=8)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(paragraphs, st.sampled_from(["\n", "\r\n", "\n\n", "\r\n\r\n"]), st.booleans(), st.data())
def test_untouched_content_is_kept_byte_for_byte(tmp_path, lines, newline, bom, data):
    text = newline.join(lines) + data.draw(st.sampled_from(["", newline]))
    raw = (b"\xef\xbb\xbf" if bom else b"") + text.encode()
    if not raw.strip():
        return
    path = write(tmp_path, raw)
    document = read_document(str(path))
    edits = []
    for segment in document.segments:
        if data.draw(st.booleans()) and segment.target:
            start = data.draw(st.integers(0, len(segment.target) - 1))
            end = data.draw(st.integers(start, len(segment.target)))
            word = data.draw(st.text(min_size=1, max_size=5).filter(lambda w: w.strip() and not {"\r", "\n"} & set(w)))
            edits.append(Edit(segment, start, end, segment.target[start:end], word, "r"))
    result = plan([document], edits)
    out = rewrite_text(document, raw, result)
    expected = text
    for segment in sorted(document.segments, key=lambda s: s.origin.offset, reverse=True):
        start = segment.origin.offset
        expected = expected[:start] + result.text_for(segment) + expected[start + len(segment.target):]
    assert out == (b"\xef\xbb\xbf" if bom else b"") + expected.encode()
    assert rewrite_text(document, raw, ApplyResult()) == raw
