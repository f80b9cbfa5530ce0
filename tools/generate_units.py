"""Generate motcua's administrative-unit data from the public data sets in ``shared/data/units``.

Run ``python tools/generate_units.py`` to refresh ``src/motcua/data/units.json.gz`` and
``src/motcua/data/units-LICENSES.txt``; ``--check`` exits 1 if they differ from what the
sources give (``tests/serialization/test_units_data.py`` runs it). ``--source DIR`` reads
another copy of the sources. The package never reads the sources at run time.

What it does, so that every choice is visible here:

* old units (state of 30/06/2025): the 63 provinces and 10,047 communes of dvhcvn's
  ``splits.json``, their districts from ``citations.jsonl`` (codes, and names from the old
  address); all end on 30/06/2025, with the district level (Resolution 203/2025/QH15);
* new units (from 01/07/2025): the 34 provinces and 3,321 communes of dvhcvn's ``merges.json``,
  with the spelling, English names and types of the current list
  (``vn-units-2026-07-25.json``) where only the spelling differs (Hòa / Hoà);
* links: every commune link of ``citations.jsonl`` with its resolution, clause and the
  source's confidence mark, its share (full / partial) from ``merges.json``; province links
  from ``merges.json`` under Resolution 202/2025/QH15;
* two new-commune codes where the sources disagree (:data:`CODE_FIXES`), taken from the
  current list; later changes (:data:`LATER_CHANGES`) as more units and links, each with its
  instrument and date; the tool fails if the current list differs from the 2025 state in any
  way these tables do not explain.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Final

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT.parent / "shared" / "data" / "units"
DATA = ROOT / "src" / "motcua" / "data"
OUT_DATA = DATA / "units.json.gz"
OUT_LICENSES = DATA / "units-LICENSES.txt"

REFORM: Final = "2025-07-01"
FIRST_DAY: Final = "2013-01-01"
PROVINCE_INSTRUMENT: Final = "202/2025/QH15"
PROVINCE_CLAUSE: Final = "Điều 1"

#: dvhcvn code -> code of the current list, for new communes where the two disagree; in both
#: the dvhcvn code is an old commune's (Xã Ia Mơ Nông, Thị trấn Ba Chẽ), the current list's
#: the code of the old commune that kept its place (Xã Ia Mơ) or another old member.
CODE_FIXES: Final = {"23737": "23938", "06970": "06978"}

#: Changes after 01/07/2025: (effective, instrument, clause, confidence, province, codes).
#: Confidence: "secondary" = read in the current list's notes only, not in the instrument.
LATER_CHANGES: Final = (
    ("2026-04-30", "30/2026/QH16", "", "secondary", "75", ("75",)),
    (
        "2026-04-30",
        "237/NQ-UBTVQH16",
        "",
        "secondary: effective date assumed that of 30/2026/QH16",
        "75",
        (
            "25270",
            "25357",
            "25363",
            "26116",
            "26170",
            "26248",
            "26326",
            "26368",
            "26425",
            "26485",
        ),
    ),
)

_OLD_KINDS: Final = (
    ("Thị trấn ", "thi_tran"),
    ("Thị xã ", "thi_xa"),
    ("Phường ", "phuong"),
    ("Quận ", "quan"),
    ("Huyện ", "huyen"),
    ("Xã ", "xa"),
)
_NEW_KINDS: Final = {"Xã": "xa", "Phường": "phuong", "Đặc khu tại hải đảo": "dac_khu"}


def _fold(text: str) -> str:
    bare = unicodedata.normalize("NFD", text.casefold())
    return "".join(c for c in bare if unicodedata.category(c) != "Mn").replace("đ", "d")


def _kind(name: str, level: str) -> str:
    folded = _fold(name)
    if folded.startswith("thanh pho "):
        return {"province": "thanh_pho", "district": "thanh_pho_thuoc_tinh"}[level]
    if folded.startswith("tinh "):
        return "tinh"
    for prefix, kind in _OLD_KINDS:
        if folded.startswith(_fold(prefix)):
            return kind
    msg = f"no unit type for {name!r}"
    raise SystemExit(msg)


def _capital(name: str) -> str:
    return name[:1].upper() + name[1:]


def _read(source: Path) -> tuple[Any, Any, list[Any], Any]:
    splits = json.loads((source / "dvhcvn-20250701-splits.json").read_text(encoding="utf-8"))
    merges = json.loads((source / "dvhcvn-20250701-merges.json").read_text(encoding="utf-8"))
    with (source / "dvhcvn-20250701-citations.jsonl").open(encoding="utf-8") as lines:
        citations = [json.loads(line) for line in lines if line.strip()]
    current = json.loads((source / "vn-units-2026-07-25.json").read_text(encoding="utf-8"))
    return splits, merges, citations, current


def _old_units(splits: Any, citations: list[Any]) -> Iterator[list[str]]:
    """Rows [level, code, from, until, kind, name, province, district, name_en, basis]."""
    for p in splits["data"]:
        yield ["province", p["level1_id"], "", REFORM, _kind(p["name"], "province"), p["name"]]
    districts: dict[str, list[str]] = {}
    names = {c["level3_id"]: c["name"] for p in splits["data"] for c in p["level3s"]}
    for c in citations:
        district = c["old_address"].split(", ")[1]
        row = ["district", c["old_district"], "", REFORM, _kind(district, "district"), district]
        districts.setdefault(c["old_district"], [*row, c["old_province"]])
    for p in splits["data"]:  # island districts without communes, now special zones
        for d in p.get("level2s", ()):
            row = ["district", d["level2_id"], "", REFORM, _kind(d["name"], "district"), d["name"]]
            districts.setdefault(d["level2_id"], [*row, p["level1_id"]])
    yield from districts.values()
    for c in citations:
        name = names.pop(c["old_code"])
        kind = _kind(name, "commune")
        yield [
            "commune",
            c["old_code"],
            "",
            REFORM,
            kind,
            name,
            c["old_province"],
            c["old_district"],
        ]
    if names:
        msg = f"communes without citations: {sorted(names)[:5]}"
        raise SystemExit(msg)


def build(source: Path) -> dict[str, Any]:  # noqa: PLR0915 - one pass, in source order
    """Return the data file's content."""
    splits, merges, citations, current = _read(source)
    cur_p = {p["Code"]: p for p in current}
    cur_c = {w["Code"]: w for p in current for w in p["Wards"]}
    later = {code: change for change in LATER_CHANGES for code in change[5]}
    units = list(_old_units(splits, citations))
    links: list[list[Any]] = []
    instruments: list[str] = [PROVINCE_INSTRUMENT]
    titles: dict[str, str] = {}
    texts: list[str] = []
    text_index: dict[str, int] = {}
    share: dict[tuple[str, str], str] = {}
    seen_current: set[str] = set()

    def new_unit(level: str, code: str, name: str, province: str, basis: str) -> None:
        cur = cur_p.get(code) if level == "province" else cur_c.get(code)
        if cur is None or (_fold(cur["FullName"]) != _fold(name) and code not in later):
            msg = f"{level} {code} {name!r}: the current list says {cur and cur['FullName']!r}"
            raise SystemExit(msg)
        seen_current.add(level + code)
        new_kind = (
            ("thanh_pho" if cur["AdministrativeUnitShortName"] == "Thành phố" else "tinh")
            if level == "province"
            else _NEW_KINDS[cur["AdministrativeUnitFullName"]]
        )
        current = [level, code, REFORM, "", new_kind, _capital(cur["FullName"]), province, "",
                   cur["FullNameEn"], basis]  # fmt: skip
        if code not in later:
            units.append(current)
            return
        effective, instrument, clause, confidence, _, _ = later[code]
        kind = _kind(name, level)
        units.append([level, code, REFORM, effective, kind, name, province, "", "", basis])
        current[2], current[9] = effective, instrument
        units.append(current)
        if instrument not in instruments:
            instruments.append(instrument)
        links.append(
            [code, code, effective, "full", instruments.index(instrument), clause, confidence, -1]
        )

    for p in merges["data"]:
        code = p["level1_id"]
        new_unit("province", code, p["name"], "", PROVINCE_INSTRUMENT)
        links.extend(
            [m["old_id"], code, REFORM, m["type"], 0, PROVINCE_CLAUSE, "recalled", -1]
            for m in p["merges"]
        )
        for c in p["level2s"]:
            new_code = CODE_FIXES.get(c["level2_id"], c["level2_id"])
            for m in c["merges"]:
                share[(m["old_id"], new_code)] = m["type"]
            new_unit("commune", new_code, c["name"], code, "")
    for c in citations:
        for n in c["new"]:
            number, _, title = n["resolution"].partition(": ")
            titles[number] = title
            if number not in instruments:
                instruments.append(number)
            clause_no = re.match(r"\s*(\d+)\.", n["clause"])
            text = n["clause"].strip()
            if text not in text_index:
                text_index[text] = len(texts)
                texts.append(text)
            new_code = CODE_FIXES.get(n["new_code"], n["new_code"])
            links.append(
                [
                    c["old_code"],
                    new_code,
                    REFORM,
                    share.pop((c["old_code"], new_code)),
                    instruments.index(number),
                    f"khoản {clause_no[1]} Điều 1" if clause_no else "Điều 1",
                    n["confidence"],
                    text_index[text],
                ]
            )
    by_province = {c["new"][0]["new_code"]: c["new"][0]["resolution"] for c in citations}
    province_of = {c["level2_id"]: p["level1_id"] for p in merges["data"] for c in p["level2s"]}
    resolution_of = {province_of[k]: v.partition(": ")[0] for k, v in by_province.items()}
    for p in splits["data"]:
        for d in p.get("level2s", ()):
            for n in d["splits"]:
                number = resolution_of[province_of[n["new_id"]]]
                links.append(
                    [
                        d["level2_id"],
                        n["new_id"],
                        REFORM,
                        share.pop((d["level2_id"], n["new_id"])),
                        instruments.index(number),
                        "",
                        "inferred: no citation in the source",
                        -1,
                    ]
                )
    if share:
        msg = f"merges.json links missing from citations.jsonl: {sorted(share)[:5]}"
        raise SystemExit(msg)
    basis = {link[1]: instruments[link[4]] for link in links if link[2] == REFORM}
    for row in units:
        if row[0] == "commune" and row[2] == REFORM:
            row[9] = basis[row[1]]
    missing = {"province" + c for c in cur_p} | {"commune" + c for c in cur_c}
    if missing - seen_current:
        msg = (
            f"units of the current list not in the 2025 mapping: {sorted(missing - seen_current)}"
        )
        raise SystemExit(msg)
    return {
        "format": "motcua-units/1",
        "first_day": FIRST_DAY,
        "sources": [
            "dvhcvn/20250701 mapping/splits.json, mapping/merges.json, output/**/*.json (MIT)",
            (
                "thanglequoc/vietnamese-provinces-database "
                "json/full_json_generated_data_vn_units_2026-07-25__20_49_07.json (MIT)"
            ),
        ],
        "columns": {
            "units": [
                "level",
                "code",
                "valid_from",
                "valid_until",
                "kind",
                "name",
                "province",
                "district",
                "name_en",
                "basis",
            ],
            "links": [
                "old",
                "new",
                "effective",
                "share",
                "instrument",
                "clause",
                "confidence",
                "text",
            ],
        },
        "instruments": instruments,
        "titles": titles,
        "texts": texts,
        "units": [row + [""] * (10 - len(row)) for row in units],
        "links": links,
    }


def render(data: dict[str, Any]) -> bytes:
    """Return the gzip bytes (no timestamp, so the output depends on the sources only)."""
    rows = ("units", "links", "texts")
    head = {k: v for k, v in data.items() if k not in rows}
    parts = [json.dumps(head, ensure_ascii=False, indent=1)[:-2]]
    for key in rows:
        body = ",\n".join(
            json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in data[key]
        )
        parts.append(f',\n "{key}": [\n{body}\n ]')
    text = "".join(parts) + "\n}\n"
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)


def licenses(source: Path) -> str:
    """Return the attribution and licences shipped with the data."""
    parts = [
        "motcua's administrative-unit data (motcua/data/units.json.gz) is generated by",
        "tools/generate_units.py from the following data sets, both under the MIT licence.",
        "",
        "1. dvhcvn/20250701 (https://github.com/dvhcvn/20250701): mapping/splits.json,",
        "   mapping/merges.json and the per-commune citations (resolution, clause, confidence).",
        "   The mapping was extracted from the resolutions' texts by a language model and then",
        "   checked (about 80 manual fixes); the 82 links not marked 'high' (manual:high,",
        "   manual:low) keep their mark in the data and need review.",
        "2. thanglequoc/vietnamese-provinces-database",
        "   (https://github.com/thanglequoc/vietnamese-provinces-database): the current units",
        "   (34 provinces, 3,321 communes), names, English names and types, 2026-07-25.",
        "",
    ]
    for name in ("LICENSE-dvhcvn-20250701", "LICENSE-vietnamese-provinces-database"):
        parts += [f"----- {name} -----", (source / name).read_text(encoding="utf-8").strip(), ""]
    return "\n".join(parts)


def _same(path: Path, content: bytes) -> bool:
    """Whether ``path`` holds ``content``; gzip files are compared by what they contain.

    The compressed bytes are not stable across Python and zlib versions (Python 3.10 writes
    its own gzip header, 3.11 lets zlib write it, and zlib builds may deflate differently),
    so the check compares the decompressed text, which depends on the sources only.
    """
    held = path.read_bytes()
    if path.suffix == ".gz":
        return gzip.decompress(held) == gzip.decompress(content)
    return held == content


def main(argv: list[str] | None = None) -> int:
    """Write the files, or with ``--check`` compare them; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the files are stale")
    parser.add_argument("--source", type=Path, default=SOURCE, help="the source data folder")
    args = parser.parse_args(argv)
    outputs = {
        OUT_DATA: render(build(args.source)),
        OUT_LICENSES: licenses(args.source).encode("utf-8"),
    }
    stale = [p for p, b in outputs.items() if not p.exists() or not _same(p, b)]
    if args.check:
        for path in stale:
            print(f"{path.relative_to(ROOT)} is out of date: run tools/generate_units.py")
        return 1 if stale else 0
    for path, content in outputs.items():
        path.write_bytes(content)
    return 0


if __name__ == "__main__":
    sys.exit(main())
