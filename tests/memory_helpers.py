"""Helpers shared by the tests of what dpup remembers between evaluations."""

from __future__ import annotations

import json
from pathlib import Path

import dpup
from dpup.serde import structure, unstructure

__all__ = ["EXAMPLE", "many_disclosures", "report_json"]

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "kids-first-before.toml"
"""The "Kids First" example, before DPUP was applied."""


def report_json(subject: object, context: dpup.Activity | None = None) -> str:
    """Return the JSON of ``subject``'s report, evaluated in ``context``."""
    return json.dumps(dpup.evaluate(subject, context=context).to_dict())


def many_disclosures(copies: int) -> dpup.Activity:
    """Return the example with its disclosures repeated ``copies`` times, under fresh ids."""
    doc = unstructure(dpup.load(EXAMPLE))
    disclosures = []
    for k in range(copies):
        for d in doc["disclosures"]:
            copy = dict(d)
            if copy.get("id") and k:
                copy["id"] = f"{copy['id']}-{k}"
            disclosures.append(copy)
    doc["disclosures"] = disclosures
    return structure(doc)
