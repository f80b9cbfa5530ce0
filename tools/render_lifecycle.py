"""Render the status tables of ``docs/explanation/lifecycle.md`` from the transition table.

The page is hand-written around one generated block, between the markers
``<!-- BEGIN GENERATED -->`` and ``<!-- END GENERATED -->``. Run
``python tools/render_lifecycle.py``; ``tests/test_docs.py`` checks the block is current.
"""

from __future__ import annotations

from pathlib import Path

from motcua import TRANSITIONS, Status
from motcua.domain.lifecycle import RESUME

TARGET = Path(__file__).resolve().parent.parent / "docs" / "explanation" / "lifecycle.md"
BEGIN, END = "<!-- BEGIN GENERATED -->", "<!-- END GENERATED -->"


def render_block() -> str:
    """Return the generated Markdown block (status table and transition table)."""
    lines = [
        BEGIN,
        "",
        "| Status | `TrangThaiHoSo` | DVCQG name | Events allowed |",
        "| --- | --- | --- | --- |",
        "| *(new dossier)* | — | — | "
        + ", ".join(f"`{t.event}`" for t in TRANSITIONS if t.source is None)
        + " |",
    ]
    for status in Status:
        allowed = [f"`{t.event}`" for t in TRANSITIONS if t.source is status]
        lines.append(
            f"| `{status.value}` | {status.code} | {status.vi} | "
            f"{', '.join(allowed) if allowed else '— (final)'} |"
        )
    lines += [
        "",
        "| From | Event | To | Anchor |",
        "| --- | --- | --- | --- |",
    ]
    for t in TRANSITIONS:
        source = "*(new)*" if t.source is None else f"`{t.source.value}`"
        target = (
            "*(the status before the request)*" if t.target is RESUME else f"`{t.target.value}`"
        )
        lines.append(f"| {source} | `{t.event}` | {target} | {t.basis or '—'} |")
    lines += ["", END]
    return "\n".join(lines)


def render(page: str) -> str:
    """Return *page* with its generated block replaced by the current one."""
    head, _, rest = page.partition(BEGIN)
    _, _, tail = rest.partition(END)
    return head + render_block() + tail


def main() -> None:
    """Rewrite the generated block of the page."""
    TARGET.write_text(render(TARGET.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"wrote {TARGET}")


if __name__ == "__main__":
    main()
