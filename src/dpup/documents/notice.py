"""Service-user notices written from the model, for adults and for children.

A notice tells people, in plain words, what is collected and why, who will see it, what will
not happen, when it may be shared without asking, their choices, how to see and correct their
information, and who to talk to. It says only what the model records: a fact that is missing
is a loud ``Not recorded`` marker and a path in `Document.missing`, never invented text.

`notice_facts` records what a generated notice covers as a `dpup.model.Notice`, so the
Transparency and Choice checks can judge the generated notice like any other.
"""

from __future__ import annotations

from typing import Any

import attrs

from dpup._readability import reading_grade
from dpup.documents._gather import scope_for_collections
from dpup.documents._model import Document, NoticeAudience, Paragraph
from dpup.documents._model import Section as _Section
from dpup.documents._writer import Writer
from dpup.model import Activity, Collection, Notice
from dpup.settings import DEFAULT_SETTINGS, Settings

__all__ = ["notice", "notice_facts", "with_generated_notices"]

# What a notice is told about delivery (when, how, in which languages): facts about how the
# notice is given, which a generated text cannot supply, carried over by `notice_facts`.
_DELIVERY_FIELDS = (
    "timing",
    "late_reason",
    "channels",
    "languages",
    "formats",
    "revisit_offered",
    "post_notice_given",
)


def notice(
    subject: Activity | Collection,
    audience: NoticeAudience = "adult",
    *,
    collection: str | None = None,
    context: Activity | None = None,
    settings: Settings | None = None,
) -> Document:
    """Write a service-user notice for an activity's collections, or for one collection.

    Args:
        subject: an activity (the notice covers every collection, or the one named by
            ``collection``) or a single collection.
        audience: ``"adult"``, or ``"child"`` for a version in shorter sentences and simpler
            words that speaks to the child.
        collection: the id of the one collection of the activity to cover.
        context: the activity a lone collection belongs to (agency, purposes, choices ...).
            Without it, activity-level facts are not recorded and their paths start with
            ``context``.
        settings: word lists (generic recipients, consent wording) and the reading-grade
            formula; `dpup.settings.DEFAULT_SETTINGS` when not given.

    Returns:
        The notice, with `Document.missing` listing the paths of facts not recorded and
        `Document.facts` recording what it covers.

    Raises:
        InputError: when ``collection`` names no collection of the activity.
        ValueError: for an audience other than ``"adult"`` or ``"child"``.
    """
    if audience not in ("adult", "child"):
        msg = "audience must be 'adult' or 'child'"
        raise ValueError(msg)
    settings = settings or DEFAULT_SETTINGS
    scope = scope_for_collections(subject, collection=collection, context=context)
    writer = Writer(scope, audience, settings)
    intro = _Section("intro", None, (Paragraph(writer.w("intro")),))
    parts = [
        intro,
        writer.what(),
        writer.why(),
        writer.who(),
        writer.beyond(),
        writer.limits(),
        writer.without(),
        writer.choices(),
        writer.access(),
        writer.contact(),
    ]
    sections = tuple(s for s in parts if s is not None)
    agency = scope.agency_name
    title = writer.w("title", agency=agency) if agency else writer.w("title-no-agency")
    draft = Document("notice", title, sections, audience=audience)
    text = draft.reading_text()
    facts = Notice(
        text=text,
        readability_grade=reading_grade(text, settings.reading_grade_formula),
        uses_consent_wording=settings.consent_phrases.search(text),
        child_version=True if audience == "child" else None,
        **writer.facts,
    )
    return attrs.evolve(draft, facts=facts)


def notice_facts(
    document: Document, *, child: Document | None = None, delivery: Notice | None = None
) -> Notice:
    """Return a `dpup.model.Notice` recording what a generated notice covers.

    Content facts (recipients named, sharing exceptions explained, rights, choice level, the
    text and its reading grade) come from ``document``. Facts about how a notice is given
    (timing, channels, languages, formats, later chances to revisit) cannot come from a text,
    so they are copied from ``delivery``, usually the collection's current notice. A fact the
    document marks as not recorded stays ``None``; nothing is ever recorded as told that the
    document does not say. Whether the wording was tested with service users is left
    unrecorded: a new text has not been.

    Args:
        document: a notice from `notice`.
        child: the child version of the same notice, if one will be given.
        delivery: the notice whose delivery facts to keep.

    Raises:
        ValueError: when ``document`` is not a notice.
    """
    if document.kind != "notice" or document.facts is None:
        msg = "notice_facts needs a notice written by dpup.documents.notice"
        raise ValueError(msg)
    updates: dict[str, Any] = {}
    if child is not None:
        updates["child_version"] = True
    if delivery is not None:
        updates.update({name: getattr(delivery, name) for name in _DELIVERY_FIELDS})
    return attrs.evolve(document.facts, **updates)


def with_generated_notices(activity: Activity, *, settings: Settings | None = None) -> Activity:
    """Return ``activity`` with each collection's notice replaced by a generated one.

    Each collection gets the facts of its own generated adult notice, with a child version,
    keeping the delivery facts of its current notice (see `notice_facts`). Evaluating the
    result shows what the Transparency and Choice checks make of the generated notices.
    """
    collections = []
    for c in activity.collections:
        adult = notice(activity, collection=c.id, settings=settings)
        child = notice(activity, "child", collection=c.id, settings=settings)
        facts = notice_facts(adult, child=child, delivery=c.notice)
        collections.append(attrs.evolve(c, notice=facts))
    return attrs.evolve(activity, collections=tuple(collections))
