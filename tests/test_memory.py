"""The cyclic garbage collector is paused around blocks that only build long-lived objects."""

from __future__ import annotations

import gc

import pytest

from termguard.memory import paused_gc


@pytest.fixture(autouse=True)
def collector_restored():
    was = gc.isenabled()
    yield
    (gc.enable if was else gc.disable)()


def test_the_collector_is_off_inside_and_on_again_after():
    gc.enable()
    with paused_gc():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_the_collector_comes_back_when_the_block_raises():
    gc.enable()
    with pytest.raises(ValueError), paused_gc():
        raise ValueError
    assert gc.isenabled()


def test_a_collector_the_caller_switched_off_stays_off():
    gc.disable()
    with paused_gc():
        pass
    assert not gc.isenabled()
