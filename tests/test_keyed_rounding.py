"""Tests for keyed RR3 (`dpup.disclosure_control.KeyedRounding`)."""

from __future__ import annotations

import copy
import pickle
from collections import Counter
from itertools import pairwise
from random import Random

import pytest

from dpup.disclosure_control import (
    MIN_KEY_BYTES,
    MSD_PUBLISHED,
    STATS_NZ_RR3,
    DisclosureRule,
    KeyedRounding,
    RoundingMethod,
    Table,
    audit,
    suppress,
)
from dpup.errors import InputError

KEY = bytes(range(32))
OTHER_KEY = bytes(range(100, 132))
ROUNDING_RULES = {
    DisclosureRule.ZERO_CHANGED,
    DisclosureRule.UNROUNDED,
    DisclosureRule.NOT_MULTIPLE_OF_THREE,
    DisclosureRule.ROUNDED_TOO_FAR,
    DisclosureRule.ROUNDED_TO_ZERO,
}
RR3 = RoundingMethod.RR3
NO_ZERO = RoundingMethod.RR3_NO_ZERO


def _keyed(key: bytes = KEY) -> KeyedRounding:
    return KeyedRounding(key)


def _table() -> Table:
    return Table.from_counts(
        ["Māori", "Pacific peoples", "Asian", "European"],
        ["Completed", "In progress", "Withdrew"],
        [[12, 1, 9], [2, 14, 8], [4, 7, 10], [40, 50, 21]],
    )


def _ups(keyed: KeyedRounding, count: int, cells: int, table_key: str = "t") -> list[bool]:
    """Whether each of `cells` distinct cells holding `count` rounds up."""
    return [
        keyed.round_count(count, RR3, table_key=table_key, row=f"r{i}", column="c") > count
        for i in range(cells)
    ]


class TestKey:
    def test_short_key_is_refused_without_echoing_it(self) -> None:
        """A key under 16 bytes is refused, and the error names the rule, not the key."""
        secret = b"hunter2-secret!"  # 15 bytes
        assert len(secret) == MIN_KEY_BYTES - 1
        with pytest.raises(InputError) as caught:
            KeyedRounding(secret)
        text = str(caught.value) + repr(caught.value)
        assert "hunter2" not in text
        assert "at least 16 bytes" in text
        assert "$.key" in text

    def test_key_of_minimum_length_is_accepted(self) -> None:
        """A key of exactly 16 bytes is enough; a bytearray is accepted too."""
        KeyedRounding(b"x" * MIN_KEY_BYTES)
        KeyedRounding(bytearray(b"y" * MIN_KEY_BYTES))

    @pytest.mark.parametrize("key", ["a text key of many chars", 12345678901234567890, None])
    def test_non_bytes_key_is_refused_without_echoing_it(self, key: object) -> None:
        """A key that is not bytes is refused without repeating it."""
        with pytest.raises(InputError) as caught:
            KeyedRounding(key)  # type: ignore[arg-type]
        assert str(key) not in str(caught.value)

    def test_from_hex(self) -> None:
        """A hexadecimal key, with surrounding whitespace, gives the same key as its bytes."""
        assert KeyedRounding.from_hex(f"  {KEY.hex()}\n").fingerprint == _keyed().fingerprint

    @pytest.mark.parametrize("text", ["zz-not-hex-secret-zz", "abcd"])
    def test_from_hex_refuses_bad_text_without_echoing_it(self, text: str) -> None:
        """Text that is not hex, or too short a key, is refused without quoting the text."""
        with pytest.raises(InputError) as caught:
            KeyedRounding.from_hex(text)
        assert text not in str(caught.value)
        assert caught.value.__cause__ is None

    def test_key_never_shown(self) -> None:
        """Neither repr, str nor the fingerprint shows the key, as text or as hex."""
        keyed = KeyedRounding(b"TOPSECRETKEY-0123456789")
        for text in (repr(keyed), str(keyed), keyed.fingerprint):
            assert "TOPSECRET" not in text
            assert b"TOPSECRETKEY-0123456789".hex() not in text
        assert "<secret>" in repr(keyed)

    def test_fingerprint_identifies_the_key_only(self) -> None:
        """Equal keys share a fingerprint and different keys do not."""
        assert _keyed().fingerprint == KeyedRounding(bytes(KEY)).fingerprint
        assert _keyed().fingerprint != _keyed(OTHER_KEY).fingerprint
        assert len(_keyed().fingerprint) == 16

    def test_cannot_be_pickled_or_changed(self) -> None:
        """The key cannot leave through pickle or be replaced; copies are the object itself."""
        keyed = _keyed()
        with pytest.raises(TypeError, match="cannot be pickled"):
            pickle.dumps(keyed)
        with pytest.raises(AttributeError):
            keyed._mac = None  # type: ignore[assignment]
        assert copy.copy(keyed) is keyed
        assert copy.deepcopy(keyed) is keyed


class TestRoundCount:
    def test_same_cell_same_count_same_result(self) -> None:
        """The same count in the same cell rounds the same way every time, with a new object too."""
        first = [
            _keyed().round_count(n, RR3, table_key="q1", row="Māori", column="Withdrew")
            for n in range(200)
        ]
        again = [
            KeyedRounding(KEY).round_count(n, RR3, table_key="q1", row="Māori", column="Withdrew")
            for n in range(200)
        ]
        assert first == again

    def test_results_are_rr3_values(self) -> None:
        """Every result is a multiple of 3 within 2 of the count; multiples of 3 stay."""
        keyed = _keyed()
        for n in range(300):
            out = keyed.round_count(n, RR3, table_key="t", row="a", column="b")
            assert out % 3 == 0
            assert abs(out - n) <= 2
            if n % 3 == 0:
                assert out == n

    def test_different_keys_give_different_patterns(self) -> None:
        """Two keys round the same cells differently, agreeing about as often as chance."""
        ups = _ups(_keyed(), 4, 300)
        other = _ups(_keyed(OTHER_KEY), 4, 300)
        assert ups != other
        # Independent keys agree with probability (2/3)**2 + (1/3)**2 = 5/9 for a count of 4.
        agreement = sum(a == b for a, b in zip(ups, other, strict=True)) / len(ups)
        assert 0.45 < agreement < 0.67

    def test_identity_parts_each_matter(self) -> None:
        """Changing the table key, the row or the column, or using a total, changes the pattern."""
        keyed = _keyed()

        def pattern(**changes: str | None) -> list[int]:
            args: dict[str, str | None] = {"table_key": "t", "row": "r", "column": "c"}
            args.update(changes)
            return [
                keyed.round_count(
                    n,
                    RR3,
                    table_key=f"{args['table_key']}{i}",
                    row=args["row"],
                    column=args["column"],
                )
                for i in range(60)
                for n in (4, 5)
            ]

        base = pattern()
        assert base == pattern()
        assert base != pattern(row="r2")
        assert base != pattern(column="c2")
        assert base != pattern(row=None)
        assert base != pattern(column=None)
        assert base != pattern(table_key="u")

    def test_label_boundaries_do_not_collide(self) -> None:
        """Moving text between labels changes the identity, and an empty label is not a total."""
        keyed = _keyed()
        left = [
            keyed.round_count(4, RR3, table_key=f"t{i}", row="ab", column="c") for i in range(80)
        ]
        right = [
            keyed.round_count(4, RR3, table_key=f"t{i}", row="a", column="bc") for i in range(80)
        ]
        empty = [
            keyed.round_count(4, RR3, table_key=f"t{i}", row="", column="c") for i in range(80)
        ]
        total = [
            keyed.round_count(4, RR3, table_key=f"t{i}", row=None, column="c") for i in range(80)
        ]
        assert left != right
        assert empty != total

    @pytest.mark.parametrize(("remainder", "p_up"), [(1, 1 / 3), (2, 2 / 3)])
    def test_frequencies_match_rr3(self, remainder: int, p_up: float) -> None:
        """Over many cells, counts go up with RR3's odds: 1/3 if one above a multiple, else 2/3."""
        # Deterministic: a fixed key from a seeded generator, so this never flakes. The standard
        # error over 6,000 cells is about 0.006; 0.025 is four of them.
        keyed = KeyedRounding(Random(20261206).randbytes(32))  # noqa: S311 - a fixed test key
        counts = [3 * k + remainder for k in range(30)]
        ups = [
            keyed.round_count(n, RR3, table_key="stat", row=f"row {i}", column=f"col {n}") > n
            for i in range(200)
            for n in counts
        ]
        assert abs(sum(ups) / len(ups) - p_up) < 0.025

    def test_neighbouring_cells_are_independent(self) -> None:
        """Adjacent cells' choices are independent: both up about 1/9 of the time, both down 4/9."""
        keyed = KeyedRounding(Random(7).randbytes(32))  # noqa: S311 - a fixed test key
        ups = _ups(keyed, 1, 6000)
        pairs = Counter(pairwise(ups))
        n = len(ups) - 1
        assert abs(pairs[True, True] / n - 1 / 9) < 0.02
        assert abs(pairs[False, False] / n - 4 / 9) < 0.03

    def test_no_zero_variant_keeps_its_rule(self) -> None:
        """MSD's variant still makes 1 and 2 into 3 and keeps 0; otherwise it matches keyed RR3."""
        keyed = _keyed()
        for i in range(100):
            for n in (1, 2):
                assert keyed.round_count(n, NO_ZERO, table_key=f"t{i}", row="r", column="c") == 3
            assert keyed.round_count(0, NO_ZERO, table_key=f"t{i}", row="r", column="c") == 0
        # Above 2 it makes the same choice as plain keyed RR3 for the same identity.
        for n in range(3, 100):
            same = {"table_key": "t", "row": "r", "column": "c"}
            assert keyed.round_count(n, NO_ZERO, **same) == keyed.round_count(n, RR3, **same)

    def test_none_method_returns_count(self) -> None:
        """No rounding returns the count unchanged."""
        assert _keyed().round_count(7, RoundingMethod.NONE, table_key="t", row="r", column="c") == 7

    @pytest.mark.parametrize(
        ("count", "method", "table_key", "row", "path"),
        [
            (-1, RR3, "t", "r", "$.count"),
            (True, RR3, "t", "r", "$.count"),
            (4, "rr3", "t", "r", "$.method"),
            (4, RR3, 3, "r", "$.table_key"),
            (4, RR3, "t", 5, "$.row"),
        ],
    )
    def test_bad_arguments(
        self, count: object, method: object, table_key: object, row: object, path: str
    ) -> None:
        """Wrong types and negative counts are refused with the argument path."""
        with pytest.raises(InputError, match=rf"@ \{path}"):
            _keyed().round_count(
                count,  # type: ignore[arg-type]
                method,  # type: ignore[arg-type]
                table_key=table_key,  # type: ignore[arg-type]
                row=row,  # type: ignore[arg-type]
                column="c",
            )


class TestRoundTable:
    def test_repeat_release_is_identical(self) -> None:
        """Rounding the same suppressed table twice, with a fresh object, gives the same table."""
        table = suppress(_table(), MSD_PUBLISHED).published
        first = _keyed().round_table(table, NO_ZERO, table_key="funder/q3/ethnicity-outcome")
        again = KeyedRounding(KEY).round_table(
            table, NO_ZERO, table_key="funder/q3/ethnicity-outcome"
        )
        assert first == again

    def test_matches_round_count_position_by_position(self) -> None:
        """Table rounding uses each position's labels, with None for the total's side."""
        keyed = _keyed()
        table = _table()
        out = keyed.round_table(table, RR3, table_key="k")
        rows, columns = table.row_labels, table.column_labels

        def one(n: int, row: str | None, column: str | None) -> int:
            return keyed.round_count(n, RR3, table_key="k", row=row, column=column)

        assert out.published == tuple(
            tuple(one(n, r, c) for n, c in zip(raw, columns, strict=True))
            for raw, r in zip(table.raw, rows, strict=True)
        )
        assert out.row_totals == tuple(
            one(n, r, None) for n, r in zip(table.raw_row_totals, rows, strict=True)
        )
        assert out.column_totals == tuple(
            one(n, None, c) for n, c in zip(table.raw_column_totals, columns, strict=True)
        )
        assert out.grand_total == one(table.raw_grand_total, None, None)

    def test_order_of_other_cells_does_not_matter(self) -> None:
        """Withholding other values does not change how the remaining cells round."""
        keyed = _keyed()
        table = _table()
        # Withholding other cells or totals changes nothing for the cells still published.
        full = keyed.round_table(table, RR3, table_key="k")
        partial = keyed.round_table(suppress(table, STATS_NZ_RR3).published, RR3, table_key="k")
        for full_row, part_row in zip(full.published, partial.published, strict=True):
            for a, b in zip(full_row, part_row, strict=True):
                assert b is None or a == b

    def test_rounds_from_raw_and_keeps_withheld(self) -> None:
        """Rounding again changes nothing (it starts from raw), and withheld values stay None."""
        keyed = _keyed()
        table = suppress(_table(), MSD_PUBLISHED).published
        once = keyed.round_table(table, NO_ZERO, table_key="k")
        assert keyed.round_table(once, NO_ZERO, table_key="k") == once
        for row, out_row in zip(table.published, once.published, strict=True):
            for shown, out in zip(row, out_row, strict=True):
                assert (shown is None) == (out is None)

    def test_protected_table_passes_audit(self) -> None:
        """Keyed protect leaves no rounding violation for audit under either preset."""
        for rules in (STATS_NZ_RR3, MSD_PUBLISHED):
            for i in range(20):
                released = _keyed().protect(_table(), rules, table_key=f"table {i}")
                assert [v for v in audit(released, rules) if v.rule in ROUNDING_RULES] == []

    def test_unpublished_totals_stay_unpublished(self) -> None:
        """Totals that are not published stay None."""
        table = Table.from_counts(["a"], ["x", "y"], [[4, 5]], row_totals=False, grand_total=False)
        out = _keyed().round_table(table, RR3, table_key="k")
        assert out.row_totals is None
        assert out.grand_total is None

    def test_bad_arguments(self) -> None:
        """A wrong method or table key is refused with its path."""
        with pytest.raises(InputError, match=r"\$\.method"):
            _keyed().round_table(_table(), "rr3", table_key="k")  # type: ignore[arg-type]
        with pytest.raises(InputError, match=r"\$\.table_key"):
            _keyed().round_table(_table(), RR3, table_key=None)  # type: ignore[arg-type]
