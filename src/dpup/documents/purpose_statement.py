"""Purpose statements in DPUP's six-element template, written from the model.

The six elements are What, Why, How, Choice, Law and Transparency. A statement is for
organisations, professionals and service users alike, so it uses the team's own recorded
words and labels each fact. Where a fact is not recorded it says so plainly
(``Not recorded: who will not see it``) and lists the path in `Document.missing`; it never
fills a gap with invented text. An empty list recorded on purpose reads "none stated".
"""

from __future__ import annotations

from collections.abc import Sequence

from dpup.documents._gather import Scope, scope_for_purposes
from dpup.documents._model import Block, Bullets, Document, Missing, Paragraph, Section
from dpup.documents.phrases import (
    BENEFICIARY_WORDS,
    GROUND_WORDING,
    LAW_KIND_LABELS,
    humanise,
    join_words,
)
from dpup.model import Activity, ChoiceLevel, ChoiceScope, Purpose

__all__ = ["ELEMENTS", "purpose_statement"]

ELEMENTS = ("what", "why", "how", "choice", "law", "transparency")
"""DPUP's six purpose-statement elements, in template order (also the section key suffixes)."""

_SCOPE_WORDS = {
    ChoiceScope.ITEMS: "what to provide",
    ChoiceScope.USE: "how it is used",
    ChoiceScope.RECIPIENTS: "who receives it",
    ChoiceScope.CAPTURE: "how it is captured",
    ChoiceScope.ACCESS: "who may see it",
}
_LEVEL_WORDS = {
    ChoiceLevel.NONE: "no choice",
    ChoiceLevel.LIMITED: "limited choice",
    ChoiceLevel.SOME: "some choice",
}


def _text(value: str | None) -> str | None:
    return value.strip() if value is not None and value.strip() else None


def _listed(label: str, values: Sequence[str] | None, missing: str, path: str) -> list[Block]:
    """A labelled list: the values, "none stated" when recorded empty, or a gap marker."""
    if values is None:
        return [Missing(missing, path)]
    clean = [v.strip() for v in values if v.strip()]
    if not clean:
        return [Paragraph(f"{label}: none stated.")]
    return [Paragraph(f"{label}:"), Bullets(tuple(dict.fromkeys(clean)))]


def _stated(label: str, value: str | None, missing: str, path: str) -> list[Block]:
    text = _text(value)
    return [Paragraph(f"{label}: {text}")] if text else [Missing(missing, path)]


class _Statement:
    """Writes the six elements of one purpose."""

    def __init__(self, scope: Scope) -> None:
        self.scope = scope
        self.pid, self.path, purpose = scope.purposes[0]
        assert purpose is not None  # noqa: S101 - scope_for_purposes always resolves it
        self.p: Purpose = purpose

    def at(self, field: str) -> str:
        return f"{self.path}.{field}"

    def items(self) -> list[str]:
        activity = self.scope.activity
        out = []
        for c in activity.collections if activity is not None else ():
            for item in c.items:
                serves = item.purposes if item.purposes is not None else c.purposes
                if self.pid in (serves or ()):
                    kind = item.identifiability
                    out.append(humanise(item.name) + (f" ({kind.value})" if kind else ""))
        for g in activity.agreements if activity is not None else ():
            for item in g.fields or ():
                if self.pid in (item.purposes or ()):
                    kind = item.identifiability
                    out.append(humanise(item.name) + (f" ({kind.value})" if kind else ""))
        return list(dict.fromkeys(out))

    def what(self) -> list[Block]:
        p = self.p
        blocks = _stated("Summary", p.what, "a summary of the information", self.at("what"))
        if p.identifying is None:
            blocks.append(Missing("whether it identifies people", self.at("identifying")))
        elif p.identifying:
            blocks.append(Paragraph("It identifies people, or could."))
        else:
            blocks.append(Paragraph("It does not identify anyone."))
        blocks += _stated(
            "Collected from",
            p.collected_from,
            "who it is collected from",
            self.at("collected_from"),
        )
        if p.linking is not None and not [x for x in p.linking if x.strip()]:
            blocks.append(Paragraph("It is not matched or linked with other information."))
        else:
            blocks += _listed(
                "Matched or linked with",
                p.linking,
                "whether it is matched or linked, and with what",
                self.at("linking"),
            )
        items = self.items()
        if items:
            blocks += [Paragraph("Information items:"), Bullets(tuple(items))]
        return blocks

    def why(self) -> list[Block]:
        p = self.p
        why = _text(p.why)
        blocks: list[Block] = [
            Paragraph(why) if why else Missing("why it is needed", self.at("why"))
        ]
        blocks += _listed(
            "It feeds these processes and decisions",
            p.feeds,
            "the processes, activities and decisions it feeds",
            self.at("feeds"),
        )
        return blocks

    def how(self) -> list[Block]:
        p = self.p
        blocks = _stated("How it helps", p.benefit, "how it helps people", self.at("benefit"))
        if p.beneficiaries is None:
            blocks.append(Missing("who benefits", self.at("beneficiaries")))
        else:
            words = [BENEFICIARY_WORDS[b] for b in dict.fromkeys(p.beneficiaries)]
            blocks.append(Paragraph(f"Who benefits: {join_words(words) or 'none stated'}."))
        access = None
        if p.access is not None:
            access = [f"{a.organisation}: {a.role}" if a.role else a.organisation for a in p.access]
        blocks += _listed(
            "Who will have access",
            access,
            "who will have access, by organisation and role",
            self.at("access"),
        )
        sent = []
        for _, d in self.scope.purpose_disclosures():
            if d.recipient is not None and d.recipient.name.strip():
                part = _text(d.recipient.part)
                sent.append(f"{d.recipient.name} ({part})" if part else d.recipient.name)
        if sent:
            blocks += [
                Paragraph("Recorded disclosures for this purpose go to:"),
                Bullets(tuple(dict.fromkeys(sent))),
            ]
        blocks += _listed(
            "What it will not be used for",
            p.not_used_for,
            "what it will not be used for",
            self.at("not_used_for"),
        )
        blocks += _listed(
            "Who will not see it", p.not_seen_by, "who will not see it", self.at("not_seen_by")
        )
        return blocks

    def choice(self) -> list[Block]:
        p = self.p
        blocks: list[Block] = []
        text = _text(p.choices)
        if text:
            blocks.append(Paragraph(f"Choices people have: {text}"))
        if p.no_choice_declared:
            blocks.append(Paragraph("People have no choice about providing this information."))
        if not text and not p.no_choice_declared:
            what = "the choices people have, or a plain statement that there is none"
            blocks.append(Missing(what, self.at("choices")))
        activity = self.scope.activity
        must: list[str] = []
        may: list[str] = []
        by_law = False
        for c in activity.collections if activity is not None else ():
            serving = [
                i
                for i in c.items
                if self.pid in ((i.purposes if i.purposes is not None else c.purposes) or ())
            ]
            if serving and c.required_by_law:
                by_law = True
            must += [humanise(i.name) for i in serving if i.required is True]
            may += [humanise(i.name) for i in serving if i.required is False]
        if by_law:
            blocks.append(Paragraph("A law requires people to provide it."))
        if must:
            blocks += [Paragraph("People must provide:"), Bullets(tuple(dict.fromkeys(must)))]
        if may:
            blocks += [
                Paragraph("People may choose whether to provide:"),
                Bullets(tuple(dict.fromkeys(may))),
            ]
        recorded = []
        overrides = []
        for ch in activity.choices if activity is not None else ():
            if self.pid not in (ch.purposes or ()) or ch.scope is None:
                continue
            level = f" ({_LEVEL_WORDS[ch.level]})" if ch.level is not None else ""
            recorded.append(f"A choice about {_SCOPE_WORDS[ch.scope]}{level}")
            # Only grounds that can set a choice aside: a recorded `none`, or the collection
            # purpose, overrides nothing and is not worth telling people about.
            overrides += [
                GROUND_WORDING[g].adult for g in ch.override_grounds or () if g.overrides_choice
            ]
        if recorded:
            blocks += [Paragraph("Choices offered:"), Bullets(tuple(dict.fromkeys(recorded)))]
        if overrides:
            blocks += [
                Paragraph("People are told up front that their choice may be set aside:"),
                Bullets(tuple(dict.fromkeys(overrides))),
            ]
        return blocks

    def law(self) -> list[Block]:
        p = self.p
        if p.law is None:
            return [Missing("the laws, contracts and agreements relied on", self.at("law"))]
        if not p.law:
            return [Paragraph("Law relied on: none stated.")]
        lines = []
        gaps: list[Block] = []
        for k, law in enumerate(p.law):
            label = LAW_KIND_LABELS[law.kind]
            citation = _text(law.citation)
            if citation is None:
                gaps.append(Missing(f"which {label.lower()} is relied on", self.at(f"law[{k}]")))
                continue
            note = {
                True: " (a legal adviser confirmed it covers this)",
                False: " (a legal adviser found it does not cover this)",
                None: "",
            }[law.coverage_confirmed]
            lines.append(f"{label}: {citation}{note}")
        blocks: list[Block] = [Paragraph("Relied on:"), Bullets(tuple(lines))] if lines else []
        functions = [f.strip() for f in p.functions or () if f.strip()]
        if functions:
            blocks += [Paragraph("Agency functions it serves:"), Bullets(tuple(functions))]
        return [*blocks, *gaps]

    def transparency(self) -> list[Block]:
        p = self.p
        blocks = _stated(
            "How people are told",
            p.transparency,
            "how the purpose reaches service users, and who explains it",
            self.at("transparency"),
        )
        if p.defined_with is not None and not [x for x in p.defined_with if x.strip()]:
            blocks.append(Paragraph("Defined with: none stated."))
        elif p.defined_with is not None:
            names = list(dict.fromkeys(x.strip() for x in p.defined_with if x.strip()))
            blocks.append(Paragraph(f"Defined with: {join_words(names)}."))
        else:
            blocks.append(Missing("who helped define it", self.at("defined_with")))
        return blocks

    def sections(self, level: int) -> list[Section]:
        headings = ("What", "Why", "How", "Choice", "Law", "Transparency")
        writers = (self.what, self.why, self.how, self.choice, self.law, self.transparency)
        return [
            Section(f"{self.pid}.{key}", heading, tuple(write()), level)
            for key, heading, write in zip(ELEMENTS, headings, writers, strict=True)
        ]


def purpose_statement(
    subject: Activity | Purpose, *, purpose: str | None = None, context: Activity | None = None
) -> Document:
    """Write a purpose statement with DPUP's six elements, from the model.

    Args:
        subject: a purpose, or an activity (one statement per purpose, or only the purpose
            named by ``purpose``).
        purpose: the id of the one purpose of the activity to write.
        context: the activity a lone purpose belongs to, for the information items,
            disclosures and choices that refer to it. Without it, the statement uses the
            purpose alone and its paths start at ``$``.

    Returns:
        The statement. Sections are keyed ``<purpose id>.<element>`` (see `ELEMENTS`);
        `Document.missing` lists the path of every fact not recorded.

    Raises:
        InputError: when ``purpose`` names no purpose of the activity.
    """
    scopes = scope_for_purposes(subject, purpose=purpose, context=context)
    if isinstance(subject, Purpose) or len(scopes) == 1:
        only = _Statement(scopes[0])
        return Document(
            "purpose-statement", f"Purpose statement: {only.pid}", tuple(only.sections(2))
        )
    sections: list[Section] = []
    if not scopes:
        sections.append(Section("purposes", "Purposes", (Missing("any purpose", "$.purposes"),)))
    for scope in scopes:
        statement = _Statement(scope)
        sections.append(Section(statement.pid, f"Purpose: {statement.pid}", (), 2))
        sections += statement.sections(3)
    return Document("purpose-statement", f"Purpose statements: {subject.name}", tuple(sections))
