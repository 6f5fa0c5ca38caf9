"""Disclosure control for non-personal insight tables: rounding, suppression and audit.

Aggregate tables built from people's information (counts of service users by ethnicity, region,
outcome) are only non-personal when nobody can be picked out of them. New Zealand agencies use
two standard tools for that, and this module encodes both as data and pure functions:

* **Random rounding to base 3 (RR3).** Stats NZ rounds every published count, totals included, to
  a neighbouring multiple of 3, at random but without bias. MSD uses a variant that never turns a
  1 or 2 into 0.
* **Primary and secondary suppression.** Small counts (below 6 by default) are withheld, and when
  totals are published a second value is withheld in any row or column where a lone hidden value
  could be recovered by subtraction.

`audit` checks a table that is about to be published against its raw counts and a set of
`ConfidentialityRules`; `audit_derived` does the same for statistics (percentages, means) built
on underlying counts. Both return violations that name positions and rules, never raw values.

Sources: Stats NZ, "Safeguarding confidentiality" (RR3), and MSD, "How we keep data private"
(rounding that never reaches 0, suppression below 6, secondary suppression); links are on the
presets `STATS_NZ_RR3` and `MSD_PUBLISHED`. These are agency standards, not Privacy Act law.

Everything here is deterministic given a seeded `random.Random`; nothing reads global state.
For real releases, `KeyedRounding` takes each up-or-down choice from a secret key and the value's
identity (table key, labels, count) instead, so a repeat request is rounded exactly as before.

Tables sent to one recipient are checked together by `audit_release`: a figure of one table
subtracted from a figure of another must not leave a small count, and a value one table
withholds must not be restored by another (`Band` says what each label covers).
`release_record` and `write_release` write a release: the protected tables, a checker's summary
marked not for release, and SHA-256 checksums. A release's own recorded rules
(`RecordedRules`) only ever make the standard stricter; `meets_rounding` compares methods.

Tables of more than two dimensions (`CrossTable`, with `Dimension` and hierarchical
`CategoryGroup` subtotals) get the same rules over every published line and margin:
`suppress_cross`, `round_cross_table`, `protect_cross` and `audit_cross`. They take part in a
release too (`audit_release`, `release_record`, `KeyedRounding.round_cross_table`).

The domain model re-exports `Table`, `DerivedStatistic`, `StatisticKind` and `RoundingMethod`
for `dpup.model.Insight`, so this module imports nothing from ``dpup.model`` (that keeps the
imports acyclic and this module light). The Sharing Value checks SV007 to SV010
(``dpup.checks.sharing_value``) run `audit` and `audit_derived` on every insight's tables.

The code is split by stage into private modules (the rules as data, count rounding, the
`Table` type, results, the extended grid, suppression and rounding of tables, audits); every
public name is imported from here.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Final

from dpup.disclosure_control._audit import (
    audit,
    audit_derived,
)
from dpup.disclosure_control._bands import (
    Band,
)
from dpup.disclosure_control._exception import ReleaseException
from dpup.disclosure_control._keyed import (
    MIN_KEY_BYTES,
    KeyedRounding,
)
from dpup.disclosure_control._magnitude import (
    CellMagnitude,
    MagnitudeTable,
    audit_magnitude,
    contributions_missing,
    contributions_needed,
)
from dpup.disclosure_control._ngrid import (
    CrossLocation,
    CrossSuppression,
    CrossSuppressionResult,
    CrossViolation,
)
from dpup.disclosure_control._nprotect import (
    audit_cross,
    protect_cross,
    round_cross_table,
    suppress_cross,
)
from dpup.disclosure_control._ntable import (
    CategoryGroup,
    CrossTable,
    Dimension,
)
from dpup.disclosure_control._protect import (
    protect,
    round_table,
    suppress,
)
from dpup.disclosure_control._recorded import (
    ChoiceReason,
    RecordedRules,
    RuleChoice,
    meets_rounding,
)
from dpup.disclosure_control._release import (
    DifferencingViolation,
    FigureRef,
    ReleaseAudit,
    ReleaseReview,
    ReleaseRule,
    ReviewReason,
)
from dpup.disclosure_control._results import (
    DerivedStatistic,
    DerivedViolation,
    Location,
    Suppression,
    SuppressionResult,
    Violation,
)
from dpup.disclosure_control._rounding import (
    round_count,
    rr3,
    rr3_no_zero,
)
from dpup.disclosure_control._rules import (
    ACRO_DEFAULTS,
    MSD_PUBLISHED,
    STATS_NZ_RR3,
    ConfidentialityRules,
    DisclosureRule,
    GroupDisclosure,
    LocationKind,
    RoundingMethod,
    StatisticKind,
    SuppressionReason,
)
from dpup.disclosure_control._table import (
    Table,
)

__all__ = [
    "ACRO_DEFAULTS",
    "Band",
    "CHECKSUMS_FILE",
    "CategoryGroup",
    "CellMagnitude",
    "ChoiceReason",
    "ConfidentialityRules",
    "CrossLocation",
    "CrossSuppression",
    "CrossSuppressionResult",
    "CrossTable",
    "CrossViolation",
    "DerivedStatistic",
    "DerivedViolation",
    "DifferencingViolation",
    "Dimension",
    "DisclosureRule",
    "FigureRef",
    "GroupDisclosure",
    "KeyedRounding",
    "Location",
    "LocationKind",
    "MIN_KEY_BYTES",
    "MSD_PUBLISHED",
    "MagnitudeTable",
    "NOT_FOR_RELEASE",
    "RecordedRules",
    "ReleaseAudit",
    "ReleaseException",
    "ReleaseRecord",
    "ReleaseReview",
    "ReleaseRule",
    "ReviewReason",
    "RoundingMethod",
    "RuleChoice",
    "STATS_NZ_RR3",
    "SUMMARY_FILE",
    "StatisticKind",
    "Suppression",
    "SuppressionReason",
    "SuppressionResult",
    "TABLES_FILE",
    "Table",
    "Violation",
    "audit",
    "audit_cross",
    "audit_derived",
    "audit_magnitude",
    "audit_release",
    "contributions_missing",
    "contributions_needed",
    "meets_rounding",
    "protect",
    "protect_cross",
    "release_record",
    "round_count",
    "round_cross_table",
    "round_table",
    "rr3",
    "rr3_no_zero",
    "suppress",
    "suppress_cross",
    "write_release",
]


if TYPE_CHECKING:
    from dpup.disclosure_control._nrelease import audit_release
    from dpup.disclosure_control._record import (
        CHECKSUMS_FILE,
        NOT_FOR_RELEASE,
        SUMMARY_FILE,
        TABLES_FILE,
        ReleaseRecord,
        release_record,
        write_release,
    )

# Auditing a release and writing its record are loaded on first use: `import dpup` (which the
# model's insight needs this package for) stays light, without the file-writing machinery.
_LAZY: Final[dict[str, str]] = {
    "audit_release": "dpup.disclosure_control._nrelease",
    "CHECKSUMS_FILE": "dpup.disclosure_control._record",
    "NOT_FOR_RELEASE": "dpup.disclosure_control._record",
    "SUMMARY_FILE": "dpup.disclosure_control._record",
    "TABLES_FILE": "dpup.disclosure_control._record",
    "ReleaseRecord": "dpup.disclosure_control._record",
    "release_record": "dpup.disclosure_control._record",
    "write_release": "dpup.disclosure_control._record",
}


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        msg = f"module {__name__!r} has no attribute {name!r}"
        raise AttributeError(msg)
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
