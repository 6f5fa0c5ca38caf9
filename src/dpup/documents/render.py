"""Render documents as Markdown, HTML or plain text: pure ``Document -> str`` functions.

Gap markers are made hard to miss. In a notice, which is meant for people, each one reads
``NOT RECORDED`` and the document opens with a draft warning, so a team cannot hand it out by
accident; in a purpose statement, which is for the team and its partners, they read
``Not recorded: <what>``. Every marker carries the input path where the fact belongs.
"""

from __future__ import annotations

import re
import textwrap
from html import escape
from typing import TYPE_CHECKING

from dpup.documents._blocks import Block, Bullets, Missing, Paragraph, Section

if TYPE_CHECKING:
    from dpup.documents._model import Document

__all__ = ["draft_warning", "to_html", "to_markdown", "to_text"]

_WIDTH = 88
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")
_MD_LINE_START = re.compile(r"^(\s*)([#+-]|\d+[.)])")


def draft_warning(document: Document) -> str | None:
    """Return the warning a notice with gaps opens with, or ``None`` when there is none.

    >>> from dpup.documents import Document, Missing, Section
    >>> doc = Document("notice", "T", (Section("s", "S", (Missing("who sees it", "$.x"),)),))
    >>> draft_warning(doc)
    'Draft: not ready to give to anyone. 1 fact is not recorded; each gap is marked NOT RECORDED.'
    """
    if document.kind != "notice" or not document.gaps:
        return None
    n = len(document.gaps)
    facts = "1 fact is" if n == 1 else f"{n} facts are"
    return (
        f"Draft: not ready to give to anyone. {facts} not recorded; each gap is marked "
        "NOT RECORDED."
    )


def _marker(document: Document, gap: Missing) -> str:
    if document.kind == "notice":
        return f"NOT RECORDED: {gap.what}"
    return gap.label


def _md(text: str) -> str:
    escaped = _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))
    return _MD_LINE_START.sub(r"\1\\\2", escaped)


def _md_block(document: Document, block: Block) -> str:
    if isinstance(block, Paragraph):
        return _md(block.text)
    if isinstance(block, Bullets):
        return "\n".join(f"- {_md(item)}" for item in block.items)
    words = _md(_marker(document, block))
    if document.kind == "notice":
        return f"> **{words}** (`{block.path}`)"
    return f"*{words}* (`{block.path}`)"


def to_markdown(document: Document) -> str:
    """Render ``document`` as Markdown; recorded text is escaped so it stays plain text."""
    parts = [f"# {_md(document.title)}"]
    warning = draft_warning(document)
    if warning:
        parts.append(f"> **{warning}**")
    for section in document.sections:
        if section.heading is not None:
            parts.append(f"{'#' * section.level} {_md(section.heading)}")
        parts += [_md_block(document, b) for b in section.blocks]
    return "\n\n".join(parts) + "\n"


def _wrap(text: str, indent: str = "", hanging: str = "") -> str:
    return textwrap.fill(
        " ".join(text.split()),
        width=_WIDTH,
        initial_indent=indent,
        subsequent_indent=hanging or indent,
        break_on_hyphens=False,
    )


def _text_block(document: Document, block: Block) -> str:
    if isinstance(block, Paragraph):
        return _wrap(block.text)
    if isinstance(block, Bullets):
        return "\n".join(_wrap(item, "  - ", "    ") for item in block.items)
    words = f"{_marker(document, block)} ({block.path})"
    return _wrap(f"[{words}]" if document.kind == "notice" else words)


def _underline(heading: str, level: int) -> str:
    return f"{heading}\n{'=-~'[min(level, 3) - 1] * len(heading)}"


def to_text(document: Document) -> str:
    """Render ``document`` as plain text, wrapped at 88 columns."""
    parts = [_underline(document.title, 1)]
    warning = draft_warning(document)
    if warning:
        parts.append(_wrap(f"!! {warning.upper()} !!"))
    for section in document.sections:
        if section.heading is not None:
            parts.append(_underline(section.heading, section.level))
        parts += [_text_block(document, b) for b in section.blocks]
    return "\n\n".join(parts) + "\n"


_CSS = """
body{margin:0;padding:1.5rem;background:#fff}
.dpup-doc{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f24;
 line-height:1.55;max-width:44rem;font-size:1.05rem}
.dpup-doc.child{font-size:1.2rem;line-height:1.7}.dpup-doc.child h2{font-size:1.45rem}
.dpup-doc h1{font-size:1.6rem}.dpup-doc h2{font-size:1.25rem;margin-top:1.6rem}
.dpup-doc h3{font-size:1.1rem}
.dpup-doc .draft{border:3px solid #cf222e;background:#ffebe9;padding:.6rem .9rem;font-weight:600}
.dpup-doc .missing{border:2px dashed #cf222e;background:#fff5f5;padding:.3rem .6rem;color:#82071e}
.dpup-doc code{font-size:.85em;background:#eaeef2;padding:0 .2rem;border-radius:.2rem}
"""


def _html_block(document: Document, block: Block) -> str:
    if isinstance(block, Paragraph):
        return f"<p>{escape(block.text)}</p>"
    if isinstance(block, Bullets):
        items = "".join(f"<li>{escape(item)}</li>" for item in block.items)
        return f"<ul>{items}</ul>"
    head, _, what = _marker(document, block).partition(": ")
    return (
        f'<p class="missing"><strong>{escape(head)}:</strong> {escape(what)} '
        f"<code>{escape(block.path)}</code></p>"
    )


def _html_section(document: Document, section: Section) -> list[str]:
    out = []
    if section.heading is not None:
        level = min(max(section.level, 2), 6)
        out.append(f"<h{level}>{escape(section.heading)}</h{level}>")
    out += [_html_block(document, b) for b in section.blocks]
    return out


def to_html(document: Document) -> str:
    """Render ``document`` as one self-contained HTML page; every string is escaped."""
    classes = " ".join(c for c in ("dpup-doc", document.kind, document.audience or "") if c)
    body = [f"<h1>{escape(document.title)}</h1>"]
    warning = draft_warning(document)
    if warning:
        body.append(f'<p class="draft" role="alert">{escape(warning)}</p>')
    for section in document.sections:
        body += _html_section(document, section)
    content = "\n".join(body)
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(document.title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        f'<article class="{escape(classes)}">\n{content}\n</article>\n</body>\n</html>\n'
    )
