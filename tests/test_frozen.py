"""quick_init: the same frozen dataclass instances, made without object.__setattr__."""

from __future__ import annotations

import dataclasses
import pickle
from dataclasses import dataclass, field

import pytest

from termguard.frozen import quick_init
from termguard.matching import TermHit
from termguard.model import Finding, Origin, Segment, Severity


@dataclass(frozen=True, slots=True)
class Plain:
    name: str
    count: int = 3
    tags: frozenset[str] = frozenset()


@quick_init
@dataclass(frozen=True, slots=True)
class Quick:
    name: str
    count: int = 3
    tags: frozenset[str] = frozenset()


def test_instances_hold_the_same_values_as_the_generated_init():
    for args, kwargs in [(("a",), {}), (("a", 5), {}), (("a",), {"tags": frozenset({"x"})}), ((), {"name": "b"})]:
        assert dataclasses.astuple(Quick(*args, **kwargs)) == dataclasses.astuple(Plain(*args, **kwargs))


def test_instances_stay_frozen_hashable_and_comparable():
    one, same, other = Quick("a"), Quick("a"), Quick("a", 4)
    with pytest.raises(dataclasses.FrozenInstanceError):
        one.name = "b"  # type: ignore[misc]
    assert one == same and hash(one) == hash(same) and one != other
    assert dataclasses.replace(one, count=4) == other


def test_wrong_arguments_fail_as_before():
    with pytest.raises(TypeError):
        Quick()  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Quick("a", colour="red")  # type: ignore[call-arg]


def test_only_plain_frozen_slotted_dataclasses_are_accepted():
    @dataclass(frozen=True)
    class NoSlots:
        name: str

    @dataclass(frozen=True, slots=True)
    class Factory:
        names: list[str] = field(default_factory=list)

    @dataclass(frozen=True, slots=True)
    class PostInit:
        name: str

        def __post_init__(self) -> None:
            pass

    for cls in (NoSlots, Factory, PostInit):
        with pytest.raises(TypeError):
            quick_init(cls)


@pytest.mark.parametrize("cls", [Origin, Segment, Finding, TermHit])
def test_the_model_classes_fill_their_slots_directly(cls):
    names = cls.__init__.__code__.co_names
    assert "__setattr__" not in names
    assert [name for name in names if name.startswith("_store_")] == [f"_store_{f.name}" for f in dataclasses.fields(cls)]


def test_the_model_classes_round_trip_through_pickle():
    origin = Origin("po/x.po", 12, 3, 40, "ctx")
    segment = Segment("po/x.po:12", "the Street office", origin, "街道办", True, frozenset({"all"}), 7, "zh-CN", "en")
    finding = Finding("forbidden-rendering", Severity.ERROR, segment, 4, 10, "m", ("Subdistrict",), "jiedao", 1)
    for value in (origin, segment, finding):
        assert pickle.loads(pickle.dumps(value)) == value
