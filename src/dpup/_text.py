"""Phrase matching on word boundaries, ignoring case and punctuation.

Texts and phrases are normalised once (lower case, every run of non-alphanumeric characters
folded to one space, padded with spaces) so a match is a plain substring test. A phrase list
also keeps one pattern of its phrases as escaped literals, so a text that contains none of
them (most texts) is told apart in one pass instead of one test per phrase.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["PhraseList", "normalise"]


_REMEMBERED = 4096
"""Texts (and, per phrase list, answers) remembered at once; the table empties when full."""

_LONGEST_REMEMBERED = 2048
"""Longer texts are not remembered, so the tables stay small whatever the input."""

_normalised: dict[str, str] = {}


def normalise(text: str) -> str:
    """Return ``text`` lower-cased, punctuation folded to single spaces, padded with spaces.

    >>> normalise("Any OTHER purpose(s)!")
    ' any other purpose s '
    """
    # Checks read the same purpose, notice and justification texts again and again (several
    # checks per text, and every evaluation of the same case), so answers are remembered.
    found = _normalised.get(text)
    if found is None:
        found = _normalise(text)
        if len(text) <= _LONGEST_REMEMBERED:
            if len(_normalised) >= _REMEMBERED:
                _normalised.clear()
            _normalised[text] = found
    return found


def _normalise(text: str) -> str:
    folded = text.casefold()
    if folded.isascii():
        # The same result from C-level passes: punctuation to spaces, then split and join
        # the runs of letters and digits. Checks normalise every purpose text they read.
        words = folded.encode("ascii").translate(_ASCII_PUNCTUATION).split()
        return " " + b" ".join(words).decode("ascii") + " "
    out = []
    space = True
    for ch in folded:
        if ch.isalnum():
            out.append(ch)
            space = False
        elif not space:
            out.append(" ")
            space = True
    return " " + "".join(out).strip() + " "


_ASCII_PUNCTUATION = bytes(c if chr(c).isalnum() else 32 for c in range(256))


class PhraseList:
    """A fixed list of phrases, each matched as whole words anywhere in a text.

    Equality and hashing follow the phrases, so a `PhraseList` can sit in frozen settings.
    """

    __slots__ = ("_any", "_hint", "_matched", "_normalised", "phrases")

    def __init__(self, phrases: Iterable[str]) -> None:
        self.phrases: tuple[str, ...] = tuple(phrases)
        normalised = tuple(_normalise(p) for p in self.phrases)
        if any(n == "  " for n in normalised):
            msg = "a phrase must contain at least one letter or digit"
            raise ValueError(msg)
        self._normalised = normalised
        # Escaped literals only: no repetition, so the search is linear in the text.
        self._any = re.compile("|".join(re.escape(n) for n in normalised))
        # Each phrase's first word must appear in the case-folded text itself for the phrase
        # to match after normalising, so a text without any is answered with no
        # normalising and nothing remembered: many one-off texts (item names) cost little.
        self._hint = re.compile("|".join(sorted({re.escape(n.split()[0]) for n in normalised})))
        # The answers for texts already seen: a phrase list is immutable, so they stay true.
        self._matched: dict[str, tuple[int, ...]] = {}

    def matches(self, text: str) -> tuple[int, ...]:
        """Return the indices of the phrases found in ``text`` (in list order)."""
        found = self._matched.get(text)
        if found is None:
            if self._hint.search(text.casefold()) is None:
                return ()
            norm = normalise(text)
            if self._any.search(norm) is None:
                found = ()
            else:
                found = tuple([i for i, p in enumerate(self._normalised) if p in norm])
            if len(text) <= _LONGEST_REMEMBERED:
                if len(self._matched) >= _REMEMBERED:
                    self._matched.clear()
                self._matched[text] = found
        return found

    def search(self, text: str) -> bool:
        """Whether any phrase occurs in ``text``."""
        return bool(self.matches(text))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, PhraseList):
            return NotImplemented
        return self.phrases == other.phrases

    def __hash__(self) -> int:
        return hash(self.phrases)

    def __repr__(self) -> str:
        return f"PhraseList({list(self.phrases)!r})"

    def __reduce__(self) -> tuple[type[PhraseList], tuple[tuple[str, ...]]]:
        return (type(self), (self.phrases,))
