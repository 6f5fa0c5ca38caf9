"""Keyed RR3: each value's rounding follows from a secret key and the value's place in a table.

Seeded `random.Random` rounding draws afresh on every run, so the same count sent twice may
come back as 15 once and 18 the next time; a recipient who asks often enough can average the
answers back to the true count. Here the up-or-down choice is a pure function of a secret key,
the table's key, the row and column labels and the raw count (HMAC-SHA256), so a repeat
request gets exactly the same answer, while different cells, tables and keys get choices that
are independent of each other and that nobody without the key can predict.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING, Final, NoReturn

import attrs

from dpup.disclosure_control._protect import suppress
from dpup.disclosure_control._rounding import _check_count
from dpup.disclosure_control._rules import ConfidentialityRules, RoundingMethod
from dpup.errors import InputError, Problem

if TYPE_CHECKING:
    import hmac

    from dpup.disclosure_control._ntable import CrossTable
    from dpup.disclosure_control._table import Table

MIN_KEY_BYTES: Final = 16
"""The shortest secret key `KeyedRounding` accepts, in bytes (128 bits)."""

# Versioned so that a future change to the encoding can never silently reuse old choices.
_DOMAIN: Final = b"dpup.disclosure_control.keyed_rr3.v1"
_FINGERPRINT_LABEL: Final = b"dpup.disclosure_control.keyed_rr3.fingerprint.v1"
_TWO_TO_64: Final = 1 << 64


def _field(data: bytes) -> bytes:
    # Length-prefixed, so no two different identities can encode to the same message.
    return len(data).to_bytes(8, "big") + data


def _label(label: str | None) -> bytes:
    # A total has no label on one side; a distinct tag keeps it apart from every real label,
    # including the empty string.
    if label is None:
        return b"T"
    return b"L" + _field(label.encode("utf-8"))


def _check_arguments(method: object, table_key: object, row: object, column: object) -> None:
    problems: list[Problem] = []
    if not isinstance(method, RoundingMethod):
        problems.append(Problem("expected a RoundingMethod", "$.method"))
    if not isinstance(table_key, str):
        problems.append(Problem("expected the table key as a string", "$.table_key"))
    problems.extend(
        Problem("expected a string label or None (for a total)", path)
        for label, path in ((row, "$.row"), (column, "$.column"))
        if label is not None and not isinstance(label, str)
    )
    if problems:
        raise InputError(problems)


class KeyedRounding:
    """RR3 whose random choices are fixed by a secret key and each value's identity.

    The identity of a value is the table key, its row label and its column label (`None` on
    the side where it is a total: a row total has `column=None`, a column total `row=None`,
    the grand total both) and the raw count. For that identity the choice to round up is
    taken from HMAC-SHA256 under the key, with exactly RR3's odds: a count one above a multiple
    of 3 goes up with probability 1/3, two above with probability 2/3, a multiple of 3 never
    moves. Because the choice does not depend on the order of rounding or on anything else in
    the table, a repeat release of the same count in the same cell is identical.

    The key is held privately: it is not shown by `repr`, never appears in an error, and the
    object refuses to be pickled. `fingerprint` is a short, one-way label of the key that can
    be written in a release record to show that the same key was used again.

    Args:
        key: the secret, as bytes, at least `MIN_KEY_BYTES` (16) long; ``secrets.token_bytes(32)``
            makes a good one. Keep it outside the project and use the same key for every
            release to the same recipients.

    Raises:
        InputError: (a ValueError) if the key is not bytes or is too short. The message never
            contains the key.
    """

    __slots__ = ("_fingerprint", "_mac")

    _mac: hmac.HMAC
    _fingerprint: str

    def __init__(self, key: bytes | bytearray) -> None:
        if not isinstance(key, bytes | bytearray):
            raise InputError([Problem("expected the secret key as bytes", "$.key")])
        if len(key) < MIN_KEY_BYTES:
            raise InputError(
                [Problem(f"expected a secret key of at least {MIN_KEY_BYTES} bytes", "$.key")]
            )
        # Imported here, like `random` for seeded rounding: `import dpup` loads this module for
        # its types, and only keyed rounding needs OpenSSL's hashes (several milliseconds).
        import hashlib  # noqa: PLC0415
        import hmac  # noqa: PLC0415

        secret = bytes(key)
        # Only the keyed state is kept (the HMAC with the domain label already fed in, copied
        # for each value), not the key's bytes as an attribute.
        object.__setattr__(self, "_mac", hmac.new(secret, _DOMAIN, hashlib.sha256))
        fingerprint = hmac.new(secret, _FINGERPRINT_LABEL, hashlib.sha256).hexdigest()[:16]
        object.__setattr__(self, "_fingerprint", fingerprint)

    @classmethod
    def from_hex(cls, text: str) -> KeyedRounding:
        """Build from a key written as hexadecimal, as kept in a secret store or variable.

        Args:
            text: the key in hexadecimal (``secrets.token_hex(32)`` makes one); surrounding
                whitespace is ignored.

        Returns:
            The keyed rounding.

        Raises:
            InputError: if the text is not hexadecimal or the key is too short; the message
                never contains the text.
        """
        if not isinstance(text, str):
            raise InputError([Problem("expected the secret key as hexadecimal text", "$.key")])
        try:
            key = bytes.fromhex(text.strip())
        except ValueError:
            # `from None`: the original error would quote the offending text.
            raise InputError(
                [Problem("expected the secret key as hexadecimal text", "$.key")]
            ) from None
        return cls(key)

    def __setattr__(self, name: str, value: object) -> NoReturn:
        raise AttributeError("KeyedRounding is immutable")

    def __repr__(self) -> str:
        return f"KeyedRounding(key=<secret>, fingerprint={self._fingerprint!r})"

    def __reduce__(self) -> NoReturn:
        raise TypeError("KeyedRounding holds a secret key and cannot be pickled")

    def __copy__(self) -> KeyedRounding:
        return self

    def __deepcopy__(self, memo: object) -> KeyedRounding:
        return self

    @property
    def fingerprint(self) -> str:
        """A 16-hex-digit label of the key, safe to record; equal keys give equal labels."""
        return self._fingerprint

    def _prefix(self, table_key: str, row: str | None) -> hmac.HMAC:
        # The HMAC fed with everything before the column, reused for a whole row of a table.
        mac = self._mac.copy()
        mac.update(_field(table_key.encode("utf-8")) + _label(row))
        return mac

    def _round(self, count: int, method: RoundingMethod, prefix: hmac.HMAC, column: bytes) -> int:
        """Round `count`; `prefix` is from `_prefix` and `column` from `_label`."""
        if method is RoundingMethod.NONE:
            return count
        if method is RoundingMethod.RR3_NO_ZERO and count in (1, 2):
            return 3
        remainder = count % 3
        if remainder == 0:
            return count
        mac = prefix.copy()
        mac.update(column + _field(str(count).encode("ascii")))
        draw = int.from_bytes(mac.digest()[:8], "big")
        lower = count - remainder
        # draw / 2**64 < remainder / 3, in integers: up with probability remainder/3 (to within
        # 2**-64), the same odds as `rr3` and so no bias.
        return lower + 3 if draw * 3 < remainder * _TWO_TO_64 else lower

    def round_count(
        self,
        count: int,
        method: RoundingMethod,
        *,
        table_key: str,
        row: str | None,
        column: str | None,
    ) -> int:
        """Round one count, identified by table key and labels, with the given method.

        `RoundingMethod.RR3_NO_ZERO` keeps MSD's rule: 1 and 2 always become 3. The same
        arguments always give the same result under the same key.

        Args:
            count: a non-negative integer count (a bool is rejected).
            method: the rounding method; `RoundingMethod.NONE` returns the count unchanged.
            table_key: a name for the table that stays the same across releases.
            row: the row label, or None for a column total or the grand total.
            column: the column label, or None for a row total or the grand total.

        Returns:
            The rounded count.

        Raises:
            InputError: (a ValueError) if an argument has the wrong type or the count is
                negative.
        """
        _check_arguments(method, table_key, row, column)
        _check_count(count)
        return self._round(count, method, self._prefix(table_key, row), _label(column))

    def round_table(self, table: Table, method: RoundingMethod, *, table_key: str) -> Table:
        """Round every published value of a table, totals included, each by its own identity.

        Like `round_table`, each published value (not None) is rounded from its raw value, so
        rounding twice never compounds, and withheld values stay None. Unlike it, the result
        does not depend on a random generator or on the order of rounding: the same table with
        the same key and table key always gives the same published values.

        Args:
            table: the table to round, usually `SuppressionResult.published`.
            method: the rounding method; `RoundingMethod.NONE` publishes raw values.
            table_key: a name for the table that stays the same across releases; two different
                tables with the same labels need different keys.

        Returns:
            A new table with rounded published values.

        Raises:
            InputError: if the method or table key has the wrong type.
        """
        _check_arguments(method, table_key, None, None)

        rows, columns = table.row_labels, table.column_labels
        column_parts = [_label(column) for column in columns]
        no_column = _label(None)

        def rounded(shown: int | None, raw: int, prefix: hmac.HMAC, column: bytes) -> int | None:
            return None if shown is None else self._round(raw, method, prefix, column)

        row_prefixes = [self._prefix(table_key, row) for row in rows]
        totals_prefix = self._prefix(table_key, None)
        published = tuple(
            tuple(
                rounded(value, raw, prefix, column)
                for value, raw, column in zip(shown_row, raw_row, column_parts, strict=True)
            )
            for shown_row, raw_row, prefix in zip(
                table.published, table.raw, row_prefixes, strict=True
            )
        )
        row_totals = (
            None
            if table.row_totals is None
            else tuple(
                rounded(value, raw, prefix, no_column)
                for value, raw, prefix in zip(
                    table.row_totals, table.raw_row_totals, row_prefixes, strict=True
                )
            )
        )
        column_totals = (
            None
            if table.column_totals is None
            else tuple(
                rounded(value, raw, totals_prefix, column)
                for value, raw, column in zip(
                    table.column_totals, table.raw_column_totals, column_parts, strict=True
                )
            )
        )
        return attrs.evolve(
            table,
            published=published,
            row_totals=row_totals,
            column_totals=column_totals,
            grand_total=rounded(table.grand_total, table.raw_grand_total, totals_prefix, no_column),
        )

    def round_cross_table(
        self, table: CrossTable, method: RoundingMethod, *, table_key: str
    ) -> CrossTable:
        """Round every published value of a cross table, each by its own identity.

        The cross-table counterpart of `round_table`: a value's identity is the table key and
        its label in every dimension (a category's or group's label, or None at the
        dimension's total), so a repeat release of the same table under the same key is
        identical. The identity is encoded apart from a two-way table's, so a cross table and
        a two-way table with the same key never share choices by accident.

        Args:
            table: the cross table to round, usually `CrossSuppressionResult.published`.
            method: the rounding method; `RoundingMethod.NONE` publishes raw values.
            table_key: a name for the table that stays the same across releases.

        Returns:
            A new cross table with rounded published values; withheld values stay None.

        Raises:
            InputError: if the method or table key has the wrong type.
        """
        _check_arguments(method, table_key, None, None)
        prefix = self._mac.copy()
        # "N" and the number of dimensions: never the "L"/"T" a two-way row label starts with.
        dimensions = str(len(table.dimensions)).encode("ascii")
        prefix.update(_field(table_key.encode("utf-8")) + b"N" + _field(dimensions))
        axes = [[*map(_label, dim.axis), _label(None)] for dim in table.dimensions]
        raw = table.raw_values()
        published = [
            None if shown is None else self._round(true, method, prefix, b"".join(labels))
            for shown, true, labels in zip(
                table.published_values(), raw, itertools.product(*axes), strict=True
            )
        ]
        return attrs.evolve(table, published=published)

    def protect(self, table: Table, rules: ConfidentialityRules, *, table_key: str) -> Table:
        """Suppress, then round with this key, a table under the given rules.

        The keyed counterpart of `protect`: `suppress` then `KeyedRounding.round_table` with
        the rules' rounding method.

        Args:
            table: the table, usually from `Table.from_counts`.
            rules: the confidentiality standard to apply.
            table_key: a name for the table that stays the same across releases.

        Returns:
            The table with withheld values set to None and every other value rounded.
        """
        return self.round_table(
            suppress(table, rules).published, rules.rounding, table_key=table_key
        )
