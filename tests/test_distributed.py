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
