"""`@record`: `@dataclass(frozen=True)` with the same methods, for a third less start-up.

Python 3.11's dataclasses write each generated method out as source and compile it on its
own: ~60 µs a method, six per frozen class. For the thirty classes a `framing analyse` run
defines, that is ~15 ms of a ~160 ms command. `record` lets `dataclass` compile only what
runs per instance (`__init__`), and gives the rest as closures over the fields, which need
no compiling: the `__setattr__` and `__delattr__` that make the class frozen
(`_frozen_methods`: the very code dataclass compiles for them, handed to it in place of its
own maker while `record` calls it), and `__repr__`, `__eq__` and `__hash__`. These return
what dataclass's would: `repr` the same text (`Name(field=value!r, ...)` over the fields
with repr=True, `...` on recursion), `==` the comparison of the compare fields' tuples
between instances of the very same class (NotImplemented otherwise), `hash` the hash of that
tuple of the hash fields.
"""
from __future__ import annotations

import dataclasses
import sys
from collections.abc import Callable
from dataclasses import FrozenInstanceError, dataclass, fields
from operator import attrgetter
from reprlib import recursive_repr
from typing import Any, TypeVar

C = TypeVar("C", bound=type)


def record(cls: C | None = None, /, *, eq: bool = True) -> Any:
    """`@dataclass(frozen=True)` (`eq=False`: compared and hashed by identity)."""

    def wrap(cls: C) -> C:
        if _SWAP_FROZEN:
            compiled = dataclasses._frozen_get_del_attr
            dataclasses._frozen_get_del_attr = _frozen_methods
            try:
                cls = dataclass(cls, frozen=True, repr=False, eq=False)
            finally:
                dataclasses._frozen_get_del_attr = compiled
        else:
            cls = dataclass(cls, frozen=True, repr=False, eq=False)
        every = fields(cls)
        _add(cls, "__repr__", _repr_of(tuple(f.name for f in every if f.repr)))
        if eq:
            compared = _values([f.name for f in every if f.compare])
            hashed = _values([f.name for f in every
                              if (f.compare if f.hash is None else f.hash)])
            _add(cls, "__eq__", _eq_of(compared))
            _add(cls, "__hash__", lambda self: hash(hashed(self)))
        return cls

    return wrap if cls is None else wrap(cls)


# Python 3.11 and 3.12 make a frozen class's `__setattr__` and `__delattr__` with
# `_frozen_get_del_attr(cls, fields, globals)`, which returns them (3.13 builds them another
# way, and then `record` leaves dataclass as it is).
_SWAP_FROZEN = (3, 11) <= sys.version_info < (3, 13) and hasattr(dataclasses,
                                                                  "_frozen_get_del_attr")


def _frozen_methods(cls: type, fields: list, globals: dict) -> tuple[Callable, Callable]:
    """What `dataclasses._frozen_get_del_attr` returns, as closures rather than compiled
    text: the same code, so the same behaviour (a thread that makes a frozen dataclass
    meanwhile gets these too, and cannot tell)."""
    names = tuple(f.name for f in fields)

    def __setattr__(self, name, value):
        if type(self) is cls or name in names:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)

    def __delattr__(self, name):
        if type(self) is cls or name in names:
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)

    return __setattr__, __delattr__


def _add(cls: type, name: str, fn: Callable) -> None:
    if name in cls.__dict__:
        raise TypeError(f"{cls.__name__} defines {name}; use @dataclass")
    fn.__name__ = name
    fn.__qualname__ = f"{cls.__qualname__}.{name}"
    setattr(cls, name, fn)


def _values(names: list[str]) -> Callable[[Any], tuple]:
    """The fields' values as a tuple (attrgetter gives a bare value for one name)."""
    if len(names) == 1:
        name = names[0]
        return lambda obj: (getattr(obj, name),)
    if not names:
        return lambda obj: ()
    return attrgetter(*names)


def _repr_of(names: tuple[str, ...]) -> Callable[[Any], str]:
    @recursive_repr()
    def __repr__(self) -> str:
        return (self.__class__.__qualname__ + "("
                + ", ".join(f"{name}={getattr(self, name)!r}" for name in names) + ")")

    return __repr__


def _eq_of(values: Callable[[Any], tuple]) -> Callable[[Any, Any], Any]:
    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return values(self) == values(other)
        return NotImplemented

    return __eq__
