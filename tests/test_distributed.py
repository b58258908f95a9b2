"""The Dask adapter gives exactly the findings of a serial run."""

from __future__ import annotations

import pytest

from termguard import stream
from termguard.checks import CheckContext, select
from termguard.distributed import check_paths
from termguard.engine import check_document
from termguard.formats import read_document
from tests.conftest import SAMPLE


def _key(f):
    return (f.path, f.rule, f.line, f.column, f.end_column, f.matched, f.suggestions, f.fingerprint)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("dask")
    text = SAMPLE.read_text("utf-8")
    (folder / "a.txt").write_text(text, "utf-8")
    (folder / "b.md").write_text(text.replace("Wenshan Huihai", "Jingwen Jianhui"), "utf-8")
    (folder / "big.txt").write_text(text * 6, "utf-8")
    return folder


@pytest.mark.parametrize("scheduler", ["sync", "threads", "processes"])
def test_dask_findings_equal_the_serial_run(corpus, glossary, monkeypatch, scheduler):
    monkeypatch.setattr(stream, "STREAM_MIN_BYTES", 20_000)  # big.txt is streamed in chunks
    checks = select()
    context = CheckContext(glossary)
    serial = []
    for name in ("a.txt", "b.md"):
        serial += check_document(read_document(str(corpus / name)).segments, context, checks)
    serial += stream.check_stream(str(corpus / "big.txt"), context, stream.stream_checks(checks), chunk_bytes=3000).findings
    distributed = check_paths([str(corpus)], scheduler=scheduler, chunk_bytes=3000)
    assert [_key(f) for f in distributed] == [_key(f) for f in serial]
    assert any(f.rule == "duplicate-segment" and f.path.endswith("big.txt") for f in distributed)


def test_only_chunk_positions_travel_through_the_scheduler(corpus, monkeypatch):
    import dask.bag as db

    monkeypatch.setattr(stream, "STREAM_MIN_BYTES", 20_000)
    items = []
    from_sequence = db.from_sequence
    monkeypatch.setattr(db, "from_sequence", lambda seq, **kw: items.extend(seq) or from_sequence(seq, **kw))
    assert check_paths([str(corpus / "big.txt")], scheduler="sync", chunk_bytes=3000)
    assert len(items) > 1 and all(isinstance(chunk, stream.ChunkAt) for _index, chunk in items)


def test_a_large_file_that_changes_during_the_run_is_an_input_error(corpus, tmp_path, monkeypatch):
    from termguard import distributed
    from termguard.errors import InputError

    monkeypatch.setattr(stream, "STREAM_MIN_BYTES", 20_000)
    path = tmp_path / "big.txt"
    path.write_text(SAMPLE.read_text("utf-8") * 6, "utf-8")
    check = distributed._check_chunk

    def check_then_append(item, settings):
        with path.open("a", encoding="utf-8") as handle:
            handle.write("More text.\n")
        return check(item, settings)

    monkeypatch.setattr(distributed, "_check_chunk", check_then_append)
    with pytest.raises(InputError, match="changed while it was being checked"):
        check_paths([str(path)], scheduler="sync", chunk_bytes=3000)
