"""Phrase matching on word boundaries, ignoring case and punctuation, without regexes.

Texts and phrases are normalised once (lower case, every run of non-alphanumeric characters
folded to one space, padded with spaces) so a match is a plain substring test.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["PhraseList", "normalise"]


def normalise(text: str) -> str:
    """Return ``text`` lower-cased, punctuation folded to single spaces, padded with spaces.

    >>> normalise("Any OTHER purpose(s)!")
    ' any other purpose s '
    """
    out = []
    space = True
    for ch in text.casefold():
        if ch.isalnum():
            out.append(ch)
            space = False
        elif not space:
            out.append(" ")
            space = True
    return " " + "".join(out).strip() + " "


class PhraseList:
    """A fixed list of phrases, each matched as whole words anywhere in a text.

    Equality and hashing follow the phrases, so a `PhraseList` can sit in frozen settings.
    """

    __slots__ = ("_normalised", "phrases")

    def __init__(self, phrases: Iterable[str]) -> None:
        self.phrases: tuple[str, ...] = tuple(phrases)
        normalised = tuple(normalise(p) for p in self.phrases)
        if any(n == "  " for n in normalised):
            msg = "a phrase must contain at least one letter or digit"
            raise ValueError(msg)
        self._normalised = normalised

    def matches(self, text: str) -> tuple[int, ...]:
        """Return the indices of the phrases found in ``text`` (in list order)."""
        norm = normalise(text)
        return tuple(i for i, p in enumerate(self._normalised) if p in norm)

    def search(self, text: str) -> bool:
        """Whether any phrase occurs in ``text``."""
        norm = normalise(text)
        return any(p in norm for p in self._normalised)

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
