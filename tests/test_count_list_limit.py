"""Long flat lists of counts (a cross table's cells) and the per-list input limit."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dpup import serde
from dpup.errors import InputError
from dpup.io import limits

# 100 x 100 x 10 = 100,000 cells: ten times the per-list limit.
_DIMENSIONS = [
    {"name": "a", "categories": [f"a{i}" for i in range(100)]},
    {"name": "b", "categories": [f"b{i}" for i in range(100)]},
    {"name": "c", "categories": [f"c{i}" for i in range(10)]},
]
_RAW = [(i * 7) % 50 for i in range(100_000)]


def _document(**table: object) -> dict[str, object]:
    cross = {"dimensions": _DIMENSIONS, "raw": _RAW, "margins": [], **table}
    return {"name": "big", "insights": [{"id": "i", "cross_tables": [cross]}]}


def _lines(text: str, fmt: serde.Format) -> list[str]:
    with pytest.raises(InputError) as raised:
        serde.loads(text, fmt)
    return [f"{p.message} @ {p.path}" for p in raised.value.problems]


def test_the_marker_is_the_converters() -> None:
    """The marker the limit allows in a list of counts is the one the converter reads."""
    assert serde.WITHHELD == limits._WITHHELD


def test_a_hundred_thousand_cells_load_from_json() -> None:
    """A 100,000-cell cross table, with its published values, loads within the limits."""
    activity = serde.loads(json.dumps(_document()), "json")
    (table,) = activity.insights[0].cross_tables or ()
    assert table.cell_count == 100_000
    published: list[object] = list(table.published_values())
    published[0] = "suppressed"
    activity = serde.loads(json.dumps(_document(published=published)), "json")
    (table,) = activity.insights[0].cross_tables or ()
    assert table.published is not None
    assert table.published[0] is None
    assert len(table.published) == table.position_count


def test_a_hundred_thousand_cells_load_from_toml() -> None:
    """The same table in TOML keeps within the separator limit too."""
    lines = ['name = "big"', "[[insights]]", 'id = "i"', "[[insights.cross_tables]]"]
    lines += [f"raw = [{', '.join(map(str, _RAW))}]", "margins = []"]
    for dim in _DIMENSIONS:
        labels = ", ".join(f'"{label}"' for label in dim["categories"])
        lines += [
            "[[insights.cross_tables.dimensions]]",
            f'name = "{dim["name"]}"',
            f"categories = [{labels}]",
        ]
    activity = serde.loads("\n".join(lines) + "\n", "toml")
    assert (activity.insights[0].cross_tables or ())[0].cell_count == 100_000


def test_long_list_elsewhere_is_still_refused() -> None:
    """Only lists under raw or published are counts; any other long list is refused."""
    document = _document()
    document["other_laws"] = _RAW
    assert _lines(json.dumps(document), "json") == ["more than 10000 entries @ $.other_laws"]


def test_long_raw_with_text_is_refused() -> None:
    """A long raw list holding anything but counts, nulls and the marker is refused."""
    raw: list[object] = list(_RAW)
    raw[5] = "five"
    assert _lines(json.dumps(_document(raw=raw)), "json") == [
        "more than 10000 entries @ $.insights[0].cross_tables[0].raw"
    ]


def test_long_raw_of_rows_is_refused() -> None:
    """A long list of lists (rows of a two-way table) is not a flat list of counts."""
    document = {"name": "x", "insights": [{"id": "i", "tables": [{"raw": [[1]] * 10_001}]}]}
    assert _lines(json.dumps(document), "json") == [
        "more than 10000 entries @ $.insights[0].tables[0].raw"
    ]


def test_count_limit_applies_and_can_be_changed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Past MAX_COUNT_LIST_LENGTH a list of counts is refused; the limit is read per call."""
    monkeypatch.setattr(serde, "MAX_COUNT_LIST_LENGTH", 50_000)
    assert _lines(json.dumps(_document()), "json") == [
        "more than 50000 entries @ $.insights[0].cross_tables[0].raw"
    ]


@settings(max_examples=200, deadline=None)
@given(
    items=st.lists(
        st.integers(0, 9) | st.none() | st.just("suppressed") | st.text(max_size=2) | st.booleans(),
        max_size=8,
    ),
    key=st.sampled_from(["raw", "published", "other"]),
    length=st.integers(0, 4),
    nested=st.booleans(),
)
def test_quick_pass_agrees_on_lists_of_counts(
    items: list[object], key: str, length: int, nested: bool
) -> None:
    """The quick pass and the locating walk agree on which long lists are counts."""
    data: object = {"t": {key: [items] if nested else items}}
    quick = limits._within_limits(data, 8, length, 10)
    located = limits._located_limit_problems(data, "$", 8, length, 10)
    assert quick == (not located)
    counts = all(type(i) is int or i is None or i == "suppressed" for i in items)
    if len(items) > length >= 1 and not nested:  # (each dict holds one key)
        assert quick == (key != "other" and counts)
