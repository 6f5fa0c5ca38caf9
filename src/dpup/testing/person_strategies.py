"""Hypothesis strategies for a person's own record together with its programme.

A person's record only makes sense beside the programme its references point into, so
`dpup.testing.strategies` registers no strategy for ``st.from_type(PersonRecord)``: draw
both with `people`.
"""

from __future__ import annotations

from typing import Any

import attrs
from hypothesis import strategies as st

from dpup.model import PERSON_FIELDS, Activity, PersonRecord
from dpup.testing.strategies import activities

__all__ = ["people"]

_REFS = st.text("abcdefghijklmnopqrstuvwxyz0123456789-", min_size=1, max_size=12)


@st.composite
def people(draw: st.DrawFn) -> tuple[Activity, PersonRecord]:
    """Return a strategy for a programme and one person's record in it, references consistent.

    An activity is drawn (`dpup.testing.strategies.activities`) and its person-level parts
    (`dpup.model.PERSON_FIELDS`) move into the person's record, leaving the programme
    without them.
    """
    activity = draw(activities())
    person = PersonRecord(draw(_REFS), **{n: getattr(activity, n) for n in PERSON_FIELDS})
    emptied: dict[str, Any] = dict.fromkeys(PERSON_FIELDS, ())
    emptied["family_violence"] = None
    return attrs.evolve(activity, **emptied), person
