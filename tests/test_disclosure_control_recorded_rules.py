"""A release's own recorded rules make the standard stricter, never weaker."""

from __future__ import annotations

import attrs
import pytest

from dpup.disclosure_control import (
    ACRO_DEFAULTS,
    MSD_PUBLISHED,
    STATS_NZ_RR3,
    ChoiceReason,
    RecordedRules,
    RoundingMethod,
    Table,
    audit,
    meets_rounding,
    release_record,
)
from dpup.errors import InputError

NONE, RR3, NO_ZERO = RoundingMethod.NONE, RoundingMethod.RR3, RoundingMethod.RR3_NO_ZERO

# One small count (2) beside counts of 7 to 30.
TABLE = Table.from_counts(("North", "South"), ("Completed", "Left"), ((30, 2), (7, 15)))


@pytest.mark.parametrize(
    ("recorded", "standard", "meets"),
    [
        (RR3, RR3, True),
        (NO_ZERO, RR3, True),
        (NO_ZERO, NO_ZERO, True),
        (RR3, NO_ZERO, False),
        (NONE, RR3, False),
        (NONE, NO_ZERO, False),
        (NONE, NONE, True),
        (RR3, NONE, True),
    ],
)
def test_meets_rounding(recorded: RoundingMethod, standard: RoundingMethod, meets: bool) -> None:
    """A method meets a standard when it publishes only values the standard allows."""
    assert meets_rounding(recorded, standard) is meets


class TestChoices:
    """What applies, field by field, and why."""

    def test_nothing_recorded_keeps_the_standard(self) -> None:
        """No recorded rules: the standard itself, unchanged."""
        asked = RecordedRules()
        assert asked.applied_to(STATS_NZ_RR3) is STATS_NZ_RR3
        assert [c.reason for c in asked.choices(STATS_NZ_RR3)] == [ChoiceReason.NOT_RECORDED] * 2

    def test_weaker_values_are_not_applied(self) -> None:
        """Threshold 1 and no rounding, under RR3 and 6: the standard applies, as it is."""
        asked = RecordedRules(rounding=NONE, suppression_threshold=1)
        assert asked.applied_to(STATS_NZ_RR3) is STATS_NZ_RR3
        rounding, threshold = asked.choices(STATS_NZ_RR3)
        assert (rounding.recorded, rounding.applied, rounding.reason) == (
            NONE,
            RR3,
            ChoiceReason.WEAKER,
        )
        assert (threshold.standard, threshold.recorded, threshold.applied, threshold.reason) == (
            6,
            1,
            6,
            ChoiceReason.WEAKER,
        )

    def test_rr3_is_weaker_than_msds_variant(self) -> None:
        """Unbiased RR3 may publish a 1 as 0, which MSD's standard forbids: not applied."""
        asked = RecordedRules(rounding=RR3)
        assert asked.applied_to(MSD_PUBLISHED).rounding is NO_ZERO
        assert asked.choices(MSD_PUBLISHED)[0].reason is ChoiceReason.WEAKER

    def test_stricter_values_apply(self) -> None:
        """A higher threshold and MSD's variant are stricter than RR3 and 6: both apply."""
        asked = RecordedRules(rounding=NO_ZERO, suppression_threshold=10)
        applied = asked.applied_to(STATS_NZ_RR3)
        assert (applied.rounding, applied.suppression_threshold) == (NO_ZERO, 10)
        assert applied.source.startswith(STATS_NZ_RR3.source)
        assert applied.source != STATS_NZ_RR3.source
        assert (
            attrs.evolve(applied, source=STATS_NZ_RR3.source, rounding=RR3, suppression_threshold=6)
            == STATS_NZ_RR3
        )
        assert [c.reason for c in asked.choices(STATS_NZ_RR3)] == [ChoiceReason.STRICTER] * 2

    def test_rounding_under_a_standard_that_does_not_round(self) -> None:
        """ACRO's rules do not round; a release that records RR3 rounds."""
        applied = RecordedRules(rounding=RR3).applied_to(ACRO_DEFAULTS)
        assert applied.rounding is RR3
        assert applied.suppression_threshold == ACRO_DEFAULTS.suppression_threshold

    def test_the_same_values(self) -> None:
        """The standard's own values: SAME, and the standard unchanged."""
        asked = RecordedRules(rounding=RR3, suppression_threshold=6)
        assert asked.applied_to(STATS_NZ_RR3) is STATS_NZ_RR3
        assert [c.reason for c in asked.choices(STATS_NZ_RR3)] == [ChoiceReason.SAME] * 2

    def test_bad_values_listed(self) -> None:
        """Every bad field is listed."""
        with pytest.raises(InputError) as caught:
            RecordedRules(rounding="none", suppression_threshold=-1)  # type: ignore[arg-type]
        assert [p.path for p in caught.value.problems] == ["$.rounding", "$.suppression_threshold"]


class TestRecord:
    """`release_record` never publishes under rules weaker than the standard."""

    def test_weaker_recorded_rules_do_not_weaken_the_release(self) -> None:
        """The 2 is withheld and the rest rounded, as the standard says; the audit agrees."""
        record = release_record(
            "weak",
            (TABLE,),
            STATS_NZ_RR3,
            rounding=7,
            recorded=RecordedRules(rounding=NONE, suppression_threshold=1),
        )
        assert record.rules is STATS_NZ_RR3
        assert record.tables[0].published[0][1] is None
        assert all(v is None or v % 3 == 0 for row in record.tables[0].published for v in row)
        assert record.violations == ((),)
        chosen = record.summary()["rules_chosen"]
        assert isinstance(chosen, list)
        assert [
            (c["field"], c["standard"], c["recorded"], c["applied"], c["reason"]) for c in chosen
        ] == [
            ("rounding", "rr3", "none", "rr3", "weaker"),
            ("suppression_threshold", 6, 1, 6, "weaker"),
        ]

    def test_as_the_old_rules_would_have_published(self) -> None:
        """The weakened rules the record once applied publish the 2, which the standard flags."""
        weakened = attrs.evolve(STATS_NZ_RR3, rounding=NONE, suppression_threshold=1)
        record = release_record("weak", (TABLE,), weakened, rounding=None)
        assert record.tables[0].published[0][1] == 2
        assert audit(record.tables[0], STATS_NZ_RR3)

    def test_stricter_recorded_rules_apply(self) -> None:
        """A recorded threshold of 8 withholds the 7 too, and the summary says why."""
        record = release_record(
            "strict",
            (TABLE,),
            STATS_NZ_RR3,
            rounding=7,
            recorded=RecordedRules(suppression_threshold=8),
        )
        assert record.rules.suppression_threshold == 8
        assert record.tables[0].published[1][0] is None
        chosen = record.summary()["rules_chosen"]
        assert isinstance(chosen, list)
        assert [c["reason"] for c in chosen] == ["not_recorded", "stricter"]
        assert all(isinstance(c["why"], str) and c["why"] for c in chosen)

    def test_recorded_rounding_still_needs_a_key(self) -> None:
        """A standard that does not round, made to round by the release, needs a key or seed."""
        with pytest.raises(InputError) as caught:
            release_record(
                "r", (TABLE,), ACRO_DEFAULTS, rounding=None, recorded=RecordedRules(rounding=RR3)
            )
        assert [p.path for p in caught.value.problems] == ["$.rounding"]

    def test_recorded_must_be_recorded_rules(self) -> None:
        """Anything else is refused with the other problems."""
        with pytest.raises(InputError) as caught:
            release_record(
                "r",
                (TABLE,),
                STATS_NZ_RR3,
                rounding=None,
                recorded={"rounding": "none"},  # type: ignore[arg-type]
            )
        assert [p.path for p in caught.value.problems] == ["$.recorded", "$.rounding"]
