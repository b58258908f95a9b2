"""A quicker ``__init__`` for the frozen, slotted dataclasses made by the million.

A frozen dataclass's generated ``__init__`` stores each field with
``object.__setattr__(self, name, value)``, which looks the slot up by name every time:
a nine-field :class:`~termguard.model.Segment` takes ~4 us to make. Large runs make a
segment, an origin, a finding and a couple of glossary hits for every finding, in the
worker that finds it and again where it is unpickled. :func:`quick_init` writes an
``__init__`` that stores through the slot descriptors themselves (~2 us for the same
segment). The instances are the same: frozen (assignment still raises), equal, hashed,
pickled and ``dataclasses.replace``-d as before.
"""

from __future__ import annotations

from dataclasses import MISSING, fields, is_dataclass
from typing import TypeVar

T = TypeVar("T", bound=type)


def quick_init(cls: T) -> T:
    """Give a frozen, slotted dataclass an ``__init__`` that fills its slots directly.

    Only for plain fields: a class with ``__post_init__``, ``default_factory`` or
    ``init=False`` fields keeps what it has (raises, so that nobody is surprised)."""
    if not (is_dataclass(cls) and cls.__dataclass_params__.frozen and "__slots__" in cls.__dict__):  # type: ignore[attr-defined]
        raise TypeError(f"{cls.__name__} is not a frozen dataclass with slots")
    if hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__} has __post_init__")
    namespace: dict[str, object] = {}
    parameters, stores = [], []
    for field in fields(cls):
        if not field.init or field.default_factory is not MISSING:
            raise TypeError(f"{cls.__name__}.{field.name}: only plain fields are supported")
        if field.default is MISSING:
            parameters.append(field.name)
        else:
            namespace[f"_default_{field.name}"] = field.default
            parameters.append(f"{field.name}=_default_{field.name}")
        namespace[f"_store_{field.name}"] = cls.__dict__[field.name].__set__
        stores.append(f"    _store_{field.name}(self, {field.name})")
    source = f"def __init__(self, {', '.join(parameters)}) -> None:\n" + "\n".join(stores) + "\n"
    exec(source, namespace)  # noqa: S102 - built from the class's own field names
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"  # type: ignore[attr-defined]
    init.__doc__ = cls.__init__.__doc__  # type: ignore[misc]
    cls.__init__ = init  # type: ignore[misc]
    return cls
