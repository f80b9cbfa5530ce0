"""Hostile input, built from valid records: mutated at every JSON path, written as raw text.

A mutation picks one path of a valid record (the record itself, any key, any array item)
and does one unkind thing there: the wrong type, a missing, extra or duplicate key, other
scripts' digits, a huge or non-finite number, deep nesting, a lone surrogate, a control
character, an odd offset. Values that ``json.dumps`` cannot write (duplicate keys, ``NaN``,
5,000-digit integers, 100,000 levels of nesting) are :class:`Raw` tokens and :class:`Dup`
objects, written by :func:`dump`. :func:`hostile_bytes` then damages the text itself
(invalid UTF-8, a byte-order mark, CR or CRLF line ends, truncation, nothing at all).

The same trees are also handed to the readers as Python values (:func:`to_python`), as a
portal that parsed the JSON itself would: duplicate keys collapse, ``NaN`` is a float,
a 5,000-digit integer is an ``int``, and deep nesting is a real nested list.
"""

from __future__ import annotations

import copy
import json
import math
import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, Final

from hypothesis import strategies as st

ROOT: Final = Path(__file__).resolve().parents[2]
EXAMPLES: Final = ROOT / "examples" / "data"
TEST_DATA: Final = ROOT / "tests" / "data"
CATALOGUE_FILE: Final = ROOT / "src" / "motcua" / "data" / "catalogue.json"

Path_ = tuple[str | int, ...]


class Raw:
    """A JSON token written exactly as given (``NaN``, ``1e100000000``, ``[[[...]]]``)."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        shown = self.text if len(self.text) <= 40 else f"{self.text[:20]}…({len(self.text)})"
        return f"Raw({shown!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Raw) and other.text == self.text

    def __hash__(self) -> int:
        return hash(self.text)


class Dup:
    """A JSON object written with its pairs as given, so a key may appear twice."""

    __slots__ = ("pairs",)

    def __init__(self, pairs: list[tuple[str, Any]]) -> None:
        self.pairs = pairs

    def __repr__(self) -> str:
        return f"Dup({self.pairs!r})"


# --- The valid records every mutation starts from ------------------------------------------


def _jsonl(path: Path) -> list[Any]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def dossier_records() -> list[Any]:
    """Every dossier record of the example files (40 records, every kind of history)."""
    return [
        r
        for name in ("dossiers", "compliant", "violations")
        for r in _jsonl(EXAMPLES / f"{name}.jsonl")
    ]


def catalogue_document() -> Any:
    """The sample catalogue document."""
    return json.loads(CATALOGUE_FILE.read_text(encoding="utf-8"))


def dvcqg_procedure_records() -> list[Any]:
    """The national procedure records of tests/data."""
    data = json.loads((TEST_DATA / "dvcqg_procedure.json").read_text(encoding="utf-8"))
    rows: list[Any] = data["result"]
    return rows


#: A valid announcements file (2027-01-02 is a Saturday, so it can be worked).
ANNOUNCEMENTS: Final[dict[str, Any]] = {
    "announced_through": 2027,
    "announcements": [
        {
            "instrument": "1234/VPCP-KGVX",
            "issued": "2026-12-20",
            "issuer": "Văn phòng Chính phủ",
            "subject": "Nghỉ Tết Dương lịch 2027",
            "source": "https://example.invalid/1234",
            "scope": "national",
            "confidence": "confirmed",
            "note": "",
            "changes": [
                {
                    "day": "2027-01-02",
                    "kind": "working_day",
                    "name_vi": "Làm bù",
                    "name_en": "Make-up day",
                    "swapped_with": "2026-12-31",
                },
                {"day": "2026-12-31", "kind": "day_off", "name_vi": "Nghỉ hoán đổi"},
            ],
        },
        {
            "instrument": "",
            "issuer": "UBND xã",
            "subject": "Nghỉ đột xuất",
            "source": "Quyết định 12/QĐ-UBND",
            "scope": "local",
            "changes": [{"day": "2027-03-05", "kind": "day_off", "name_vi": "Đóng cửa"}],
        },
    ],
}

#: Valid time limits, one of each shape.
LIMITS: Final[list[dict[str, Any]]] = [
    {"unit": "working_days", "count": 5},
    {"unit": "working_days", "count": "1/2"},
    {"unit": "working_hours", "count": 4},
    {"unit": "working_hours", "count": "3/2"},
    {"unit": "calendar_days", "count": 30},
    {"unit": "months", "count": 3},
    {"unit": "same_day"},
    {"unit": "same_day", "cutoff": "15:00"},
    {"unit": "none"},
    {"unit": "none", "note": "Không quy định"},
]

#: Valid published figures (Biểu 06 columns and resolved_in_time).
FIGURES: Final[list[dict[str, Any]]] = [
    {
        "received_total": 1373,
        "resolved_total": 1360,
        "resolved_in_time": 1350,
        "resolved_late": 10,
        "pending_total": 13,
        "pending_within": 12,
    },
    {
        "carried_over": 13,
        "received_online": 40,
        "received_in_person_or_postal": 50,
        "received_total": 103,
        "resolved_total": 100,
        "resolved_early": 20,
        "resolved_on_time": 70,
        "resolved_late": 10,
        "pending_total": 3,
        "pending_within": 3,
        "pending_overdue": 0,
    },
]


# --- Hostile values -----------------------------------------------------------------------

ARABIC_INDIC: Final = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
FULLWIDTH: Final = str.maketrans("0123456789", "０１２３４５６７８９")
SUPERSCRIPT: Final = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
DEVANAGARI: Final = str.maketrans("0123456789", "०१२३४५६७८९")
DIGIT_TABLES: Final = (ARABIC_INDIC, FULLWIDTH, SUPERSCRIPT, DEVANAGARI)

#: A value of the wrong type for any field: strings where lists go, lists and objects where
#: scalars go, booleans where integers go, floats where integers go.
WRONG_TYPES: Final[list[Any]] = [
    "",
    "x",
    "CCCD",
    "1",
    "true",
    "null",
    [],
    ["CCCD"],
    [1, 2],
    {},
    {"a": 1},
    {"unit": "working_days", "count": 5},
    True,
    False,
    0,
    1,
    -1,
    2,
    3,
    1.0,
    0.5,
    -0.0,
    None,
    2**63,
    -(2**63) - 1,
]

#: Numbers JSON can write and Python struggles with (raw tokens).
HUGE_TOKENS: Final[list[Raw | str]] = [
    Raw("9" * 5000),
    Raw("-" + "9" * 5000),
    Raw("1" + "0" * 20),
    Raw("1" + "0" * 25),
    Raw("1e100000000"),
    Raw("-1e100000000"),
    Raw("1e400"),
    Raw("1e-400"),
    Raw("0." + "0" * 60 + "1"),
    Raw("NaN"),
    Raw("Infinity"),
    Raw("-Infinity"),
    Raw("-0"),
    Raw("1.0"),
    Raw("1E2"),
    "1e100000000",
    "9" * 5000,
    "1_0",
    "0x10",
    " 5",
    "5 ",
    "+5",
    "05",
    "Infinity",
    "NaN",
    "1/0",
    "2/4",
    "1/1",
    "0/0",
]

#: Text that is unkind to printers, terminals, encoders and line-oriented logs.
NASTY_TEXT: Final[list[str]] = [
    "\ud800",
    "\udfff",
    "a\ud800b",
    "\x00",
    "\x1b[31mred\x1b[0m",
    "\n",
    "line\nbreak",
    "cr\rreturn",
    "\r\n",
    "\u2028",
    "\u2029",
    "\x85",
    "\x0b\x0c",
    "\u200b",
    "\ufeff",
    "\u202e",
    " padded ",
    "a" * 10_000,
    "Nguyễn",
    "😀",
]

#: Instants at the edges: odd offsets, years 1 and 9999 with offsets, not-quite ISO.
INSTANTS: Final[list[str]] = [
    "0001-01-01T00:00:00+14:00",
    "0001-01-01T00:00:00-12:00",
    "0001-01-01T06:59:59Z",
    "0001-01-01T00:00",
    "9999-12-31T23:59:59-12:00",
    "9999-12-31T23:59:59+14:00",
    "9999-12-31T23:59:59Z",
    "9999-12-31T23:59",
    "2024-04-01T08:00:00+14:00",
    "2024-04-01T08:00:00-12:00",
    "2024-04-01T08:00:00+23:59",
    "2024-04-01T08:00:00+24:00",
    "2024-04-01T08:00:00-00:00",
    "2024-04-01T08:00:00.123456+07:00",
    "2024-04-01T08:00:00.1234567+07:00",
    "2024-04-01T08:00:00,5+07:00",
    "2024-04-01T08:00:60+07:00",
    "2024-04-01T24:00:00+07:00",
    "2024-02-30T08:00:00+07:00",
    "2024-04-01 08:00:00+07:00",
    "2024-04-01t08:00:00+07:00",
    "2024-04-01T08:00:00z",
    "2024-W14-1T08:00",
    "20240401T080000",
    "2024-04-01",
    "0001-01-01",
    "9999-12-31",
    "31/12/9999",
    "01/01/0001 00:00",
    "2024-04-01T08",
    "2024-04-01T08:00:00+0700",
    "2024-04-01T08:00:00+07",
    "２０２４-04-01T08:00:00+07:00",
    "2024-04-01T08:00:00+07:00 ",
    "",
]


#: Keys that a record does not have, or should not have twice.
EXTRA_KEYS: Final[list[str]] = [
    "extra",
    "scop",
    "Events",
    "schema_version",
    "type",
    "code",
    "",
    " ",
    "x\ny",
    "\ud800",
    "événement",
    "__proto__",
]

#: How deep the nesting goes.
DEPTHS: Final = (63, 64, 65, 1000, 100_000)

_INSTANT_LIKE: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def dump(value: Any, *, ascii_only: bool = False, pretty: bool = False) -> str:
    """Write a tree of JSON values, :class:`Raw` tokens and :class:`Dup` objects as JSON text.

    Strings with a lone surrogate are always written as ``\\uXXXX`` escapes (the only way a
    JSON text can hold one). *pretty* puts each item on its own line.
    """
    comma = _Text(",\n  " if pretty else ", ")
    parts: list[str] = []
    # An explicit stack: the trees hold deep nesting only as Raw tokens, but stay safe.
    stack: list[Any] = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, _Text | Raw):
            parts.append(item.text)
        elif isinstance(item, Dup | dict):
            pairs = item.pairs if isinstance(item, Dup) else list(item.items())
            todo: list[Any] = [_Text("{")]
            for i, (key, sub) in enumerate(pairs):
                if i:
                    todo.append(comma)
                todo.extend((_Text(_string(key, ascii_only=ascii_only) + ": "), sub))
            todo.append(_Text("}"))
            stack.extend(reversed(todo))
        elif isinstance(item, list):
            todo = [_Text("[")]
            for i, sub in enumerate(item):
                if i:
                    todo.append(comma)
                todo.append(sub)
            todo.append(_Text("]"))
            stack.extend(reversed(todo))
        elif isinstance(item, str):
            parts.append(_string(item, ascii_only=ascii_only))
        elif isinstance(item, float) and math.isnan(item):
            parts.append("NaN")
        elif isinstance(item, int) and not isinstance(item, bool) and abs(item) > 10**4000:
            parts.append(_big_int_text(item))
        else:
            parts.append(json.dumps(item))
    return "".join(parts)


class _Text:
    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text


def _string(text: str, *, ascii_only: bool) -> str:
    surrogate = any("\ud800" <= c <= "\udfff" for c in text)
    return json.dumps(text, ensure_ascii=ascii_only or surrogate)


def _big_int_text(value: int) -> str:
    # str(int) is limited to 4,300 digits on recent Pythons; build the digits by parts.
    sign = "-" if value < 0 else ""
    value = abs(value)
    chunks: list[str] = []
    while value:
        value, rest = divmod(value, 10**1000)
        chunks.append(str(rest).zfill(1000) if value else str(rest))
    return sign + "".join(reversed(chunks))


def _nested(depth: int, *, objects: bool) -> Raw:
    if objects:
        return Raw('{"a": ' * depth + "1" + "}" * depth)
    return Raw("[" * depth + "]" * depth)


def to_python(value: Any, *, python_only: bool = False) -> Any:
    """The Python value a lenient parser would give (duplicates collapse, Raw tokens parsed).

    Without *python_only*, the value is one ``json.loads`` can return: an integer of 5,000
    digits becomes one of 31 (``json.loads`` refuses more than 4,300) and a lone surrogate
    becomes U+FFFD (so the property tests reach past them). With it, they stay, as a caller
    building its values in Python could hand them over.
    """
    if isinstance(value, Raw):
        return _raw_python(value.text, python_only=python_only)
    if isinstance(value, Dup):
        value = dict(value.pairs)
    if isinstance(value, dict):
        return {
            _str(k, python_only=python_only): to_python(v, python_only=python_only)
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [to_python(v, python_only=python_only) for v in value]
    if isinstance(value, str):
        return _str(value, python_only=python_only)
    return value


_LONE_SURROGATE: Final = re.compile("[\ud800-\udfff]")


def _str(text: str, *, python_only: bool) -> str:
    return text if python_only else _LONE_SURROGATE.sub("\ufffd", text)


#: Deepest nesting handed over as Python values: what ``json.loads`` itself can still build.
PYTHON_DEPTH: Final = 500


def _raw_python(text: str, *, python_only: bool) -> Any:
    if text.startswith(("[[", "{")):
        depth = min(PYTHON_DEPTH, text.count("[") + text.count("{"))
        inner: Any = 1 if text.startswith("{") else []
        for _ in range(depth - (0 if text.startswith("{") else 1)):
            inner = {"a": inner} if text.startswith("{") else [inner]
        return inner
    digits = text.lstrip("-")
    if digits.isdigit() and len(digits) > 4000:
        if not python_only:
            return int(text[:31])
        value = 0
        for k in range(0, len(digits), 1000):
            chunk = digits[k : k + 1000]
            value = value * 10 ** len(chunk) + int(chunk)
        return -value if text.startswith("-") else value
    return json.loads(text)


# --- Mutations ----------------------------------------------------------------------------


def paths(value: Any, prefix: Path_ = ()) -> Iterator[Path_]:
    """Every path of a tree, the root first (Raw and Dup values are leaves)."""
    yield prefix
    if isinstance(value, dict):
        for key, sub in value.items():
            yield from paths(sub, (*prefix, key))
    elif isinstance(value, list):
        for index, sub in enumerate(value):
            yield from paths(sub, (*prefix, index))


def get(tree: Any, path: Path_) -> Any:
    """The value at *path*."""
    for step in path:
        tree = tree[step]
    return tree


def _put(tree: Any, path: Path_, value: Any) -> Any:
    if not path:
        return value
    get(tree, path[:-1])[path[-1]] = value
    return tree


def _digits(value: Any, draw: st.DrawFn) -> Any:
    if isinstance(value, str):
        text = value
    elif isinstance(value, int) and not isinstance(value, bool) and abs(value) < 10**100:
        text = str(value)
    else:
        text = ""
    positions = [i for i, c in enumerate(text) if c in "0123456789"]
    if not positions:
        return draw(st.sampled_from(["٣", "３", "²", "१"]))
    table = draw(st.sampled_from(DIGIT_TABLES))
    if draw(st.booleans()):
        return text.translate(table)
    k = draw(st.sampled_from(positions))
    return text[:k] + text[k].translate(table) + text[k + 1 :]


def _text(value: Any, draw: st.DrawFn) -> Any:
    nasty = draw(st.sampled_from(NASTY_TEXT))
    if not isinstance(value, str) or draw(st.booleans()):
        return nasty
    where = draw(st.sampled_from(["start", "end", "middle", "nfd"]))
    if where == "start":
        return nasty + value
    if where == "end":
        return value + nasty
    if where == "nfd":
        return unicodedata.normalize("NFD", value) if value else nasty
    half = len(value) // 2
    return value[:half] + nasty + value[half:]


def _instant(value: Any, draw: st.DrawFn) -> Any:
    if isinstance(value, str) and _INSTANT_LIKE.match(value) and draw(st.booleans()):
        head = value[:19] if len(value) >= 19 else value
        offset = draw(st.sampled_from(["+14:00", "-12:00", "Z", "", "+07:00", "+00:00"]))
        year = draw(st.sampled_from(["", "0001", "9999"]))
        return (year + head[4:] if year else head) + offset
    return draw(st.sampled_from(INSTANTS))


def _duplicate(value: Any, draw: st.DrawFn) -> Any:
    if not isinstance(value, dict) or not value:
        return Dup([("a", 1), ("a", 2)])
    pairs = list(value.items())
    key, old = draw(st.sampled_from(pairs))
    twin = draw(st.sampled_from([old, copy.deepcopy(old), None, [], "x", 0]))
    spot = draw(st.integers(0, len(pairs)))
    return Dup([*pairs[:spot], (key, twin), *pairs[spot:]])


def _extra(value: Any, draw: st.DrawFn, keys: Sequence[str] = EXTRA_KEYS) -> Any:
    if not isinstance(value, dict):
        return {draw(st.sampled_from(keys)): value}
    out = dict(value)
    out[draw(st.sampled_from(keys))] = draw(st.sampled_from(WRONG_TYPES))
    return out


def _list(value: Any, draw: st.DrawFn) -> Any:
    if not isinstance(value, list) or not value:
        return [value]
    how = draw(st.sampled_from(["empty", "twice", "reverse", "drop", "wrap"]))
    if how == "empty":
        return []
    if how == "twice":
        k = draw(st.integers(0, len(value) - 1))
        return [*value[: k + 1], copy.deepcopy(value[k]), *value[k + 1 :]]
    if how == "reverse":
        return value[::-1]
    if how == "drop":
        k = draw(st.integers(0, len(value) - 1))
        return value[:k] + value[k + 1 :]
    return [value]


Mutation = Callable[[Any, st.DrawFn], Any]

MUTATIONS: Final[dict[str, Mutation]] = {
    "wrong_type": lambda _v, draw: draw(st.sampled_from(WRONG_TYPES)),
    "digits": _digits,
    "huge": lambda _v, draw: draw(st.sampled_from(HUGE_TOKENS)),
    "text": _text,
    "instant": _instant,
    "extra_key": _extra,
    "duplicate_key": _duplicate,
    "deep": lambda _v, draw: _nested(draw(st.sampled_from(DEPTHS)), objects=draw(st.booleans())),
    "list": _list,
    "wrap": lambda v, draw: draw(st.sampled_from([[v], {"value": v}])),
}


@st.composite
def mutated(
    draw: st.DrawFn,
    bases: Sequence[Any],
    max_mutations: int = 3,
    extra_keys: Sequence[str] = EXTRA_KEYS,
) -> Any:
    """A valid base, deep-copied, then changed by up to *max_mutations* mutations.

    Zero mutations is possible (the valid records must round-trip too). Extra keys are
    drawn from *extra_keys*.
    """
    tree = copy.deepcopy(draw(st.sampled_from(bases)))
    for _ in range(draw(st.integers(0, max_mutations))):
        spots = list(paths(tree))
        path = draw(st.sampled_from(spots))
        parent = get(tree, path[:-1]) if path else None
        if path and isinstance(parent, dict) and draw(st.integers(0, 9)) == 0:
            del parent[path[-1]]  # a missing key
            continue
        name = draw(st.sampled_from(sorted(MUTATIONS)))
        value = get(tree, path)
        changed = (
            _extra(value, draw, extra_keys)
            if name == "extra_key"
            else MUTATIONS[name](value, draw)
        )
        # A copy: the values come from module-level lists, which later mutations must not
        # change (Hypothesis needs the same draws to give the same trees).
        tree = _put(tree, path, copy.deepcopy(changed))
    return tree


# --- Damage to the bytes ------------------------------------------------------------------

BOM: Final = b"\xef\xbb\xbf"
BAD_UTF8: Final = (
    b"\xff",
    b"\xc3",
    b"\xc3(",
    b"\xed\xa0\x80",
    b"\xc0\x80",
    b"\xf4\x90\x80\x80",
    b"\x80",
)


def line_ends(text: str, end: str) -> str:
    """*text* with every LF replaced by *end* (LF, CR or CRLF)."""
    return text.replace("\n", end)


@st.composite
def damaged(draw: st.DrawFn, data: bytes) -> bytes:
    """*data* with its bytes damaged, or kept (a BOM, bad UTF-8, truncation, control bytes)."""
    how = draw(
        st.sampled_from(
            ["keep", "keep", "bom", "bad_utf8", "truncate", "control", "empty", "nul", "bom_twice"]
        )
    )
    at = draw(st.integers(0, len(data)))
    if how == "bom":
        return BOM + data
    if how == "bom_twice":
        return BOM + BOM + data
    if how == "bad_utf8":
        return data[:at] + draw(st.sampled_from(BAD_UTF8)) + data[at:]
    if how == "truncate":
        return data[:at]
    if how == "control":
        return (
            data[:at]
            + draw(st.sampled_from([b"\x00", b"\x1b", b"\x0b", b"\x0c", b"\x1c", b"\x85"]))
            + data[at:]
        )
    if how == "empty":
        return draw(st.sampled_from([b"", b"\n", b"\r\n", b" ", BOM, b"\r"]))
    if how == "nul":
        return data.replace(b" ", b"\x00", 1)
    return data


@st.composite
def jsonl_bytes(draw: st.DrawFn, bases: Sequence[Any], max_records: int = 4) -> bytes:
    """A JSON Lines file of mutated records: any line end, maybe blank lines, maybe damaged."""
    records = draw(st.lists(mutated(bases), min_size=0, max_size=max_records))
    ascii_only = draw(st.booleans())
    lines = [dump(r, ascii_only=ascii_only) for r in records]
    if draw(st.booleans()) and lines:
        lines.insert(draw(st.integers(0, len(lines))), draw(st.sampled_from(["", "  ", "\t"])))
    end = draw(st.sampled_from(["\n", "\r", "\r\n"]))
    text = end.join(lines) + (end if draw(st.booleans()) else "")
    return draw(damaged(_utf8(text)))


@st.composite
def json_bytes(draw: st.DrawFn, tree: st.SearchStrategy[Any]) -> bytes:
    """A JSON document (one mutated tree), pretty or compact, any line end, maybe damaged."""
    value = draw(tree)
    text = dump(value, ascii_only=draw(st.booleans()), pretty=draw(st.booleans()))
    text = line_ends(text, draw(st.sampled_from(["\n", "\r", "\r\n"])))
    return draw(damaged(_utf8(text)))


def _utf8(text: str) -> bytes:
    # dump() escapes lone surrogates, so the text always encodes.
    return text.encode("utf-8")


def document(key: str, records: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """A JSON document ``{"schema_version": 1, key: [...]}``, a bare array, or one record."""
    return st.one_of(
        st.lists(records, max_size=3).map(lambda rs: {"schema_version": 1, key: rs}),
        st.lists(records, max_size=3),
        records,
    )


_LINE_END: Final = re.compile(rb"\r\n|\r|\n")


def reference_lines(data: bytes) -> list[tuple[int, str | None]]:
    """Lines by the documented rule: one BOM skipped; CR, LF, CRLF end a line; None: not UTF-8."""
    data = data.removeprefix(BOM)
    pieces = _LINE_END.split(data)
    if pieces and pieces[-1] == b"":
        pieces.pop()
    out: list[tuple[int, str | None]] = []
    for number, piece in enumerate(pieces, start=1):
        try:
            out.append((number, piece.decode("utf-8")))
        except UnicodeDecodeError:  # noqa: PERF203 - each line is decoded on its own
            out.append((number, None))
    return out
