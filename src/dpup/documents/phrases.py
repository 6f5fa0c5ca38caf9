"""Plain-language wording for generated documents, for adults and for children.

Every fixed sentence a notice uses is here, with its adult and child versions side by side,
so the wording can be reviewed (and tested with service users) in one place. All of it is in
our own words. Child versions use short sentences and everyday words and speak to the child.

Recorded free text (a purpose's ``why``, a recipient's name) is never rewritten: documents use
it as the team wrote it, so the team's wording is what people read.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import attrs

from dpup.model import (
    Beneficiary,
    ChoiceLevel,
    ChoiceScope,
    InformalRoute,
    LawKind,
    ReportingKind,
    SharingGround,
    Source,
)

__all__ = [
    "BENEFICIARY_WORDS",
    "CHOICE_LEVEL_WORDING",
    "CHOICE_SCOPE_WORDING",
    "GROUND_WORDING",
    "LAW_KIND_LABELS",
    "NOTICE_WORDING",
    "REPORTING_WORDING",
    "ROUTE_WORDING",
    "SOURCE_WORDING",
    "Wording",
    "humanise",
    "join_words",
]


@attrs.frozen
class Wording:
    """One piece of text in an adult and a child version.

    Attributes:
        adult: the adult version.
        child: the child version.
    """

    adult: str
    child: str

    def get(self, audience: str) -> str:
        """Return the version for ``audience`` (``"adult"`` or ``"child"``)."""
        return self.child if audience == "child" else self.adult


GROUND_WORDING: Mapping[SharingGround, Wording] = {
    SharingGround.NONE: Wording("never without asking you first", "never without asking you first"),
    SharingGround.COLLECTION_PURPOSE: Wording(
        "to do what we collected it for, as this notice explains",
        "to do what we wrote it down for",
    ),
    SharingGround.DIRECTLY_RELATED: Wording(
        "for something closely connected to why we collected it",
        "for something very close to why we wrote it down",
    ),
    SharingGround.AUTHORISED: Wording("when you have said yes", "when you say yes"),
    SharingGround.TO_PERSON: Wording("to you", "to you"),
    SharingGround.PUBLICLY_AVAILABLE: Wording(
        "if the information is already public", "if anyone can already see it"
    ),
    SharingGround.MAINTENANCE_OF_LAW: Wording(
        "if the Police need it to prevent, look into or deal with a crime",
        "if the Police need it to stop a crime or find out about one",
    ),
    SharingGround.SERIOUS_THREAT: Wording(
        "if sharing it is needed to stop a serious threat to someone's life, health or safety",
        "if someone could get badly hurt, and sharing it would help keep them safe",
    ),
    SharingGround.STATISTICAL_RESEARCH: Wording(
        "for statistics or research, where nobody is named in the results",
        "to count things or learn things, without your name in the results",
    ),
    SharingGround.NOT_IDENTIFIED: Wording(
        "if it will be used in a way that does not show who you are",
        "if nobody will be able to tell it is about you",
    ),
    SharingGround.INTELLIGENCE_SECURITY: Wording(
        "if New Zealand's intelligence and security agencies need it to do their work",
        "if the people who keep New Zealand safe from big dangers need it",
    ),
    SharingGround.BUSINESS_SALE: Wording(
        "if the service is sold or handed on to another organisation to keep running",
        "if another group takes over running the service",
    ),
    SharingGround.COMMISSIONER_AUTHORISED: Wording(
        "if the Privacy Commissioner gives special permission",
        "if the Privacy Commissioner says it is allowed",
    ),
    SharingGround.OT_S66: Wording(
        "if Oranga Tamariki or the Police ask for it to check a child is safe",
        "if Oranga Tamariki or the Police ask for it to check a child is safe",
    ),
    SharingGround.OT_S66C: Wording(
        "if another service that works with children needs it to keep a child safe and well",
        "if people who help children need it to keep a child safe",
    ),
    SharingGround.FV_S20: Wording(
        "if it helps protect someone from family violence",
        "if it helps keep someone safe from being hurt at home",
    ),
    SharingGround.COURT_ORDER: Wording(
        "if a court orders us to share it", "if a judge says we must share it"
    ),
    SharingGround.OTHER_STATUTE: Wording(
        "if another law requires us to share it", "if a law says we must share it"
    ),
}
"""When information may be shared without asking, one phrase per `SharingGround`.

Each phrase completes "This can happen: ..." and is our own summary of the ground, not the
wording of the law. Every ground has one, ``NONE`` (no ground applies) included: a notice
lists only exceptions and grounds that override a choice, so it never shows that phrase, but
a purpose statement repeats whatever grounds a choice records.
"""

CHOICE_LEVEL_WORDING: Mapping[ChoiceLevel, Wording] = {
    ChoiceLevel.NONE: Wording(
        "You do not have a choice about giving us this information.",
        "You have to tell us these things.",
    ),
    ChoiceLevel.LIMITED: Wording(
        "You can choose whether to use this service. If you do, we need this information.",
        "You can choose if you want to take part. If you do, we need to know these things.",
    ),
    ChoiceLevel.SOME: Wording(
        "You have some choices about your information.",
        "You can make some choices about it.",
    ),
}
"""How much choice people have, said plainly (DPUP: if there is no choice, say so)."""

CHOICE_SCOPE_WORDING: Mapping[ChoiceScope, Wording] = {
    ChoiceScope.ITEMS: Wording(
        "You can choose what you tell us.", "You can choose what you tell us."
    ),
    ChoiceScope.USE: Wording("You can choose how we use it.", "You can choose how we use it."),
    ChoiceScope.RECIPIENTS: Wording(
        "You have a say in what we share with: {recipients}.",
        "You get a say in what we tell: {recipients}.",
    ),
    ChoiceScope.CAPTURE: Wording(
        "You can choose how your information is written down.",
        "You can choose how we write things down.",
    ),
    ChoiceScope.ACCESS: Wording(
        "You can tell us who should not see it.", "You can tell us who should not see it."
    ),
}
"""A recorded choice, by what it is about. ``{recipients}`` is filled in from the choice."""

ROUTE_WORDING: Mapping[InformalRoute, Wording] = {
    InformalRoute.SCREEN: Wording(
        "look at it with us on a screen", "look at it with us on a screen"
    ),
    InformalRoute.PRINTOUT: Wording("get a printed copy", "get a copy on paper"),
    InformalRoute.PHOTO_OF_SCREEN: Wording(
        "take a photo of the screen", "take a photo of the screen"
    ),
    InformalRoute.EMAIL_COPY: Wording("get a copy by email", "get a copy by email"),
    InformalRoute.COPY_ON_REFERRAL: Wording(
        "get a copy when we refer you to another service",
        "get a copy when we send you to someone else for help",
    ),
    InformalRoute.TALK_THROUGH: Wording("talk it through with us", "talk about it with us"),
}
"""Ways to see records without a formal request; each completes "You can also: ..."."""

REPORTING_WORDING: Mapping[ReportingKind, Wording] = {
    ReportingKind.SERVICE_DELIVERY: Wording(
        "to show how the service is being delivered", "to show how the service is going"
    ),
    ReportingKind.COMPLIANCE: Wording(
        "to show we keep to our agreement", "to show we do what we said we would"
    ),
    ReportingKind.ACCREDITATION: Wording(
        "so our service can be checked and approved", "so people can check our service is good"
    ),
    ReportingKind.CONTRACT_MANAGEMENT: Wording(
        "to manage our contract", "to help run our deal with them"
    ),
    ReportingKind.MONITORING: Wording(
        "to keep track of the service", "to keep track of how we are doing"
    ),
    ReportingKind.EVALUATION: Wording(
        "to find out whether the service helps", "to find out if the service helps"
    ),
    ReportingKind.RESEARCH: Wording("for research", "to learn new things"),
}
"""Why reports go to a funder or partner; each completes "we send reports ..."."""

SOURCE_WORDING: Mapping[Source, Wording] = {
    Source.INDIVIDUAL: Wording("We get it from you.", "You tell us these things."),
    Source.WHANAU: Wording("We get it from your whānau.", "Your whānau tells us these things."),
    Source.OTHER_AGENCY: Wording(
        "We get it from {supplier}, not from you.", "We get it from {supplier}, not from you."
    ),
    Source.PUBLIC_SOURCE: Wording(
        "We get it from public records.", "We get it from places anyone can look."
    ),
}
"""Where information comes from. ``{supplier}`` is the supplying organisation."""

NOTICE_WORDING: Mapping[str, Wording] = {
    "title": Wording("How {agency} looks after your information", "Your information at {agency}"),
    "title-no-agency": Wording("How we look after your information", "Your information"),
    "intro": Wording(
        "This notice tells you what information we collect, why we need it, who will see "
        "it, and the choices you have.",
        "This tells you what we write down, and why. It tells you who can see it. It tells "
        "you what you can choose.",
    ),
    "what": Wording("What we collect", "What we write down"),
    "what-lead": Wording("We collect:", "We write down:"),
    "identifying": Wording(
        "Some of this information shows who you are.", "Some of it shows who you are."
    ),
    "not-identifying": Wording(
        "None of this information shows who you are.", "None of it shows who you are."
    ),
    "why": Wording("Why we need it", "Why we write it down"),
    "why-lead": Wording("We use it:", "We use it:"),
    "benefit-lead": Wording("How this helps:", "How this helps:"),
    "law-allows": Wording("This is allowed by: {laws}.", "This is allowed by: {laws}."),
    "who": Wording("Who will see it", "Who can see it"),
    "who-lead": Wording("Your information will be seen by:", "These people and groups can see it:"),
    "beyond": Wording("What else we do with it", "Other ways we use it"),
    "flow-identifying": Wording(
        "We give {recipient} information that shows who you are.",
        "We give {recipient} things that show who you are.",
    ),
    "flow-not-identifying": Wording(
        "We give {recipient} information that does not show who you are.",
        "We give {recipient} things that do not show who you are.",
    ),
    "flow-unknown": Wording(
        "We give {recipient} some of this information.", "We give {recipient} some of it."
    ),
    "flow-why": Wording("We do this {why}", "We do this {why}"),
    "agreement": Wording(
        "We have an agreement with {parties}. Under it, we send reports {kinds}.",
        "We have a deal with {parties}. We send them reports {kinds}.",
    ),
    "reports-not-identifying": Wording(
        "These reports do not show who you are.", "These reports do not show who you are."
    ),
    "reports-identifying": Wording(
        "Some of these reports show who you are.", "Some of these reports show who you are."
    ),
    "not": Wording("What will not happen", "What we will not do"),
    "not-used-lead": Wording("We will not use your information for:", "We will not use it for:"),
    "not-seen-lead": Wording(
        "These will not see your information:", "These people and groups will not see it:"
    ),
    "without": Wording(
        "When we may share it without asking you", "When we might share it without asking you"
    ),
    "without-lead": Wording(
        "Sometimes we may share your information without asking you first. This can happen:",
        "Sometimes we might share it without asking you first. This can happen:",
    ),
    "without-laws": Wording(
        "These laws can require us to share information:",
        "These laws say we must share in some cases:",
    ),
    "without-none": Wording(
        "We will not share it in any other way without asking you, unless the law requires it.",
        "We will not share it in other ways without asking you, unless a law says we must.",
    ),
    "choices": Wording("Your choices", "What you can choose"),
    "required-by-law": Wording(
        "A law says we must collect this information.", "A law says we must write this down."
    ),
    "optional-lead": Wording("You do not have to give us:", "You do not have to tell us:"),
    "choices-for": Wording("For the {collection}:", "For the {collection}:"),
    "access": Wording(
        "Seeing and correcting your information", "Seeing your information and fixing mistakes"
    ),
    "access-right": Wording(
        "You can ask to see the information we hold about you, and ask us to correct it if "
        "it is wrong.",
        "You can ask to see what we have written down. Is something wrong? You can ask us to "
        "fix it.",
    ),
    "just-ask": Wording(
        "Just ask us. You do not need to put it in writing.",
        "Just ask us. You do not need to write a letter.",
    ),
    "any-way": Wording(
        "You can ask in any way, including by talking to us.",
        "You can ask in any way. You can just talk to us.",
    ),
    "no-lawyer": Wording("You do not need a lawyer.", "You do not need a lawyer."),
    "routes-lead": Wording("You can also:", "You can also:"),
    "proactive": Wording(
        "We will give you a copy of your information without you asking{when}.",
        "We will give you a copy, even if you do not ask{when}.",
    ),
    "formats": Wording(
        "Copies come in these versions: {formats}.", "Copies come in these kinds: {formats}."
    ),
    "self-correction": Wording(
        "You can update some of your details yourself.", "You can fix some details yourself."
    ),
    "own-view": Wording(
        "You can add your own view to what we have written.",
        "You can add what you think to our notes.",
    ),
    "co-completed": Wording("We fill in our records with you.", "We write our notes with you."),
    "front-door": Wording(
        "You can also ask us for the information that {organisations} holds about you.",
        "You can ask us for what {organisations} has about you too.",
    ),
    "contact": Wording("Who to talk to", "Who to talk to"),
    "contact-agency": Wording(
        "If you have questions, talk to {agency}.", "Do you have questions? Talk to {agency}."
    ),
    "named-contact": Wording(
        "We have a named person who can answer your questions.",
        "We have a person who can answer your questions.",
    ),
    "commissioner": Wording(
        "If you are unhappy with how we handle your information, you can complain to the "
        "Privacy Commissioner.",
        "Are you not happy with how we look after it? You can tell the Privacy Commissioner.",
    ),
}
"""The fixed sentences and headings of a notice, by key.

Placeholders in braces are filled from the model (``{agency}``, ``{recipient}`` ...).
"""

BENEFICIARY_WORDS: Mapping[Beneficiary, str] = {
    Beneficiary.INDIVIDUAL: "the people the information is about",
    Beneficiary.WHANAU: "their whānau",
    Beneficiary.COMMUNITY: "communities",
    Beneficiary.IWI: "iwi",
    Beneficiary.PUBLIC_GOOD: "the public",
    Beneficiary.AGENCY: "the agency itself",
}
"""Who benefits, as a purpose statement names them."""

LAW_KIND_LABELS: Mapping[LawKind, str] = {
    LawKind.STATUTE: "Act",
    LawKind.REGULATION: "Regulations",
    LawKind.CODE: "Code",
    LawKind.CONTRACT: "Contract",
    LawKind.AGREEMENT: "Agreement",
    LawKind.GUIDELINE: "Guideline",
}
"""The label a purpose statement puts before each law, contract or agreement relied on."""


def humanise(name: str) -> str:
    """Return an identifier as words: dashes and underscores become spaces.

    >>> humanise("children-cared-for")
    'children cared for'
    """
    return " ".join(name.replace("_", " ").replace("-", " ").split())


def join_words(words: Iterable[str]) -> str:
    """Join words as a list in a sentence: ``a``, ``a and b``, ``a, b and c``.

    >>> join_words(["Oranga Tamariki", "the Police", "the Family Court"])
    'Oranga Tamariki, the Police and the Family Court'
    """
    items = list(words)
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"
