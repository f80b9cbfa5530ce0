"""Research marks kept out of what people read.

The legal digests behind motcua mark how well each rule was read: ``[C]`` confirmed,
``[S]`` secondary, ``[R]`` recalled, and notes such as "(article not read; press summary
of the decree)". Those marks belong to the data (JSON keeps them, and ``--verbose`` shows
them); a message an official or an applicant reads carries the legal reference only.

>>> without_marks("Decree 09/2019/NĐ-CP Art. 12 (15th-14th) [R, corroborated]")
'Decree 09/2019/NĐ-CP Art. 12 (15th-14th)'
>>> without_marks("Decree 61/2018/NĐ-CP return on the appointment (article not read); "
...               "Circular 01/2018/TT-VPCP form 01 [form name read]")
'Decree 61/2018/NĐ-CP return on the appointment; Circular 01/2018/TT-VPCP form 01'
>>> without_marks("Art. 1(1): one-stop units (read, hethongphapluat.vn)")
'Art. 1(1): one-stop units'
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["RESEARCH_NOTE_VI", "has_marks", "research_note_vi", "without_marks"]

#: A parenthesised note about how a text was read, not what it says.
_NOTE: Final = re.compile(
    r"\bnot read\b|^read\b|\bread (?:in|on)\b|press summary|news report|\bquoted\b|"
    r"\bseen\b|\bquoting\b|\bdigest\b|\binference\b|\bcorroborated\b|\brecalled\b|\bsecondary\b|"
    r"\bsummari[sz]ed\b|\bstructure unchanged\?|\bnot confirmed\b",
    re.IGNORECASE,
)
#: A bracketed confidence mark: ``[C]``, ``[S]``, ``[R, corroborated]``, ``[inference]``...
_MARK: Final = re.compile(r"^(?:C|S|R)(?:\b.*)?$|read\b|inference|corroborated|recalled")
_SPACES: Final = re.compile(r"[ \t]+([;,.:)])")
_DOUBLE: Final = re.compile(r"[ \t]{2,}")


def _spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of every bracketed research note, outermost first."""
    spans: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    pairs = {")": "(", "]": "["}
    for i, ch in enumerate(text):
        if ch in "([":
            stack.append((ch, i))
        elif ch in pairs and stack and stack[-1][0] == pairs[ch]:
            opener, start = stack.pop()
            inner = text[start + 1 : i].strip()
            if (_NOTE if opener == "(" else _MARK).search(inner):
                spans.append((start, i + 1))
    return spans


def has_marks(text: str) -> bool:
    """True if *text* holds a research mark or a note on how a source was read.

    >>> has_marks("Decree 61/2018/NĐ-CP Art. 19 [C]"), has_marks("Điều 9 Nghị định 61/2018/NĐ-CP")
    (True, False)
    """
    return bool(_spans(text))


def without_marks(text: str) -> str:
    """Return *text* without its research marks and reading notes (see the module)."""
    spans = _spans(text)
    if not spans:
        return text
    keep = [True] * len(text)
    for first, end in spans:
        start = first
        while start > 0 and text[start - 1] in " \t":
            start -= 1
        for i in range(start, end):
            keep[i] = False
    out = "".join(ch for ch, k in zip(text, keep, strict=True) if k)
    out = _SPACES.sub(r"\1", out)
    out = _DOUBLE.sub(" ", out)
    return out.strip()


#: How Vietnamese text (``--verbose``) introduces a research note recorded in English.
RESEARCH_NOTE_VI: Final = "ghi chú nghiên cứu, tiếng Anh: "


def research_note_vi(text: str) -> str:
    """A research note recorded in English, said to be so inside Vietnamese text.

    >>> research_note_vi("Decree 09/2019/NĐ-CP Art. 12 (15th-14th) [R, corroborated]")
    'ghi chú nghiên cứu, tiếng Anh: Decree 09/2019/NĐ-CP Art. 12 (15th-14th) [R, corroborated]'
    """
    return RESEARCH_NOTE_VI + text
