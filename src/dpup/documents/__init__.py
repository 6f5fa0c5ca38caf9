"""Documents written from the model: purpose statements and plain-language notices.

dpup already records every fact DPUP asks agencies to explain, so it can write the documents
too: `purpose_statement` fills in DPUP's six-element template, and `notice` writes a notice
for service users, in an adult or a child version. Both say only what the model records; a
missing fact is a ``Not recorded`` marker whose path is listed in `Document.missing`.

This package is not imported by ``import dpup``; import it as ``dpup.documents``.

>>> import dpup, dpup.documents
>>> activity = dpup.load("examples/kids-first-after.toml")
>>> adult = dpup.documents.notice(activity, collection="enrolment-form")
>>> adult.title
'How City Centre Social Services looks after your information'
>>> adult.missing
('$.agency',)
"""

from __future__ import annotations

from dpup.documents._model import (
    Block,
    Bullets,
    Document,
    DocumentKind,
    Missing,
    NoticeAudience,
    Paragraph,
    Section,
)
from dpup.documents.notice import notice, notice_facts, with_generated_notices
from dpup.documents.purpose_statement import ELEMENTS, purpose_statement
from dpup.documents.readability import reading_grade
from dpup.documents.render import to_html, to_markdown, to_text

__all__ = [
    "Block",
    "Bullets",
    "Document",
    "DocumentKind",
    "ELEMENTS",
    "Missing",
    "NoticeAudience",
    "Paragraph",
    "Section",
    "notice",
    "notice_facts",
    "purpose_statement",
    "reading_grade",
    "to_html",
    "to_markdown",
    "to_text",
    "with_generated_notices",
]
