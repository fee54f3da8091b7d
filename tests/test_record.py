"""`framing.record.record` behaves as `dataclass(frozen=True)`: same repr, equality, hashing
and frozenness, on invented classes that cover every kind of field option."""
from __future__ import annotations

import dataclasses
import pickle
from dataclasses import FrozenInstanceError, dataclass, field

import pytest

from framing.record import record
from framing.results import Flag, Scores


def _pair(body: dict, **options):
    """The same class made by dataclass(frozen=True) and by record."""
    annotations = body.get("__annotations__", {})

    def make(decorator):
        namespace = dict(body, __annotations__=dict(annotations))
        return decorator(type("Thing", (), namespace))

    dc = make(lambda cls: dataclass(cls, frozen=True, **options))
    rec = make(lambda cls: record(cls, **options))
    return dc, rec


SHAPES = {
    "none": ({"__annotations__": {}}, []),
    "one": ({"__annotations__": {"a": "int"}}, [(1,), (2,)]),
    "several": ({"__annotations__": {"a": "int", "b": "str", "c": "tuple"}, "c": ()},
                [(1, "x"), (1, "x", (1, 2)), (2, "y", ("z",))]),
    "options": ({"__annotations__": {"a": "int", "hidden": "str", "loose": "float",
                                     "hashless": "str", "d": "dict"},
                 "hidden": field(default="h", repr=False),
                 "loose": field(default=0.5, compare=False),
                 "hashless": field(default="n", hash=False),
                 "d": field(default_factory=dict, hash=False)},
                [(1,), (1, "other", 0.7, "n2"), (3, "h", 0.5, "n", {"k": 1})]),
}


@pytest.mark.parametrize("shape", SHAPES)
def test_record_repr_eq_hash_match_dataclass(shape):
    body, argsets = SHAPES[shape]
    dc, rec = _pair(body)
    made = [(dc(*args), rec(*args)) for args in argsets] or [(dc(), rec())]
    for d1, r1 in made:
        assert repr(r1) == repr(d1)
        for d2, r2 in made:
            assert (r1 == r2) == (d1 == d2)
            assert (r1 != r2) == (d1 != d2)
        try:
            expected = hash(d1)
        except TypeError:
            with pytest.raises(TypeError):
                hash(r1)
        else:
            assert hash(r1) == expected
        assert r1 != d1 and r1.__eq__(d1) is NotImplemented  # another class
        assert (r1 == 3) is False
    assert [f.name for f in dataclasses.fields(rec)] == [f.name for f in dataclasses.fields(dc)]


def test_record_is_frozen():
    body, argsets = SHAPES["several"]
    _, rec = _pair(body)
    obj = rec(*argsets[0])
    with pytest.raises(FrozenInstanceError):
        obj.a = 5
    with pytest.raises(FrozenInstanceError):
        obj.new = 5
    with pytest.raises(FrozenInstanceError):
        del obj.a
    assert dataclasses.replace(obj, a=7).a == 7


def test_record_eq_false_is_identity():
    body, argsets = SHAPES["several"]
    dc, rec = _pair(body, eq=False)
    a, b = rec(*argsets[0]), rec(*argsets[0])
    assert a == a and a != b and hash(a) == object.__hash__(a)
    assert repr(a) == repr(dc(*argsets[0]))


def test_record_repr_of_itself_is_dots():
    body = {"__annotations__": {"items": "list"}}
    dc, rec = _pair(body)
    d, r = dc([]), rec([])
    d.items.append(d)
    r.items.append(r)
    assert repr(r) == repr(d) == "Thing(items=[...])"


def test_results_keep_dataclass_behaviour():
    flag = Flag("loaded", "loaded.x", "x", 0, 1, "x", 0, "c", "why", ("y",), False, 0.5)
    same = Flag("loaded", "loaded.x", "x", 0, 1, "x", 0, "c", "why", ("y",), False, 0.5)
    assert flag == same and hash(flag) == hash(same) and {flag, same} == {flag}
    assert flag != dataclasses.replace(flag, voice="quoted")
    assert repr(flag).startswith("Flag(kind='loaded', id='loaded.x', term='x', start=0,")
    assert pickle.loads(pickle.dumps(flag)) == flag
    with pytest.raises(TypeError):  # a dict field: unhashable, as with dataclass
        hash(Scores(1.0, 0.0, 0.0, 0.0, None, None, None, None, None, None))


def _outcome(action) -> str:
    """What an attribute change does: 'ok', or the error's class and message."""
    try:
        action()
    except Exception as exc:  # noqa: BLE001 - the outcome is what is compared
        return f"{type(exc).__name__}: {exc}"
    return "ok"


@pytest.mark.parametrize("shape", SHAPES)
def test_record_frozenness_matches_dataclass(shape):
    """Setting and deleting fields and other names, on the class and on a plain subclass
    (which may take new attributes but not change fields): the same outcome and message."""
    body, argsets = SHAPES[shape]
    dc, rec = _pair(body)
    args = argsets[0] if argsets else ()
    names = [f.name for f in dataclasses.fields(dc)] + ["new"]
    for make in (lambda c: c, lambda c: type("Sub", (c,), {})):
        d, r = make(dc)(*args), make(rec)(*args)
        for name in names:
            assert (_outcome(lambda: setattr(r, name, 9))
                    == _outcome(lambda: setattr(d, name, 9)))
            assert _outcome(lambda: delattr(r, name)) == _outcome(lambda: delattr(d, name))
        assert vars(r) == vars(d)
    assert dataclasses._frozen_get_del_attr.__module__ == "dataclasses"  # given back
