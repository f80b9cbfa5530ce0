r"""Strict JSON decoding: one decoder for every file motcua reads.

The standard library's :func:`json.loads` accepts things that change data silently or crash
later. Every reader in motcua decodes through :func:`decode_json`, which refuses, with an
:class:`~motcua.foundation.errors.InvalidInputError` naming the place and the JSON path:

* a **duplicate key** in an object (``json.loads`` keeps the last one, so a second
  ``"events"`` would replace a dossier's whole history);
* ``NaN``, ``Infinity`` and ``-Infinity`` (not JSON), and a number whose value is not finite
  (``1e400``);
* an **integer longer than** :data:`MAX_INT_DIGITS` digits, or any number written with more
  than :data:`MAX_NUMBER_CHARS` characters (Python refuses integers of more than 4,300 digits
  with a ``ValueError``; motcua never needs more than 20);
* **nesting deeper than** :data:`MAX_DEPTH` arrays and objects (the standard decoder
  recurses, and 100,000 levels end in a ``RecursionError``);
* a **lone surrogate** (``"\ud800"``): accepted by ``json.loads``, it cannot be written as
  UTF-8 later.

>>> decode_json('{"a": 1, "b": [true, null]}', "f.json")
{'a': 1, 'b': [True, None]}
>>> decode_json('{"events": [], "events": []}', "f.json")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
motcua.foundation.errors.InvalidInputError: f.json $.events: expected each key once in ...
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from typing import Final

from motcua.foundation.errors import InvalidInputError

__all__ = [
    "MAX_DEPTH",
    "MAX_INT_DIGITS",
    "MAX_NUMBER_CHARS",
    "check_text",
    "decode_json",
    "key_path",
]

#: Deepest nesting of arrays and objects accepted (a dossier record needs 4).
MAX_DEPTH: Final = 64
#: Most digits in a JSON integer (a signed 64-bit integer has at most 19).
MAX_INT_DIGITS: Final = 20
#: Most characters in one JSON number as written.
MAX_NUMBER_CHARS: Final = 40

# A \uD800-\uDFFF escape (text decoded from UTF-8 cannot hold a surrogate itself).
_MAYBE_SURROGATE: Final = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE: Final = re.compile(r"[\ud800-\udfff]")


class _Refused(Exception):  # noqa: N818 - internal: raised inside the decoder's hooks
    """A value the strict decoder refuses; :func:`decode_json` finds its JSON path."""


def _pairs(pairs: list[tuple[str, object]]) -> dict[str, object]:
    data = dict(pairs)
    if len(data) != len(pairs):
        raise _Refused
    return data


def _int(text: str) -> int:
    if len(text) > MAX_INT_DIGITS + 1 or len(text.lstrip("-")) > MAX_INT_DIGITS:
        raise _Refused
    return int(text)


def _float(text: str) -> float:
    if len(text) > MAX_NUMBER_CHARS:
        raise _Refused
    value = float(text)
    if not math.isfinite(value):
        raise _Refused
    return value


def _constant(_name: str) -> object:
    raise _Refused


_STRICT: Final = json.JSONDecoder(
    object_pairs_hook=_pairs, parse_int=_int, parse_float=_float, parse_constant=_constant
)


class _Raw:
    """A number or constant as written, kept by the inspecting decoder."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text


class _Pairs(list[tuple[str, object]]):
    """An object's pairs as written, duplicates included, kept by the inspecting decoder."""


_INSPECT: Final = json.JSONDecoder(
    object_pairs_hook=_Pairs, parse_int=_Raw, parse_float=_Raw, parse_constant=_Raw
)


def check_text(value: str, field: str) -> str:
    """*value*, unless it holds a lone surrogate (text that cannot be written as UTF-8).

    For values handed over in Python rather than read from a file (files are UTF-8, which
    cannot hold one).
    """
    if _SURROGATE.search(value):
        raise InvalidInputError(
            field,
            "text without lone surrogates (\\ud800-\\udfff)",
            value,
            "a surrogate must be half of a pair",
        )
    return value


def key_path(path: str, key: str) -> str:
    r"""The JSON path of *key* in the object at *path*, always one printable line.

    A plain name is written ``path.key``; any other key in brackets with JSON escapes, and
    every character that is not printable escaped, so a key cannot break a message's line.

    >>> key_path("$", "events"), key_path("$", "a\nb"), key_path("$", "1.0")
    ('$.events', '$["a\\nb"]', '$["1.0"]')
    """
    if key.isidentifier():
        return f"{path}.{key}"
    quoted = "".join(c if c.isprintable() and c not in '"\\' else json.dumps(c)[1:-1] for c in key)
    return f'{path}["{quoted}"]'


def _children(value: object, path: str) -> Iterator[tuple[str, object]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield key_path(path, key), item
    elif isinstance(value, _Pairs):
        for key, item in value:
            yield key_path(path, key), item
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield f"{path}[{index}]", item


def _walk(value: object) -> Iterator[tuple[str, int, object]]:
    """Every value with its JSON path and depth, in document order (no recursion)."""
    stack: list[Iterator[tuple[str, object]]] = [iter([("$", value)])]
    while stack:
        for path, item in stack[-1]:
            yield path, len(stack) - 1, item
            if isinstance(item, dict | list):
                stack.append(_children(item, path))
            break
        else:
            stack.pop()


def _number_problem(raw: _Raw) -> tuple[str, str] | None:
    text = raw.text
    if text in ("NaN", "Infinity", "-Infinity"):
        return "a finite number (NaN and Infinity are not JSON)", text
    if "." not in text and "e" not in text and "E" not in text:
        if len(text.lstrip("-")) > MAX_INT_DIGITS:
            shown = text if len(text) <= 24 else f"{text[:12]}…({len(text)} characters)"
            return f"an integer of at most {MAX_INT_DIGITS} digits", shown
        return None
    if len(text) > MAX_NUMBER_CHARS or not math.isfinite(float(text)):
        shown = text if len(text) <= 24 else f"{text[:12]}…({len(text)} characters)"
        return f"a finite number of at most {MAX_NUMBER_CHARS} characters", shown
    return None


def _problem(path: str, value: object) -> tuple[str, str, object, str] | None:
    if isinstance(value, _Pairs):
        seen: set[str] = set()
        for key, _ in value:
            if key in seen:
                return (
                    key_path(path, key),
                    "each key once in an object",
                    key,
                    "the key appears twice; remove or merge the duplicate",
                )
            seen.add(key)
    if isinstance(value, _Raw):
        found = _number_problem(value)
        if found is not None:
            return path, found[0], found[1], "write the number in range, or as text if it is one"
    if isinstance(value, str) and _SURROGATE.search(value):
        return path, "text without lone surrogates (\\ud800-\\udfff)", value, "fix the escape"
    return None


def _find(text: str, where: str) -> InvalidInputError:
    """Locate what the strict decoder refused, by decoding again without refusing."""
    try:
        data = _INSPECT.decode(text)
    except json.JSONDecodeError as exc:
        # The text breaks off (or goes wrong) after the refused value: report the syntax.
        return _syntax_error(exc, where)
    except RecursionError:
        return _too_deep(where)
    for path, _depth, value in _walk(data):
        found = _problem(path, value)
        if found is None and isinstance(value, _Pairs):
            for key, _item in value:
                if _SURROGATE.search(key):
                    found = (path, "keys without lone surrogates", key, "fix the escape")
        if found is not None:
            at, expected, got, hint = found
            return InvalidInputError(f"{where} {at}", expected, got, hint)
    # pragma: no cover - the strict decoder refused something the inspection must find
    return InvalidInputError(f"{where} $", "strict JSON", "a value refused by the decoder")


def _syntax_error(exc: json.JSONDecodeError, where: str) -> InvalidInputError:
    in_line = " line " in where
    place = where if in_line else f"{where} line {exc.lineno}"
    hint = "fix the JSON syntax"
    if not in_line and exc.msg == "Extra data" and exc.colno == 1:
        # A second value starting a line: the usual sign of JSON Lines read as one document.
        hint += ", or read the input as JSON Lines (input format jsonl, or a .jsonl name)"
    return InvalidInputError(f"{place} column {exc.colno}", "valid JSON", exc.msg, hint)


def _too_deep(where: str) -> InvalidInputError:
    return InvalidInputError(
        f"{where} $",
        f"arrays and objects nested at most {MAX_DEPTH} deep",
        "deeper nesting",
        "motcua records are shallow; check what produced this file",
    )


def decode_json(text: str, where: str, *, from_utf8: bool = False) -> object:
    """Decode one JSON text strictly; every refusal names *where* and the JSON path.

    Args:
        text: The JSON text (one record of a JSON Lines file, or a whole document).
        where: The file (and line) it came from, for messages.
        from_utf8: The text was decoded from UTF-8 bytes, so it cannot hold a surrogate
            character itself (only an escape can make one): skip that search.

    Raises:
        InvalidInputError: Not JSON, or JSON motcua refuses (module docstring).
    """
    try:
        data = _STRICT.decode(text)
    except json.JSONDecodeError as exc:
        raise _syntax_error(exc, where) from None
    except RecursionError:
        raise _too_deep(where) from None
    except (_Refused, ValueError):
        raise _find(text, where) from None
    if text.count("[") + text.count("{") > MAX_DEPTH:
        for _path, depth, value in _walk(data):
            # An array or object at depth MAX_DEPTH is the (MAX_DEPTH + 1)th level.
            if depth > MAX_DEPTH or (depth == MAX_DEPTH and isinstance(value, dict | list)):
                raise _too_deep(where)
    raw = not from_utf8 and not text.isascii() and _SURROGATE.search(text) is not None
    if raw or ("\\u" in text and _MAYBE_SURROGATE.search(text)):
        for path, _depth, value in _walk(data):
            keys = value.keys() if isinstance(value, dict) else ()
            if (isinstance(value, str) and _SURROGATE.search(value)) or any(
                _SURROGATE.search(k) for k in keys
            ):
                raise InvalidInputError(
                    f"{where} {path}",
                    "text without lone surrogates (\\ud800-\\udfff)",
                    value if isinstance(value, str) else sorted(keys),
                    "fix the \\u escape; a surrogate must be half of a pair",
                )
    return data
