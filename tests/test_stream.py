"""Chunked checking of large text files gives exactly the findings of a whole-file run."""

from __future__ import annotations

import functools
import gc
import os

import pytest

from termguard import stream
from termguard.checks import Check, CheckContext, select
from termguard.engine import check_document
from termguard.errors import InputError
from termguard.formats import read_document
from termguard.stream import check_stream, iter_chunks, stream_checks
from termguard.termbase import load_glossary
from tests.conftest import SAMPLE


def small_chunks(monkeypatch, size: int) -> None:
    """Make command-line runs stream (and prescan) files in chunks of ``size`` bytes."""
    import inspect

    from termguard import stream

    for function in (stream.check_stream, stream.Prescan.__init__):
        parameters = inspect.signature(function).parameters.values()
        defaults = [size if p.name == "chunk_bytes" else p.default for p in parameters if p.default is not p.empty]
        monkeypatch.setattr(function, "__defaults__", tuple(defaults))


def _key(finding):
    return (finding.rule, finding.line, finding.column, finding.end_line, finding.end_column,
            finding.matched, finding.message, finding.suggestions, finding.fingerprint)  # fmt: skip


def _make_default():
    return load_glossary(), stream_checks(select())


@pytest.fixture(scope="module")
def big_text(tmp_path_factory):
    """The sample three times with CRLF, a BOM and non-ASCII, so chunk edges fall everywhere."""
    text = SAMPLE.read_text("utf-8")
    path = tmp_path_factory.mktemp("stream") / "big.txt"
    body = (text + "\n\u00e9t\u00e9 \u2014 文山会海 left in.\nSaid the the  committee (unbalanced \"quote.\n") * 3
    path.write_bytes(b"\xef\xbb\xbf" + body.replace("\n", "\r\n").encode("utf-8"))
    return path


@pytest.mark.parametrize("chunk_bytes", [97, 1000, 1 << 20])
def test_streamed_findings_equal_whole_file_findings(big_text, glossary, chunk_bytes):
    checks = stream_checks(select())
    whole = check_document(read_document(str(big_text)).segments, CheckContext(glossary), checks)
    result = check_stream(str(big_text), CheckContext(glossary), checks, chunk_bytes=chunk_bytes)
    streamed = result.findings
    assert result.segments == len(read_document(str(big_text)).segments)
    assert [_key(f) for f in streamed] == [_key(f) for f in whole]
    assert {"duplicate-segment", "repeated-word", "whitespace", "unbalanced-brackets"} <= {f.rule for f in streamed}


@pytest.fixture(params=["fork", "spawn"])
def start(request, monkeypatch):
    """Run a test with workers that inherit the parent's matcher (fork, Linux) and with
    workers that build their own (spawn, every other platform)."""
    from termguard import stream

    if request.param == "fork" and not stream.FORK_WORKERS:
        pytest.skip("this platform does not fork worker processes")
    monkeypatch.setattr(stream, "FORK_WORKERS", request.param == "fork")
    return request.param


def test_parallel_workers_give_the_serial_result(big_text, glossary, start):
    checks = stream_checks(select())
    serial = check_stream(str(big_text), CheckContext(glossary), checks, chunk_bytes=2000).findings
    parallel = check_stream(
        str(big_text), CheckContext(glossary), checks, jobs=2, make=functools.partial(_make_default), chunk_bytes=2000
    ).findings
    assert [_key(f) for f in parallel] == [_key(f) for f in serial]


def test_forked_workers_share_the_parents_automaton(glossary, tmp_path, monkeypatch):
    from termguard import stream
    from termguard.matching import aho

    if not stream.FORK_WORKERS:
        pytest.skip("this platform does not fork worker processes")
    builds = tmp_path / "builds"
    load = aho.load

    def counted(stored, patterns):
        with builds.open("a") as log:
            log.write(f"{os.getpid()}\n")
        return load(stored, patterns)

    monkeypatch.setattr(aho, "load", counted)
    path = tmp_path / "big.txt"
    path.write_text("Officials cut the Wenshan Huihai and the cultural mountain meeting sea.\n" * 300)
    result = check_stream(str(path), CheckContext(glossary), stream_checks(select()), jobs=2, chunk_bytes=2000)
    assert sum(f.rule == "forbidden-rendering" for f in result.findings) == 600
    assert builds.read_text().split() == [str(os.getpid())]  # loaded once, in this process


def test_chunks_cover_the_file_with_exact_lines_and_offsets(big_text):
    chunks = list(iter_chunks(str(big_text), 500))
    decoded = big_text.read_bytes().decode("utf-8-sig")
    for chunk in chunks:
        text = chunk.data.decode("utf-8")
        assert decoded[chunk.offset : chunk.offset + len(text)] == text
        assert decoded[: chunk.offset].count("\n") + 1 == chunk.first_line
        assert chunk.reference().read() == chunk  # workers read the bytes at chunk.start


def test_chunk_places_cut_any_file_into_whole_lines_with_exact_offsets(tmp_path):
    """Lines longer than a chunk, a byte-order mark, non-ASCII text, a last line without a
    break: every place starts a line, the places cover the file, and line numbers and
    character offsets are those of the decoded text."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from termguard.stream import chunk_places

    path = tmp_path / "any.txt"
    line = st.text(alphabet=st.sampled_from(list("ab \u00e9\u6587\U0001f600")), max_size=30)

    @settings(max_examples=200, deadline=None)
    @given(st.lists(line, min_size=1, max_size=12), st.booleans(), st.booleans(), st.integers(1, 64))
    def cut(lines, bom, last_break, size):
        text = "\n".join(lines) + ("\n" if last_break else "")
        path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
        places = list(chunk_places(str(path), size))
        data = path.read_bytes()
        assert places[0].start == (3 if bom else 0) if text else places == []
        for place, following in zip(places, places[1:]):
            assert place.start + place.size == following.start
            assert data[place.start + place.size - 1 : place.start + place.size] == b"\n"
        if places:
            assert places[-1].start + places[-1].size == len(data)
        for place in places:
            before = data[3 if bom else 0 : place.start].decode("utf-8")
            assert (place.first_line, place.offset) == (before.count("\n") + 1, len(before))

    cut()


def test_a_byte_order_mark_is_dropped_even_without_a_line_break(tmp_path):
    path = tmp_path / "one-line.txt"
    path.write_bytes(b"\xef\xbb\xbfThe Wenshan Huihai")
    [chunk] = iter_chunks(str(path), 4)
    assert (chunk.data, chunk.start, chunk.offset) == (b"The Wenshan Huihai", 3, 0)


def test_workers_are_sent_where_a_chunk_is_not_its_bytes(big_text, glossary, monkeypatch):
    from termguard import stream

    sent = []
    make_pool = stream._worker_pool

    def recording_pool(*args):
        pool = make_pool(*args)
        submit = pool.submit
        pool.submit = lambda work, chunk, *rest: sent.append(chunk) or submit(work, chunk, *rest)
        return pool

    monkeypatch.setattr(stream, "_worker_pool", recording_pool)
    serial = check_stream(str(big_text), CheckContext(glossary), stream_checks(select()), chunk_bytes=2000)
    monkeypatch.setattr(stream, "FORK_WORKERS", True)
    parallel = check_stream(str(big_text), CheckContext(glossary), stream_checks(select()), jobs=2, chunk_bytes=2000)
    assert [_key(f) for f in parallel.findings] == [_key(f) for f in serial.findings]
    assert sent and all(isinstance(chunk, stream.ChunkAt) for chunk in sent)


def test_a_file_changed_during_a_parallel_run_is_an_error_not_a_wrong_report(tmp_path, glossary):
    path = tmp_path / "big.txt"
    path.write_text("The Wenshan Huihai was cut.\n" * 400)

    def append_once(_size, done=[]):  # noqa: B006 - a flag that outlives the calls
        if not done:
            done.append(True)
            with path.open("a") as handle:
                handle.write("More text.\n")

    with pytest.raises(InputError, match=r"big.txt: the file changed while it was being checked"):
        check_stream(str(path), CheckContext(glossary), stream_checks(select()), jobs=2, progress=append_once,
                     chunk_bytes=2000)  # fmt: skip
    path.write_text("The Wenshan Huihai was cut.\n" * 400)
    chunk = next(iter_chunks(str(path), 2000))
    path.write_text("short\n")
    with pytest.raises(InputError, match="changed while it was being checked"):
        chunk.reference().read()


def test_bad_bytes_deep_in_a_large_file_name_their_line(tmp_path, glossary):
    path = tmp_path / "bad.txt"
    path.write_bytes(b"fine line\n" * 500 + b"caf\xe9\n")
    with pytest.raises(InputError, match=r"bad.txt:501: not valid UTF-8"):
        check_stream(str(path), CheckContext(glossary), select(), chunk_bytes=256)


def test_whole_text_heuristics_are_left_out_of_streamed_runs():
    ids = {check.id for check in stream_checks(select())}
    assert "candidate-term" not in ids and "forbidden-rendering" in ids


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_streamed_json_report_equals_the_whole_file_report(big_text, monkeypatch, capsys, jobs):
    """JSON rendered in the workers (``prepare_finding``) and renumbered across chunks is
    byte for byte the report of a whole-file run."""
    from termguard import stream
    from termguard.cli import main

    argv = ["check", str(big_text), "--format", "json", "--fail-on", "never", "--jobs", jobs,
            "--ignore", "candidate-term"]  # whole-text only: not run on streamed files  # fmt: skip
    monkeypatch.setattr(stream, "STREAM_MIN_BYTES", 1 << 40)
    assert main(argv) == 0
    whole = capsys.readouterr().out
    monkeypatch.setattr(stream, "STREAM_MIN_BYTES", 1)
    monkeypatch.setattr(stream, "CHUNK_BYTES", 1500)
    small_chunks(monkeypatch, 1500)
    assert main(argv) == 0
    streamed = capsys.readouterr().out
    assert '"occurrence"' not in whole and '"fingerprint"' in whole
    assert streamed == whole


def test_a_rule_reported_per_segment_and_per_document_is_numbered_as_a_whole(big_text, glossary):
    from termguard.checks.base import Check
    from termguard.model import Severity

    class Both(Check):
        """A test rule flagging "the" in each segment and once more per document."""

        id = "both"
        name = "Both"
        default_severity = Severity.NOTE

        def check_segment(self, segment, context):
            at = segment.target.find("the ")
            if at >= 0:
                yield self.finding(segment, at, at + 3, "the")

        def collect(self, segments, context):
            return [s for s in segments if "the " in s.target][:1]

        def finish(self, parts, context):
            first = next(segment for part in parts for segment in part)
            at = first.target.find("the ")
            yield self.finding(first, at, at + 3, "the")

    checks = [Both()]
    whole = check_document(read_document(str(big_text)).segments, CheckContext(glossary), checks)
    streamed = check_stream(str(big_text), CheckContext(glossary), checks, chunk_bytes=700).findings
    assert [_key(f) for f in streamed] == [_key(f) for f in whole]
    assert max(f.occurrence for f in streamed) >= 2


def test_bad_bytes_found_by_a_worker_process_name_their_line(tmp_path, glossary):
    path = tmp_path / "bad.txt"
    path.write_bytes(b"fine line\n" * 500 + b"caf\xe9\n" + b"more\n" * 10)
    with pytest.raises(InputError, match=r"bad.txt:501: not valid UTF-8"):
        check_stream(str(path), CheckContext(glossary), stream_checks(select()), jobs=2,
                     make=functools.partial(_make_default), chunk_bytes=256)  # fmt: skip


def test_a_large_broken_file_checked_in_parallel_is_one_line_and_exit_2(tmp_path, monkeypatch, capsys):
    from termguard import stream
    from termguard.cli import main

    path = tmp_path / "big.txt"
    path.write_bytes(b"The Wenshan Huihai was cut.\n" * 400 + b"\x00binary\n" + b"fine\n" * 50)
    monkeypatch.setattr(stream, "STREAM_MIN_BYTES", 1)
    small_chunks(monkeypatch, 1000)
    output = tmp_path / "report.json"
    assert main(["check", str(path), "--jobs", "2", "--format", "json", "-o", str(output)]) == 2
    err = capsys.readouterr().err
    assert err.strip().splitlines() == [f"termguard: error: {path}:401: binary file, not text"]
    assert not output.exists()


def _die(*_args):
    os._exit(3)


def test_a_worker_that_dies_is_a_one_line_error(big_text, glossary, start, monkeypatch):
    from termguard import stream
    from termguard.errors import TermguardError

    monkeypatch.setattr(stream, "_adopt_worker", _die)
    with pytest.raises(TermguardError, match=r"big.txt: a worker process stopped unexpectedly .*--jobs 1"):
        check_stream(str(big_text), CheckContext(glossary), stream_checks(select()), jobs=2, make=_die,
                     chunk_bytes=2000)  # fmt: skip


class CollectorSpy(Check):
    """Reports, on every segment, whether the cyclic collector was running."""

    id = "collector-spy"
    name = "collector state"

    def check_segment(self, segment, context):
        yield self.finding(segment, 0, 1, f"gc enabled: {gc.isenabled()}")


def _make_spy():
    return load_glossary(), [CollectorSpy()]


@pytest.mark.parametrize("jobs", [1, 2])
def test_chunks_are_checked_with_the_collector_paused_and_it_is_restored(big_text, glossary, start, jobs):
    """With 50,000 entries and 60,000 findings, the collector walking the growing heap
    took a third of a run; chunk work builds no cycles."""
    gc.enable()
    result = check_stream(str(big_text), CheckContext(glossary), [CollectorSpy()], jobs=jobs, make=_make_spy,
                          chunk_bytes=2000)  # fmt: skip
    assert result.findings
    assert {f.message for f in result.findings} == {"gc enabled: False"}
    assert gc.isenabled()


@pytest.mark.parametrize("fail_on", ["never", "error"])
def test_findings_rendered_in_workers_stay_packed_in_a_json_run(tmp_path, monkeypatch, capsys, fail_on):
    """The parent writes the workers' texts and counts severities from the packed rows:
    unpacking ~60,000 findings it never looks at was a sixth of a large run's work."""
    from termguard import findings, stream
    from termguard.cli import main

    path = tmp_path / "tm.txt"
    path.write_text("".join(f"Line {n}: officials cut the Wenshan Huihai, said report {n}.\n" for n in range(400)))
    argv = ["check", str(path), "--format", "json", "--fail-on", fail_on, "--jobs", "2", "--ignore", "candidate-term"]
    monkeypatch.setattr(stream, "STREAM_MIN_BYTES", 1 << 40)
    whole_status = main(argv)
    whole = capsys.readouterr().out

    def refuse(_packed):
        raise AssertionError("findings unpacked in the parent")

    monkeypatch.setattr(stream, "STREAM_MIN_BYTES", 1)
    small_chunks(monkeypatch, 2000)
    monkeypatch.setattr(findings, "unpack_findings", refuse)
    assert main(argv) == whole_status == (0 if fail_on == "never" else 1)
    assert capsys.readouterr().out == whole
    assert whole.count('"rule": "forbidden-rendering"') + whole.count('"rule":"forbidden-rendering"') == 400


def test_a_chunk_result_crosses_processes_pickled_with_its_counts(big_text, glossary):
    """Sent to the parent, a chunk's findings stay one pickle (opened only if needed),
    beside their severity counts and their rendered lines."""
    import pickle
    from collections import Counter

    from termguard.reporters.json import finding_json
    from termguard.stream import check_chunk

    chunk = next(iter_chunks(str(big_text), 1 << 20))
    sent = check_chunk(chunk, CheckContext(glossary), stream_checks(select()), 0, finding_json)
    received = pickle.loads(pickle.dumps(sent))
    assert received.findings is None and isinstance(received.pickled, bytes)
    assert received.severities == Counter(f.severity for f in sent.findings)
    assert received.prepared == sent.prepared == b"\n".join(map(finding_json, sent.findings))
    piece = received.piece()
    assert piece.count == len(sent.findings) and piece.severities() == received.severities
    assert received.finding_objects() == sent.findings


TEXT_ONLY_SAMPLE = (
    "The the committee met  twice (in Beijing.\n"
    "Wenshan Huihai was cut, said Xi Jinping.\n"
    "Wenshan Huihai was cut, said Xi Jinping.\n"
    "文山会海 left in, été.\n"
    "\n"
    "Plain line without anything odd.\n"
)


def test_text_only_scans_need_no_glossary(glossary):
    """Checks that say their ``chunk_lines`` look at the text only give the same lines
    with no matcher and no context as with the glossary (a prescan relies on it)."""
    from termguard.checks.chunk import ChunkView

    text_only = [check for check in stream_checks(select()) if check.lines_without_glossary]
    assert {c.id for c in text_only} >= {"repeated-word", "pinyin", "duplicate-segment", "unbalanced-brackets"}
    context = CheckContext(glossary)
    for text in (TEXT_ONLY_SAMPLE, TEXT_ONLY_SAMPLE.replace("文山会海 left in, été.\n", "")):
        for check in text_only:
            alone = check.chunk_lines(ChunkView(text, None), None)
            assert alone == check.chunk_lines(ChunkView(text, context.matcher), context), check.id


def _finished_prescan(path, chunk_bytes):
    from termguard.stream import Prescan

    prescan = Prescan(str(path), stream_checks(select()), chunk_bytes)
    prescan._process.join(60)  # small test files: the helper is done long before its limit
    return prescan


def test_a_prescan_finds_what_each_chunk_check_would_find(big_text, glossary):
    from termguard.checks.chunk import ChunkView
    from termguard.stream import _decode, check_chunk

    checks = stream_checks(select())
    context = CheckContext(glossary)
    prescan = _finished_prescan(big_text, 1000)
    chunks = list(iter_chunks(str(big_text), 1000))
    for index, chunk in enumerate(chunks):
        scanned = prescan.scanned(index, chunk.reference())
        assert scanned is not None, index
        view = ChunkView(_decode(chunk), context.matcher)
        assert scanned == {i: checks[i].chunk_lines(view, context) for i in scanned}
        assert {checks[i].id for i in scanned} == {c.id for c in checks if c.lines_without_glossary}
        hinted = check_chunk(chunk, context, checks, index, None, scanned)
        plain = check_chunk(chunk, context, checks, index)
        assert hinted.findings == plain.findings and hinted.keys == plain.keys and hinted.parts == plain.parts
    prescan.close()


def test_a_prescan_answer_is_used_only_for_the_chunk_it_was_made_for(big_text):
    from dataclasses import replace

    prescan = _finished_prescan(big_text, 1000)
    first, second = list(iter_chunks(str(big_text), 1000))[:2]
    assert prescan.scanned(1, replace(second.reference(), start=second.start + 1)) is None  # another cut of the file
    assert prescan.scanned(0, first.reference()) is not None
    assert prescan.scanned(0, first.reference()) is None  # used once
    prescan.close()
    assert not prescan._process.is_alive()


def test_a_parallel_run_uses_the_prescan_and_leaves_no_process_behind(big_text, monkeypatch, capsys):
    """The CLI starts the helper before loading the glossary; the workers get its lines
    for the chunks it reached; the report is the same; the helper is gone afterwards."""
    import multiprocessing

    from termguard import stream
    from termguard.cli import main

    if not stream.FORK_WORKERS:
        pytest.skip("prescans run only where workers fork")
    used: list[int] = []

    class Waiting(stream.Prescan):
        def scanned(self, index, chunk):
            self._process.join(60)  # let the helper finish: the test glossary loads too fast
            found = super().scanned(index, chunk)
            if found is not None:
                used.append(index)
            return found

    argv = ["check", str(big_text), "--format", "json", "--fail-on", "never", "--jobs", "2",
            "--ignore", "candidate-term"]  # fmt: skip
    monkeypatch.setattr(stream, "STREAM_MIN_BYTES", 1 << 40)
    assert main(argv) == 0
    whole = capsys.readouterr().out
    monkeypatch.setattr(stream, "STREAM_MIN_BYTES", 1)
    monkeypatch.setattr(stream, "Prescan", Waiting)
    small_chunks(monkeypatch, 1500)
    assert main(argv) == 0
    assert capsys.readouterr().out == whole
    assert used and used[0] == 0
    assert not multiprocessing.active_children()


def test_no_prescan_for_one_job_or_text_only_scans_missing():
    from termguard.checks import select as choose
    from termguard.stream import Prescan

    checks = stream_checks(choose())
    assert Prescan.wanted(2, checks) is stream.FORK_WORKERS
    assert not Prescan.wanted(1, checks)
    assert not Prescan.wanted(2, [c for c in checks if not c.lines_without_glossary])
