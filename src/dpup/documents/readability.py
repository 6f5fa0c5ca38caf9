"""Reading grades: how hard a text is to read, as a US school grade.

Three well-known formulas are available (`FORMULAS`); Flesch-Kincaid grade is the default
(see ``docs/documents.md`` for why). Everything is pure Python: nothing is downloaded or read
from disk, so a grade is the same on every machine.

>>> from dpup.documents.readability import reading_grade
>>> reading_grade("You can ask to see what we have written down.")
2.3
"""

from __future__ import annotations

from dpup._readability import (
    DEFAULT_FORMULA,
    FORMULAS,
    TextStats,
    count_syllables,
    reading_grade,
    text_stats,
)

__all__ = [
    "DEFAULT_FORMULA",
    "FORMULAS",
    "TextStats",
    "count_syllables",
    "reading_grade",
    "text_stats",
]
