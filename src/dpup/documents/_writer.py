"""The writer behind `dpup.documents.notice`: one method per part of a notice.

Each method phrases the facts of one part and records in ``facts`` what the part covers, so
`dpup.documents.notice_facts` can report the notice to the checks. A fact the part marks as
not recorded is never put in ``facts``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from dpup.documents._gather import Scope, merge_names
from dpup.documents._model import Block, Bullets, Missing, NoticeAudience, Paragraph
from dpup.documents._model import Section as _Section
from dpup.documents.phrases import (
    CHOICE_LEVEL_WORDING,
    CHOICE_SCOPE_WORDING,
    GROUND_WORDING,
    NOTICE_WORDING,
    REPORTING_WORDING,
    ROUTE_WORDING,
    SOURCE_WORDING,
    humanise,
    join_words,
)
from dpup.facts import collection_flows
from dpup.model import (
    ChoiceLevel,
    ChoiceScope,
    Collection,
    Disclosure,
    FlowKind,
    SharingAgreement,
    SharingGround,
)
from dpup.settings import Settings

__all__ = ["Writer"]

_RANK = {ChoiceLevel.NONE: 0, ChoiceLevel.LIMITED: 1, ChoiceLevel.SOME: 2}
_ACCESS_SCOPES = frozenset({ChoiceScope.ACCESS, ChoiceScope.RECIPIENTS})


def _text(value: str | None) -> str | None:
    return value.strip() if value is not None and value.strip() else None


class Writer:
    """Writes one notice's sections and records the facts each section covers."""

    def __init__(self, scope: Scope, audience: NoticeAudience, settings: Settings) -> None:
        self.scope = scope
        self.audience = audience
        self.settings = settings
        self.facts: dict[str, Any] = {}

    def w(self, key: str, **fill: str) -> str:
        return NOTICE_WORDING[key].get(self.audience).format(**fill)

    def section(self, key: str, blocks: Iterable[Block]) -> _Section:
        return _Section(key, self.w(key), tuple(blocks))

    @property
    def first_base(self) -> str:
        return self.scope.collections[0][0] if self.scope.collections else "$"

    def generic(self, name: str) -> bool:
        return self.settings.generic_recipient_phrases.search(name)

    # What we collect, and where it comes from.
    def what(self) -> _Section:
        blocks: list[Block] = []
        items = [item for _, c in self.scope.collections for item in c.items]
        names = list(dict.fromkeys(humanise(item.name) for item in items))
        if names:
            blocks += [Paragraph(self.w("what-lead")), Bullets(tuple(names))]
            self.facts["fact_of_collection"] = True
        else:
            blocks.append(Missing("what information is collected", f"{self.first_base}.items"))
        kinds = [i.identifiability for i in items]
        if any(k is not None and k.is_identifying for k in kinds):
            blocks.append(Paragraph(self.w("identifying")))
        elif kinds and all(k is not None for k in kinds):
            blocks.append(Paragraph(self.w("not-identifying")))
        sources = []
        for _, c in self.scope.collections:
            if c.source is None:
                continue
            supplier = _text(c.supplier) or "another organisation"
            sources.append(SOURCE_WORDING[c.source].get(self.audience).format(supplier=supplier))
        blocks += [Paragraph(s) for s in dict.fromkeys(sources)]
        return self.section("what", blocks)

    # Why it is needed, how it helps, and the law that allows it.
    def why(self) -> _Section:
        blocks: list[Block] = []
        whys: list[str] = []
        gaps: list[Missing] = []
        for _, path, p in self.scope.purposes:
            why = _text(p.why) if p is not None else None
            if why is None:
                gaps.append(Missing("why it is needed", f"{path}.why" if p else path))
            else:
                whys.append(why)
        if not self.scope.purposes:
            gaps.append(Missing("why it is needed", f"{self.first_base}.purposes"))
        if whys:
            blocks += [Paragraph(self.w("why-lead")), Bullets(tuple(dict.fromkeys(whys)))]
        blocks += gaps
        if not gaps:
            self.facts["purpose"] = True
            self.facts["uses_explained"] = self.scope.purpose_ids
        # How it helps (purpose.benefit) is written for adults; the child version keeps to
        # what the information is used for.
        benefits = [b for _, _, p in self.scope.purposes if p and (b := _text(p.benefit))]
        if benefits and self.audience == "adult":
            blocks += [Paragraph(self.w("benefit-lead")), Bullets(tuple(dict.fromkeys(benefits)))]
        statutes = self.scope.statutes()
        if statutes:
            blocks.append(Paragraph(self.w("law-allows", laws=join_words(statutes))))
            self.facts["law"] = True
        return self.section("why", blocks)

    # Who will see it, named.
    def who(self) -> _Section:
        entries: list[str] = []
        gaps: list[Missing] = []

        # Names are kept exactly as recorded (no trimming), so that the no-surprises check,
        # which looks for each recipient's recorded name inside the notice's entries, finds it.
        def add(name: str | None, path: str) -> None:
            if name is None or not name.strip():
                gaps.append(Missing("who receives it", path))
            elif self.generic(name):
                gaps.append(Missing(f"who “{name.strip()}” means, named one by one", path))
            else:
                entries.append(name)

        for _, path, p in self.scope.purposes:
            roles: dict[str, tuple[int, list[str]]] = {}
            for k, party in enumerate(p.access or () if p is not None else ()):
                org = party.organisation
                if not org.strip():
                    add(org, f"{path}.access[{k}].organisation")
                    continue
                roles.setdefault(org, (k, []))
                if role := _text(party.role):
                    roles[org][1].append(role)
            for org, (k, named) in roles.items():
                add(f"{org} ({', '.join(named)})" if named else org, f"{path}.access[{k}]")
        for path, d in self.scope.disclosures():
            if d.kind is FlowKind.DISCLOSURE:
                part = _text(d.recipient.part) if d.recipient is not None else None
                name = d.recipient.name if d.recipient is not None else None
                add(
                    f"{name} ({part})" if name and name.strip() and part else name,
                    f"{path}.recipient",
                )
        for path, g in self.scope.agreements():
            others = self._others(g)
            parts = [r.recipient_part for r in g.routes or ()]
            if len(others) == 1 and parts:
                add(f"{others[0]} ({', '.join(parts)})", f"{path}.parties")
            else:
                for k, other in enumerate(others):
                    add(other, f"{path}.parties[{k}]")
        for base, c in self.scope.collections:
            recorded = c.notice.recipients if c.notice is not None else None
            for k, entry in enumerate(recorded or ()):
                add(entry, f"{base}.notice.recipients[{k}]")
        names = merge_names(entries)
        if not names and not gaps:
            first = self.scope.purposes[0][1] if self.scope.purposes else self.first_base
            gaps.append(
                Missing("who will see it, named by organisation and role", f"{first}.access")
            )
        blocks: list[Block] = (
            [Paragraph(self.w("who-lead")), Bullets(tuple(names))] if names else []
        )
        if not gaps:
            self.facts["recipients"] = tuple(names)
        return self.section("who", [*blocks, *gaps])

    def _others(self, agreement: SharingAgreement) -> list[str]:
        agency = (self.scope.agency_name or "").casefold()
        return [p for p in agreement.parties or () if p.strip() and p.casefold() != agency]

    def _purpose_why(self, pid: str) -> str | None:
        for ref, _, p in self.scope.purposes:
            if ref == pid and p is not None:
                return _text(p.why)
        if self.scope.activity is not None:
            p = self.scope.activity.purpose(pid)
            return _text(p.why) if p is not None else None
        return None

    def _flow_why(self, why: str) -> Paragraph:
        if why[:3].casefold() == "to ":
            return Paragraph(self.w("flow-why", why="to " + why[3:].rstrip(".") + "."))
        return Paragraph(why)

    def _disclosure_flow(self, path: str, d: Disclosure) -> list[Block]:
        blocks: list[Block] = []
        name = _text(d.recipient.name) if d.recipient is not None else None
        if name is None:
            blocks.append(Missing("who receives it", f"{path}.recipient"))
        else:
            key = {True: "flow-identifying", False: "flow-not-identifying", None: "flow-unknown"}
            blocks.append(Paragraph(self.w(key[d.identifiable], recipient=name)))
        whys = [self._purpose_why(pid) for pid in d.purposes or ()]
        blocks += [self._flow_why(why) for why in dict.fromkeys(w for w in whys if w)]
        if not whys or None in whys:
            blocks.append(Missing("why it is shared", f"{path}.purposes"))
        return blocks

    def _agreement_flow(self, path: str, g: SharingAgreement) -> list[Block]:
        blocks: list[Block] = []
        others = self._others(g)
        if not others:
            blocks.append(Missing("who the agreement is with", f"{path}.parties"))
        if g.reporting is None:
            blocks.append(Missing("why reports are sent under the agreement", f"{path}.reporting"))
        if others and g.reporting is not None:
            kinds = [REPORTING_WORDING[k].get(self.audience) for k in dict.fromkeys(g.reporting)]
            text = self.w("agreement", parties=join_words(others), kinds=join_words(kinds))
            blocks.append(Paragraph(text.replace(" .", ".")))
        kinds_of = [f.identifiability for f in g.fields or ()]
        if any(k is not None and k.is_identifying for k in kinds_of):
            blocks.append(Paragraph(self.w("reports-identifying")))
        elif kinds_of and all(k is not None for k in kinds_of):
            blocks.append(Paragraph(self.w("reports-not-identifying")))
        return blocks

    # Non-identifying and downstream uses (funder reporting, evaluation, research).
    def beyond(self) -> _Section | None:
        activity = self.scope.activity
        if activity is None:
            return None
        non_identifying: list[str] = []
        downstream: list[str] = []
        for _, c in self.scope.collections:
            flows = collection_flows(activity, c)
            non_identifying += flows.non_identifying
            downstream += flows.downstream
        paths = list(dict.fromkeys([*non_identifying, *downstream]))
        if not paths:
            return None
        blocks: list[Block] = []
        for path in paths:
            index = int(path.rsplit("[", 1)[1].rstrip("]"))
            if ".disclosures[" in path:
                blocks += self._disclosure_flow(path, activity.disclosures[index])
            else:
                blocks += self._agreement_flow(path, activity.agreements[index])
        if not any(isinstance(b, Missing) for b in blocks):
            if non_identifying:
                self.facts["non_identifying_uses_explained"] = True
            if downstream:
                self.facts["downstream_uses_explained"] = True
        return self.section("beyond", blocks)

    # What will not happen, and who will not see it.
    def limits(self) -> _Section | None:
        purposes = [(path, p) for _, path, p in self.scope.purposes if p is not None]
        if not purposes:
            return None
        blocks: list[Block] = []
        for field, lead, what in (
            ("not_used_for", "not-used-lead", "what it will not be used for"),
            ("not_seen_by", "not-seen-lead", "who will not see it"),
        ):
            lists = [getattr(p, field) for _, p in purposes]
            values = [v.strip() for lst in lists for v in lst or () if v.strip()]
            if values:
                blocks += [Paragraph(self.w(lead)), Bullets(tuple(dict.fromkeys(values)))]
            elif all(lst is None for lst in lists):
                blocks.append(Missing(what, f"{purposes[0][0]}.{field}"))
        return self.section("not", blocks) if blocks else None

    # When information may be shared without asking, and the laws behind it.
    def without(self) -> _Section:
        activity = self.scope.activity
        grounds: list[SharingGround] = []
        recorded = False
        for _, c in self.scope.collections:
            if c.notice is not None and c.notice.sharing_exceptions is not None:
                recorded = True
                grounds += [g for g in c.notice.sharing_exceptions if g.is_exception]
        for choice in activity.choices if activity is not None else ():
            if choice.override_grounds is not None:
                recorded = True
                grounds += [g for g in choice.override_grounds if g.overrides_choice]
        for d in activity.disclosures if activity is not None else ():
            if d.ground is not None and d.ground.overrides_choice:
                grounds.append(d.ground)
        grounds = list(dict.fromkeys(grounds))
        blocks: list[Block] = []
        if grounds:
            phrases = [GROUND_WORDING[g].get(self.audience) for g in grounds]
            blocks += [Paragraph(self.w("without-lead")), Bullets(tuple(phrases))]
            self.facts["sharing_exceptions"] = tuple(grounds)
        elif recorded:
            blocks.append(Paragraph(self.w("without-none")))
            self.facts["sharing_exceptions"] = ()
        else:
            where = f"{self.first_base}.notice.sharing_exceptions"
            blocks.append(Missing("when it may be shared without agreement", where))
        laws = activity.other_laws if activity is not None else None
        if laws is None:
            blocks.append(
                Missing("whether another law requires sharing it", self.scope.at(".other_laws"))
            )
        elif laws:
            blocks += [Paragraph(self.w("without-laws")), Bullets(tuple(laws))]
            self.facts["other_law_disclosures_explained"] = True
        return self.section("without", blocks)

    def _level(self, c: Collection) -> ChoiceLevel | None:
        if c.required_by_law:
            return ChoiceLevel.NONE
        if c.notice is not None and c.notice.choice_level is not None:
            return c.notice.choice_level
        ids = set(c.purposes or ()) | {pid for i in c.items for pid in i.purposes or ()}
        activity = self.scope.activity
        if activity is not None:
            for pid in ids:
                p = activity.purpose(pid)
                if p is not None and p.no_choice_declared:
                    return ChoiceLevel.NONE
            levels = [
                ch.level
                for ch in activity.choices
                if ch.level is not None and (ch.purposes is None or ids.intersection(ch.purposes))
            ]
            if levels:
                return max(levels, key=_RANK.__getitem__)
        if any(i.required is False for i in c.items):
            return ChoiceLevel.SOME
        return None

    def _choice_sentences(self) -> list[str]:
        activity = self.scope.activity
        ids = set(self.scope.purpose_ids)
        out = []
        scopes: set[ChoiceScope] = set()
        for ch in activity.choices if activity is not None else ():
            if ch.scope is None or (ch.purposes is not None and not ids.intersection(ch.purposes)):
                continue
            scopes.add(ch.scope)
            who = join_words(r.strip() for r in ch.recipients or () if r.strip())
            text = CHOICE_SCOPE_WORDING[ch.scope].get(self.audience)
            if ch.scope is ChoiceScope.RECIPIENTS and not who:
                text = CHOICE_SCOPE_WORDING[ChoiceScope.ACCESS].get(self.audience)
            out.append(text.format(recipients=who))
        for _, c in self.scope.collections:
            if c.notice is not None and c.notice.capture_choice_offered:
                scopes.add(ChoiceScope.CAPTURE)
                out.append(CHOICE_SCOPE_WORDING[ChoiceScope.CAPTURE].get(self.audience))
            if c.notice is not None and c.notice.access_restriction_choice_offered:
                scopes.add(ChoiceScope.ACCESS)
                out.append(CHOICE_SCOPE_WORDING[ChoiceScope.ACCESS].get(self.audience))
        if ChoiceScope.CAPTURE in scopes:
            self.facts["capture_choice_offered"] = True
        if scopes & _ACCESS_SCOPES:
            self.facts["access_restriction_choice_offered"] = True
        return list(dict.fromkeys(out))

    # How much choice people have, and what the choices are.
    def choices(self) -> _Section:
        blocks: list[Block] = []
        groups: dict[ChoiceLevel | None, list[tuple[str, Collection]]] = {}
        for base, c in self.scope.collections:
            groups.setdefault(self._level(c), []).append((base, c))
        for level, members in groups.items():
            if len(groups) > 1:
                names = join_words(humanise(c.id) for _, c in members)
                blocks.append(Paragraph(self.w("choices-for", collection=names)))
            if level is None:
                where = f"{members[0][0]}.required_by_law"
                blocks.append(Missing("how much choice people have about giving it", where))
                continue
            blocks.append(Paragraph(CHOICE_LEVEL_WORDING[level].get(self.audience)))
            if any(c.required_by_law for _, c in members):
                blocks.append(Paragraph(self.w("required-by-law")))
                if not self.scope.statutes():
                    first = self.scope.purposes[0][1] if self.scope.purposes else members[0][0]
                    blocks.append(Missing("the law that requires it", f"{first}.law"))
        if len(groups) == 1 and None not in groups:
            self.facts["choice_level"] = next(iter(groups))
        if None not in groups and self.scope.collections:
            self.facts["choice_stated"] = True
            self.facts["voluntary_or_mandatory"] = True
        texts = [t for _, _, p in self.scope.purposes if p and (t := _text(p.choices))]
        blocks += [Paragraph(t) for t in dict.fromkeys(texts)]
        blocks += [Paragraph(t) for t in self._choice_sentences()]
        optional = [
            humanise(i.name)
            for _, c in self.scope.collections
            for i in c.items
            if i.required is False
        ]
        if optional:
            blocks += [Paragraph(self.w("optional-lead")), Bullets(tuple(dict.fromkeys(optional)))]
        return self.section("choices", blocks)

    # Seeing and correcting information ("just ask" where the practice allows it).
    def access(self) -> _Section:
        blocks: list[Block] = [Paragraph(self.w("access-right"))]
        self.facts["access_correction_rights"] = True
        activity = self.scope.activity
        ap = activity.access_practice if activity is not None else None
        if ap is None:
            where = self.scope.at(".access_practice")
            blocks.append(Missing("how people ask to see and correct their information", where))
            return self.section("access", blocks)
        if ap.requires_writing is False:
            blocks.append(Paragraph(self.w("just-ask")))
        elif ap.requires_writing:
            blocks.append(Paragraph(self.w("any-way")))
        if ap.requires_lawyer is False:
            blocks.append(Paragraph(self.w("no-lawyer")))
        routes = [
            ROUTE_WORDING[r].get(self.audience) for r in dict.fromkeys(ap.informal_routes or ())
        ]
        if routes:
            blocks += [Paragraph(self.w("routes-lead")), Bullets(tuple(routes))]
        if ap.proactive_copies:
            when = _text(ap.proactive_copies_when)
            blocks.append(Paragraph(self.w("proactive", when=f" ({when})" if when else "")))
        formats = [f.strip() for f in ap.formats or () if f.strip()]
        if formats:
            blocks.append(Paragraph(self.w("formats", formats=join_words(formats))))
        if ap.self_correction:
            blocks.append(Paragraph(self.w("self-correction")))
        if ap.own_perspective_recorded:
            blocks.append(Paragraph(self.w("own-view")))
        if ap.records_co_completed:
            blocks.append(Paragraph(self.w("co-completed")))
        doors = [d.strip() for d in ap.front_door_with or () if d.strip()]
        if doors:
            blocks.append(Paragraph(self.w("front-door", organisations=join_words(doors))))
        return self.section("access", blocks)

    # Who to talk to.
    def contact(self) -> _Section:
        blocks: list[Block] = []
        agency = self.scope.agency_name
        if agency is None:
            blocks.append(Missing("who people should talk to", self.scope.at(".agency.name")))
        else:
            blocks.append(Paragraph(self.w("contact-agency", agency=agency)))
        # Who explains the purpose is written for staff and adults (purpose.transparency);
        # the child version keeps to the agency and the named person.
        if self.audience == "adult":
            texts = [t for _, _, p in self.scope.purposes if p and (t := _text(p.transparency))]
            blocks += [Paragraph(t) for t in dict.fromkeys(texts)]
        activity = self.scope.activity
        if (
            activity is not None
            and activity.frontline is not None
            and activity.frontline.named_contact
        ):
            blocks.append(Paragraph(self.w("named-contact")))
        # The model has no field for an address, phone number or email yet; IPP3 asks for the
        # agency's address, so the notice always asks for it.
        blocks.append(
            Missing("how to reach us: an address, phone number or email", self.scope.at(".agency"))
        )
        blocks.append(Paragraph(self.w("commissioner")))
        return self.section("contact", blocks)
