"""Text made safe to show: the one place that decides how input text may appear in output.

Input can hold anything a string can: terminal escape sequences, carriage returns and
newlines that would start a forged line, bidirectional overrides that reorder what a reader
sees, characters XML 1.0 forbids, and lone surrogates that no encoder will write. `printable`
turns every such character into a visible escape, so messages and reports stay one honest
line per line and can be written to any terminal, file or parser.
"""

from __future__ import annotations

import unicodedata

__all__ = ["ELLIPSIS", "printable"]

ELLIPSIS = "…"
"""Marks text cut short by `printable`'s ``limit``."""


def printable(text: str, *, keep: str = "", limit: int | None = None) -> str:
    r"""Return ``text`` with every character that is not printable written as an escape.

    A character is printable when `str.isprintable` says so: control characters (C0, DEL
    and C1, including ESC), format characters (such as bidirectional overrides and
    zero-width characters), line and paragraph separators, surrogates, private-use and
    unassigned code points are not. Each becomes ``\xNN``, ``\uNNNN`` or ``\UNNNNNNNN``.
    Spaces other than U+0020 (no-break space, thin space ...) become plain spaces.

    Args:
        text: the text to show.
        keep: characters to leave as they are, e.g. ``"\n\t"`` for a multi-line field
            whose format allows them.
        limit: the most characters of ``text`` to show; longer text is cut and ends with
            `ELLIPSIS`. ``None`` shows it all.
    """
    if limit is not None and len(text) > limit:
        return printable(text[:limit], keep=keep) + ELLIPSIS
    if text.isprintable():
        return text
    out = []
    for ch in text:
        if ch.isprintable() or ch in keep:
            out.append(ch)
        elif unicodedata.category(ch) == "Zs":
            out.append(" ")
        else:
            code = ord(ch)
            if code < 0x100:
                out.append(f"\\x{code:02x}")
            elif code < 0x10000:
                out.append(f"\\u{code:04x}")
            else:
                out.append(f"\\U{code:08x}")
    return "".join(out)
