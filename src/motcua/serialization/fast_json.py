r"""The accelerated JSON decoder of the ``fast`` extra (msgspec), for plain records only.

Installed with ``pip install 'motcua[fast]'``; the report engine uses it when it can be
imported, and gives byte-identical results without it (ADR 0018). Nothing else in motcua
imports this module at load time.

:func:`decode_plain` returns a value only for a text the strict decoder
(:func:`motcua.serialization.decoding.decode_json`) would decode to the same value, and
None for everything else, which then goes to the strict decoder (and its precise errors):

* msgspec refuses what is not JSON, ``NaN`` and ``Infinity``, numbers out of the float
  range (``1e400``), lone surrogates and invalid text: None;
* any number but an integer of at most
  :data:`~motcua.serialization.decoding.MAX_INT_DIGITS` digits (a dossier record's numbers
  are such integers): None, so no long integer and no number written with more than
  :data:`~motcua.serialization.decoding.MAX_NUMBER_CHARS` characters gets through;
* **duplicate keys**, which msgspec (like ``json.loads``) silently resolves to the last
  value: every key of a JSON object is a string followed by ``:``. When no ``:`` in the
  text follows a space or a tab, every key ends in ``":``, so the occurrences of ``":``
  count every key written, plus any ``\\":`` inside a string. The text is taken only when
  that count equals the number of keys in the decoded value, which leaves no room for a
  duplicate (it would make the decoded value smaller than the count).

Nesting needs no check here: the report's reader accepts only records of the schema's
shape (four levels at most), and defers on anything deeper.

>>> decode_plain('{"a": 1, "b": [{"c": null}]}')
{'a': 1, 'b': [{'c': None}]}
>>> decode_plain('{"a": 1, "a": 2}') is None
True
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Final, Union

# Without the extra installed, mypy sees no msgspec: the ignore covers that case only.
import msgspec  # type: ignore[import-not-found,unused-ignore]

__all__ = ["UNSET", "Typed", "decode_plain"]

_DECODE: Final = msgspec.json.Decoder().decode
#: Integers the strict decoder takes have at most MAX_INT_DIGITS (20) digits.
_BIG: Final = 10**20


def _keys(value: dict[str, Any]) -> int:
    """The keys of *value* and of the objects inside it; -1 for a number left to the strict one.

    A float is left to the strict decoder (its rules are on the text as written, which the
    value no longer shows), and so is an integer of more than 20 digits.
    """
    count = len(value)
    for item in value.values():
        kind = type(item)
        if kind is dict:
            inner = _keys(item)
        elif kind is list:
            inner = _items(item)
        elif kind is float or (kind is int and not -_BIG < item < _BIG):
            return -1
        else:
            continue
        if inner < 0:
            return -1
        count += inner
    return count


def _items(values: list[Any]) -> int:
    """The keys of the objects in *values*; -1 as in :func:`_keys`."""
    count = 0
    for item in values:
        kind = type(item)
        if kind is dict:
            inner = _keys(item)
        elif kind is list:
            inner = _items(item)
        elif kind is float or (kind is int and not -_BIG < item < _BIG):
            return -1
        else:
            continue
        if inner < 0:
            return -1
        count += inner
    return count


def decode_plain(text: str) -> object | None:
    """The JSON object of *text* if the strict decoder would give the same; else None."""
    if " :" in text or "\t:" in text:
        return None
    try:
        value = _DECODE(text)
    except (msgspec.MsgspecError, UnicodeEncodeError):  # not JSON, or a lone surrogate
        return None
    if type(value) is not dict or text.count('":') != _keys(value):
        return None
    return value


#: The value of a field the text did not write (msgspec's marker).
UNSET: Final = msgspec.UNSET


class Typed:
    """A typed decoder of plain dossier records: msgspec structs derived from field lists.

    The record and each event type become a struct with exactly the given fields (a text
    with any other key fails to decode), events a tagged union on ``"type"``. Every field
    is ``Any`` and optional ones default to :data:`UNSET`, except the few whose type the
    struct checks in C: ``at`` (a text), and the record's ``code``, ``procedure`` (texts)
    and ``channel`` (an integer, never a bool or float). Values are then checked by the
    report kernel with the schema's own checks. msgspec, like ``json.loads``, keeps the
    last of duplicate keys: the kernel counts keys (``":``) as it does for the standard
    library.

    Attributes:
        decode: Text to a record struct, or None when msgspec refuses it.
        unset: The value of a field the text did not write.
        astuple: A struct's field values, in order (``kinds`` and ``fields`` name them).
        kinds: Each event struct class, with its kind and its field names.
        fields: The record struct's field names.
    """

    def __init__(
        self, record: Mapping[str, bool], events: Mapping[str, Mapping[str, bool]]
    ) -> None:
        """Build the structs: *record* and each of *events* map field names to required."""
        self.unset = UNSET
        self.astuple: Callable[[Any], tuple[Any, ...]] = msgspec.structs.astuple
        self.kinds: dict[type, tuple[str, tuple[str, ...]]] = {}
        classes = []
        for kind, fields in events.items():
            cls = msgspec.defstruct(
                f"Event_{kind}",
                [_field(name, required) for name, required in fields.items()],
                tag=kind,
                tag_field="type",
                forbid_unknown_fields=True,
                kw_only=True,
                gc=False,
            )
            classes.append(cls)
            self.kinds[cls] = (kind, tuple(fields))
        union: Any = Union[tuple(classes)]  # noqa: UP007 - a runtime union of classes
        specs = [_field(name, required) for name, required in record.items() if name != "events"]
        specs.append(("events", list[union]))
        self.fields = tuple(name for name, *_ in specs)
        self.record = msgspec.defstruct(
            "Record", specs, forbid_unknown_fields=True, kw_only=True, gc=False
        )
        decode = msgspec.json.Decoder(self.record).decode
        #: The decoder itself, and what it raises on a text it refuses (no wrapper call).
        self.raw_decode: Callable[[str], Any] = decode
        self.errors: tuple[type[BaseException], ...] = (msgspec.MsgspecError, UnicodeEncodeError)

        def typed(text: str) -> Any:
            try:
                return decode(text)
            except (msgspec.MsgspecError, UnicodeEncodeError):
                return None

        self.decode: Callable[[str], Any] = typed


_TYPED: Final[dict[str, type]] = {"at": str, "code": str, "procedure": str, "channel": int}


def _field(name: str, required: bool) -> tuple[Any, ...]:
    kind = _TYPED.get(name, Any)
    return (name, kind) if required else (name, kind, UNSET)
