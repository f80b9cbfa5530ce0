"""Frozen values written by hand: the time layer's classes without a class-building library.

``import motcua`` followed by a first due instant has to stay well under the cost of
``holidays`` (issue 14, ADR 0026), and importing attrs alone costs about a quarter of that.
So the time layer's values derive from :class:`Frozen`, which gives them what
``attrs.frozen`` gave, from their declared fields:

* slots, and no assignment or deletion once built (:class:`FrozenValueError`, an
  ``AttributeError`` as attrs' ``FrozenInstanceError`` is);
* equality and hashing by the fields, between values of the same class only;
* ``ClassName(field=value, ...)`` as the repr;
* ordering by the fields, for a class derived from :class:`OrderedFrozen`;
* ``__match_args__`` (the fields), for ``match`` statements;
* pickling and copying through the constructor, so that a value's private tables and
  memos are rebuilt, never stored;
* :func:`replace` for a copy with some fields changed (what ``attrs.evolve`` does),
  :func:`fields` for the names of the fields and :func:`as_dict` for the fields as plain
  data (what ``attrs.asdict`` does; it reads attrs values of the other layers too).

The fields are the class's public annotations, in the order written (each must be in
``__slots__``; private slots hold derived tables and memos), unless the class declares
``_fields`` itself (a field may then be a property over private slots). Each class writes its own
``__init__`` with its checks and conversions and stores each field with
``object.__setattr__``; every field is a keyword of ``__init__`` of the same name, which
:func:`replace` and pickling rely on.

>>> class Span(OrderedFrozen):
...     __slots__ = ("end", "start")
...     start: int
...     end: int
...     def __init__(self, start: int, end: int) -> None:
...         object.__setattr__(self, "start", start)
...         object.__setattr__(self, "end", end)
>>> Span(1, 2), Span(1, 2) == Span(1, 2), Span(1, 2) < Span(1, 3)
(Span(start=1, end=2), True, True)
>>> replace(Span(1, 2), end=5)
Span(start=1, end=5)
>>> Span(1, 2).end = 3
Traceback (most recent call last):
...
motcua.foundation.errors.FrozenValueError: Span.end: cannot change a field of a frozen value; ...
"""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from motcua.foundation.errors import FrozenValueError

if TYPE_CHECKING:  # type checkers see the fields as read-only, as attrs.frozen's were
    from typing_extensions import dataclass_transform
else:

    def dataclass_transform(**_options: object) -> Callable[[type], type]:
        """At run time, nothing: :class:`Frozen` does the work itself."""
        return lambda cls: cls


__all__ = ["Frozen", "FrozenValueError", "OrderedFrozen", "as_dict", "fields", "replace"]


@dataclass_transform(frozen_default=True, eq_default=True)
class Frozen:
    """Base of a frozen value: slots, equality, hashing, repr and pickling by its fields."""

    __slots__ = ("__weakref__",)

    #: The fields, in declaration order (the class's public annotations).
    _fields: ClassVar[tuple[str, ...]] = ()
    #: Reads the fields of a value (one value for one field, else a tuple).
    _key: ClassVar[attrgetter[Any]]
    #: The fields, for ``match`` statements.
    __match_args__: ClassVar[tuple[str, ...]]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        """Take the fields from the public annotations; derive their reader and match args."""
        super().__init_subclass__(**kwargs)
        if "_fields" not in cls.__dict__:  # else declared (a field may then be a property)
            declared: dict[str, object] = cls.__dict__.get("__annotations__", {})  # noqa: RUF063 - no inspect (ADR 0026)
            own = tuple(
                name
                for name, kind in declared.items()
                if not name.startswith("_") and not str(kind).startswith(("ClassVar", "Final"))
            )
            slots = cls.__dict__.get("__slots__", ())
            missing = [name for name in own if name not in slots]
            if missing:
                msg = f"{cls.__name__}: the fields {missing} are not in __slots__"
                raise TypeError(msg)
            cls._fields = (*cls._fields, *own)
        if cls._fields:
            cls._key = attrgetter(*cls._fields)
            if "__match_args__" not in cls.__dict__:
                type.__setattr__(cls, "__match_args__", cls._fields)

    def __setattr__(self, name: str, value: object) -> None:
        """Refuse: a value never changes (build another with :func:`replace`)."""
        raise FrozenValueError(type(self).__name__, name)

    def __delattr__(self, name: str) -> None:
        """Refuse: a value never changes."""
        raise FrozenValueError(type(self).__name__, name)

    def __eq__(self, other: object) -> bool:
        """Equal when *other* is of the same class with equal fields."""
        if other.__class__ is not self.__class__:
            return NotImplemented
        key = self._key
        return bool(key(self) == key(other))

    def __hash__(self) -> int:
        """Hash on the class and the fields, as equality compares them."""
        return hash((self.__class__.__qualname__, self._key(self)))

    def __repr__(self) -> str:
        """Return ``ClassName(field=value, ...)``."""
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._fields)
        return f"{self.__class__.__qualname__}({shown})"

    def __reduce__(self) -> tuple[Callable[..., Any], tuple[Any, ...]]:
        """Pickle and copy by the fields; the constructor rebuilds everything else."""
        return (_rebuild, (self.__class__, {n: getattr(self, n) for n in self._fields}))


class OrderedFrozen(Frozen):
    """A frozen value that is also ordered by its fields, as the tuple of them is."""

    __slots__ = ()

    def __lt__(self, other: object) -> bool:
        """Compare the fields in order (NotImplemented for another class)."""
        if other.__class__ is not self.__class__:
            return NotImplemented
        return bool(self._key(self) < self._key(other))

    def __le__(self, other: object) -> bool:
        """Compare the fields in order (NotImplemented for another class)."""
        if other.__class__ is not self.__class__:
            return NotImplemented
        return bool(self._key(self) <= self._key(other))

    def __gt__(self, other: object) -> bool:
        """Compare the fields in order (NotImplemented for another class)."""
        if other.__class__ is not self.__class__:
            return NotImplemented
        return bool(self._key(self) > self._key(other))

    def __ge__(self, other: object) -> bool:
        """Compare the fields in order (NotImplemented for another class)."""
        if other.__class__ is not self.__class__:
            return NotImplemented
        return bool(self._key(self) >= self._key(other))


#: A frozen value class (bound without a string: a forward reference would compile it).
V = TypeVar("V", bound=Frozen)


def _rebuild(cls: type[V], values: dict[str, Any]) -> V:
    """The value of class *cls* with these fields (the other half of ``__reduce__``)."""
    return cls(**values)


def fields(cls: type[Frozen]) -> tuple[str, ...]:
    """Return the names of the fields of a frozen value class, in constructor order.

    >>> from motcua.time.limits import SameDay
    >>> fields(SameDay)
    ('cutoff',)
    """
    return cls._fields


def replace(value: V, **changes: Any) -> V:
    """Return a copy of *value* with the fields in *changes* replaced, checked anew.

    The copy is built by the class's constructor from every field, so its checks and
    conversions apply to the new fields as to the old ones.

    Raises:
        TypeError: A name in *changes* is not a field.

    >>> from motcua.time.limits import SameDay
    >>> from datetime import time
    >>> replace(SameDay(), cutoff=time(15, 0))
    SameDay(cutoff=datetime.time(15, 0))
    """
    cls = type(value)
    unknown = sorted(set(changes) - set(cls._fields))
    if unknown:
        msg = f"{cls.__name__} has no field {unknown[0]!r}; its fields: {', '.join(cls._fields)}"
        raise TypeError(msg)
    current = {n: getattr(value, n) for n in cls._fields}
    current.update(changes)
    return cls(**current)


def as_dict(value: object, *, leaf: Callable[[object], object] | None = None) -> Any:
    """Return *value* as plain data: each value a dict of its fields, collections lists.

    Frozen values and attrs values (of the other layers) become dicts by field, in field
    order; tuples, lists, sets and frozensets become lists, dicts keep their keys; anything
    else is a leaf, passed through *leaf* when given.

    >>> from motcua.time.limits import WorkingDays
    >>> as_dict((WorkingDays(5), {"k": WorkingDays(1)}))
    [{'count': 5}, {'k': {'count': 1}}]
    """
    cls = type(value)
    names: tuple[str, ...] | list[str] = ()
    if isinstance(value, Frozen):
        names = value._fields
    elif hasattr(cls, "__attrs_attrs__"):
        names = [a.name for a in cls.__attrs_attrs__]
    if names:
        return {n: as_dict(getattr(value, n), leaf=leaf) for n in names}
    if isinstance(value, tuple | list | set | frozenset):
        return [as_dict(v, leaf=leaf) for v in value]
    if isinstance(value, dict):
        return {k: as_dict(v, leaf=leaf) for k, v in value.items()}
    return value if leaf is None else leaf(value)
