"""Input errors that help: close matches are suggested, and only the model's own words shown."""

from __future__ import annotations

from pathlib import Path

import pytest

import dpup
from dpup.cli import main


def _lines(doc: str) -> list[str]:
    with pytest.raises(dpup.InputError) as info:
        dpup.loads(doc)
    return [f"{p.message} @ {p.path}" for p in info.value.problems]


@pytest.mark.parametrize(
    ("doc", "line"),
    [
        (
            'name = "x"\nstaeg = "design"',
            "unknown field(s): staeg (did you mean `stage`?) @ $",
        ),
        (
            'name = "x"\n[[collections]]\nid = "c"\n[[collections.items]]\nname = "n"\n'
            'identifyability = "identified"',
            "unknown field(s): identifyability (did you mean `identifiability`?)"
            " @ $.collections[0].items[0]",
        ),
        (
            'name = "x"\n[[collections]]\nid = "c"\nsource = "other-agncy"',
            "expected one of: individual, whanau, other-agency, public-source"
            " (did you mean `other-agency`?) @ $.collections[0].source",
        ),
        (
            'name = "x"\nstage = "Delivery"',
            "expected one of: design, tender, delivery, reporting, evaluation, closure"
            " (did you mean `delivery`?) @ $.stage",
        ),
    ],
)
def test_close_matches_are_suggested(doc: str, line: str) -> None:
    """A misspelt field or value gets the model's nearest field or value."""
    assert _lines(doc) == [line]


@pytest.mark.parametrize(
    "doc",
    [
        'name = "x"\nstage = "Dr Jane Roe"',  # free text: never compared or echoed
        'name = "x"\n"Jane Roe" = "design"',
        'name = "x"\nstage = "stage-' + "x" * 80 + '"',  # too long to be a value
    ],
)
def test_suggestions_never_echo_free_text(doc: str) -> None:
    """Input that is not a name-like word is neither repeated nor matched against."""
    (line,) = _lines(doc)
    assert "did you mean" not in line
    assert "Jane" not in line
    assert "xxxx" not in line


def test_no_suggestion_when_nothing_is_close() -> None:
    """A word far from every field gets the plain message."""
    assert _lines('name = "x"\nbogus = 1') == ["unknown field(s): bogus @ $"]


def test_csv_headers_in_any_case_and_spacing(tmp_path: Path) -> None:
    """A data dictionary's header is read whatever its case and surrounding spaces."""
    path = tmp_path / "items.csv"
    path.write_text(" Name ,CATEGORY, Required\nemail,contact,yes\n", encoding="utf-8")
    (item,) = dpup.load_items(path)
    assert (item.name, item.category, item.required) == ("email", "contact", True)


def test_csv_extra_columns_error_by_default_and_can_be_ignored(tmp_path: Path) -> None:
    """An unknown column is an error naming the nearest column, or skipped when asked."""
    path = tmp_path / "items.csv"
    path.write_text("name,categry,Notes\nemail,contact,ask Jane\n", encoding="utf-8")
    with pytest.raises(dpup.InputError) as info:
        dpup.load_items(path)
    (problem,) = info.value.problems
    assert problem.message == "unknown column(s): categry, notes (did you mean `category`?)"
    (item,) = dpup.load_items(path, extra_columns="ignore")
    assert item.name == "email"
    assert item.category is None


def test_csv_column_given_twice_is_refused(tmp_path: Path) -> None:
    """Two headers that read the same (``Name`` and ``name``) are refused, not merged."""
    path = tmp_path / "items.csv"
    path.write_text("Name,name\na,b\n", encoding="utf-8")
    with pytest.raises(dpup.InputError, match="appears twice"):
        dpup.load_items(path)


def test_cli_extra_columns_option(tmp_path: Path) -> None:
    """`dpup evaluate --extra-columns ignore` evaluates a dictionary with notes columns."""
    path = tmp_path / "items.csv"
    path.write_text("name,notes\nemail,ask Jane\n", encoding="utf-8")
    assert main(["evaluate", str(path), "--format", "json"]) == 2
    assert main(["evaluate", str(path), "--format", "json", "--extra-columns", "ignore"]) != 2


def test_unknown_id_points_at_the_nearest_record_by_path() -> None:
    """A dangling id close to a real one points at that record's path, naming neither id."""
    doc = (
        'name = "x"\n[[purposes]]\nid = "deliver-service"\n'
        '[[collections]]\nid = "c"\npurposes = ["deliver-servce", "Jane Smith"]\n'
        'items = [{ name = "email" }]\n'
        '[[disclosures]]\nid = "d"\nitems = ["emial"]\n'
    )
    assert _lines(doc) == [
        "refers to an unknown purpose (did you mean the one at `$.purposes[0]`?)"
        " @ $.collections[0].purposes[0]",
        "refers to an unknown purpose @ $.collections[0].purposes[1]",
        "refers to an unknown information item (did you mean the one at"
        " `$.collections[0].items[0]`?) @ $.disclosures[0].items[0]",
    ]


def test_unknown_id_hints_are_bounded() -> None:
    """Many dangling references get a few hints, then the plain message."""
    refs = ", ".join(f'"p{i}"' for i in range(40))
    doc = f'name = "x"\n[[purposes]]\nid = "p"\n[[collections]]\nid = "c"\npurposes = [{refs}]\n'
    lines = _lines(doc)
    assert len(lines) == 40
    assert sum("did you mean" in line for line in lines) <= 10
