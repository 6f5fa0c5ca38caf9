"""The structured documents dpup writes: sections of paragraphs, lists and gap markers.

A document is data first and text second: renderers turn the same `Document` into Markdown,
HTML or plain text, the reading grade is measured over its sentences, and every fact the
model did not record is a `Missing` block with the path where it belongs.
"""

from __future__ import annotations

import attrs

from dpup._readability import DEFAULT_FORMULA, reading_grade
from dpup.documents._blocks import (
    Block,
    Bullets,
    DocumentKind,
    Missing,
    NoticeAudience,
    Paragraph,
    Section,
)
from dpup.model import Notice

__all__ = [
    "Block",
    "Bullets",
    "Document",
    "DocumentKind",
    "Missing",
    "NoticeAudience",
    "Paragraph",
    "Section",
]


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    return text if text.endswith((".", "!", "?", ":")) else f"{text}."


@attrs.frozen
class Document:
    """A purpose statement or a notice, ready to render.

    Attributes:
        kind: ``"purpose-statement"`` or ``"notice"``.
        title: the title.
        sections: the sections, in reading order.
        audience: for a notice, ``"adult"`` or ``"child"``.
        facts: for a notice, what it covers, recorded as a `dpup.model.Notice` (see
            `dpup.documents.notice_facts`).
    """

    kind: DocumentKind
    title: str
    sections: tuple[Section, ...]
    audience: NoticeAudience | None = None
    facts: Notice | None = None

    @property
    def gaps(self) -> tuple[Missing, ...]:
        """Every gap marker, in reading order."""
        return tuple(g for s in self.sections for g in s.gaps)

    @property
    def missing(self) -> tuple[str, ...]:
        """The paths of the facts that are not recorded, each once, in reading order."""
        return tuple(dict.fromkeys(g.path for g in self.gaps))

    @property
    def ready(self) -> bool:
        """Whether every fact the document needs is recorded (no gap markers)."""
        return not self.gaps

    def section(self, key: str) -> Section | None:
        """Return the section with ``key``, or ``None``."""
        for s in self.sections:
            if s.key == key:
                return s
        return None

    def reading_text(self) -> str:
        """Return what a reader reads: each paragraph on a line, each list item as ``- item``.

        Headings and gap markers are left out (markers are for the team, not the reader).
        Reading grades count each list item as a sentence, as a reader takes it.
        """
        lines: list[str] = []
        for s in self.sections:
            for b in s.blocks:
                if isinstance(b, Paragraph):
                    lines.append(_sentence(b.text))
                elif isinstance(b, Bullets):
                    lines += [f"- {' '.join(i.split())}" for i in b.items]
        return "\n".join(lines)

    def reading_grade(self, formula: str = DEFAULT_FORMULA) -> float | None:
        """Return the reading grade of `reading_text` (``None`` when it has no words).

        Args:
            formula: one of `dpup.documents.readability.FORMULAS`.
        """
        return reading_grade(self.reading_text(), formula)

    def to_markdown(self) -> str:
        """Render as Markdown (see `dpup.documents.render.to_markdown`)."""
        from dpup.documents.render import to_markdown  # noqa: PLC0415 - render imports this

        return to_markdown(self)

    def to_html(self) -> str:
        """Render as a self-contained HTML page (see `dpup.documents.render.to_html`)."""
        from dpup.documents.render import to_html  # noqa: PLC0415 - render imports this

        return to_html(self)

    def to_text(self) -> str:
        """Render as plain text (see `dpup.documents.render.to_text`)."""
        from dpup.documents.render import to_text  # noqa: PLC0415 - render imports this

        return to_text(self)
