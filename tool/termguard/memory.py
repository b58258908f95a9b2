"""Keep Python's cyclic garbage collector off objects that are never garbage."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """Run a block with the cyclic collector off, then restore it as it was.

    For blocks that create objects by the hundred thousand and keep them (a glossary
    loaded from the cache, the findings of a large corpus): the collector would walk the
    growing heap again and again — with 50,000 entries and 60,000 findings, a third of a
    run. None of these objects form cycles, so reference counting frees what is dropped.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
