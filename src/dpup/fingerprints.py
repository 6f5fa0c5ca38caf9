"""Stable finding fingerprints: which matter a finding is about, whatever order the input lists.

A finding's fingerprint names the check and the subject it judged, never the subject's place in
a list. The subject is known by its ``id`` (every record an activity lists has one, unique among
its kind); the activity itself and its access practice, of which an activity has at most one,
are known by having no id. Since a check judges one kind of subject, the check id and the
subject's id together name one matter in one input, and the same matter in the next version of
that input: reordering purposes, collections or anything else changes no fingerprint, and the
finding keeps its fingerprint when its status changes (met last time, not met now).

The fingerprint is the check id, a dash, and 16 hexadecimal digits of a SHA-256 digest of the
check id and the subject's id, so no input value (an id could be a person's name chosen
carelessly) appears in it. A check that gives several outcomes for one subject gives findings
that share a fingerprint; `dpup.compare` pairs those in report order.

Fingerprints are made once per (check, subject id) and remembered in a bounded table, so
writing a report's JSON costs a dictionary lookup per finding.
"""

from __future__ import annotations

import hashlib

__all__ = ["FINGERPRINTS_LIMIT", "FINGERPRINT_VERSION", "fingerprint", "subject_id"]

FINGERPRINT_VERSION = "dpupFinding/v1"
"""The name and version of the fingerprint scheme (the SARIF ``partialFingerprints`` key)."""

FINGERPRINTS_LIMIT = 8192
"""Fingerprints remembered at once; the table is emptied when it is full."""

_made: dict[tuple[str, str | None], str] = {}


def fingerprint(check_id: str, subject_id: str | None) -> str:
    """Return the fingerprint of check ``check_id``'s finding on the subject ``subject_id``.

    Args:
        check_id: the check's id (``PM001``).
        subject_id: the ``id`` of the record judged, or ``None`` for a subject an activity
            holds at most one of (the activity itself, its access practice).

    Returns:
        ``<check id>-<16 hex digits>``, the same for the same pair in every run.
    """
    key = (check_id, subject_id)
    made = _made.get(key)
    if made is not None:
        return made
    # The unit separator cannot occur in a check id, so no two pairs join to the same text;
    # "\x00" marks "no id", which a recorded id (non-blank text) never is.
    joined = f"{FINGERPRINT_VERSION}\x1f{check_id}\x1f{'' if subject_id is None else subject_id}"
    if subject_id is None:
        joined += "\x1f\x00"
    digest = hashlib.sha256(joined.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    made = f"{check_id}-{digest}"
    if len(_made) >= FINGERPRINTS_LIMIT:
        _made.clear()
    _made[key] = made
    return made


def subject_id(subject: object) -> str | None:
    """Return the id that names ``subject`` among its kind: its ``id``, or ``None``.

    Records of every kind an activity lists have a text ``id``; the activity and its access
    practice have none. A custom subject's non-text id is written as text.
    """
    found = getattr(subject, "id", None)
    if found is None or type(found) is str:
        return found
    return str(found)
