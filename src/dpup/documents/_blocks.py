"""The building blocks of dpup's documents: sections of paragraphs, lists and gap markers.

`dpup.documents._model.Document` holds them; the renderers in `dpup.documents.render` turn
them into text. Kept apart from both, so neither has to import the other to know them.
"""

from __future__ import annotations

from typing import Literal

import attrs

__all__ = [
    "Block",
    "Bullets",
    "DocumentKind",
    "Missing",
    "NoticeAudience",
    "Paragraph",
    "Section",
]

NoticeAudience = Literal["adult", "child"]
"""Who a notice is written for."""

DocumentKind = Literal["purpose-statement", "notice"]
"""What a document is."""


@attrs.frozen
class Missing:
    """A fact the document needs but the model does not record.

    Attributes:
        what: the fact, in a few plain words (e.g. "who will not see it").
        path: where the fact belongs in the input (e.g. ``$.purposes[0].not_seen_by``).
    """

    what: str
    path: str

    @property
    def label(self) -> str:
        """The marker's words: ``Not recorded: <what>``."""
        return f"Not recorded: {self.what}"


@attrs.frozen
class Paragraph:
    """A paragraph of one or more sentences.

    Attributes:
        text: the sentences.
    """

    text: str


@attrs.frozen
class Bullets:
    """A bulleted list; each item is read as a sentence of its own.

    Attributes:
        items: the list items.
    """

    items: tuple[str, ...]


Block = Paragraph | Bullets | Missing
"""One block of a section."""


@attrs.frozen
class Section:
    """A headed part of a document.

    Attributes:
        key: a stable identifier (e.g. ``"who"`` or ``"deliver-programme.what"``).
        heading: the heading; ``None`` for an untitled opening section.
        blocks: the paragraphs, lists and gap markers, in order.
        level: the heading level (2 for a top-level section).
    """

    key: str
    heading: str | None
    blocks: tuple[Block, ...]
    level: int = 2

    @property
    def gaps(self) -> tuple[Missing, ...]:
        """The gap markers in this section."""
        return tuple(b for b in self.blocks if isinstance(b, Missing))
