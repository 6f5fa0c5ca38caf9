"""Loading and dumping: strict input, every problem reported with its path, round trips."""

from __future__ import annotations

import gc
import json
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import dpup
from dpup import Activity, InputError, loads, model, serde, structure, unstructure
from dpup._collector import collector_paused
from dpup.io import limits as io_limits
from dpup.model import SUBJECT_TYPES, Identifiability, reference_fields
from dpup.testing.strategies import activities, for_type

EXAMPLES = sorted(Path(__file__).parent.parent.glob("examples/*.toml"))


class TestRoundTrip:
    @settings(max_examples=60)
    @given(st.data())
    def test_every_domain_type_round_trips(self, data: st.DataObject) -> None:
        """Unstructure then structure gives back an equal object for every domain type."""
        for cls in SUBJECT_TYPES:
            obj = data.draw(for_type(cls), label=cls.__name__)
            assert obj == structure(unstructure(obj), cls)

    @settings(max_examples=60)
    @given(activities())
    def test_activity_round_trips_through_json(self, activity: Activity) -> None:
        """An activity survives JSON text, not only plain data."""
        text = json.dumps(unstructure(activity))
        assert activity == loads(text, format="json")

    @pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
    def test_examples_round_trip(self, path: Path) -> None:
        """Every bundled example loads and survives a round trip."""
        activity = dpup.load(path)
        assert activity == structure(unstructure(activity))

    def test_unrecorded_facts_are_left_out(self) -> None:
        """Unstructuring omits facts that are not recorded, keeping output small."""
        assert {"name": "x"} == unstructure(Activity("x"))


class TestStrictInput:
    def test_name_only_is_valid(self) -> None:
        """An activity that records nothing but its name is valid input."""
        assert Activity("Intake") == loads('name = "Intake"')

    @pytest.mark.parametrize(
        ("doc", "message", "path"),
        [
            ("name = 5", "expected a string, got a number", "$.name"),
            ('name = "x"\nas_at = "2026-02-30"', "expected a date (YYYY-MM-DD)", "$.as_at"),
            ('name = "x"\nbogus = 1', "unknown field(s): bogus", "$"),
            ('name = "x"\nstage = "planning"', "expected one of: design", "$.stage"),
            (
                'name = "x"\n[[collections]]\nid = "c"\n[[collections.items]]\nname = "n"\n'
                'required = "yes"',
                "expected true or false, got a string",
                "$.collections[0].items[0].required",
            ),
            (
                'name = "x"\n[[purposes]]\nid = "p"\nnot_used_for = "marketing"',
                "expected a list, got a string",
                "$.purposes[0].not_used_for",
            ),
            ('name = "x"\n[[purposes]]\nwhy = "y"', "required field missing", "$.purposes[0].id"),
            ('name = "   "', "must not be blank", "$.name"),
            (
                'name = "x"\n[access_practice]\ncheck_in_interval_days = -1',
                "must not be negative",
                "$.access_practice.check_in_interval_days",
            ),
        ],
        ids=[
            "number-for-text",
            "impossible-date",
            "unknown-key",
            "unknown-enum",
            "text-for-bool",
            "text-for-list",
            "missing-id",
            "blank-name",
            "negative",
        ],
    )
    def test_bad_value_is_reported_at_its_path(self, doc: str, message: str, path: str) -> None:
        """Each kind of bad value raises InputError naming the problem and where it is."""
        with pytest.raises(InputError) as info:
            loads(doc)
        [problem] = info.value.problems
        assert path == problem.path
        assert problem.message.startswith(message)

    def test_three_independent_mistakes_are_all_reported(self) -> None:
        """A document with three independent mistakes raises one InputError naming all three."""
        doc = """
            name = "Intake"
            [[purposes]]
            id = "p1"
            why = 42
            [[collections]]
            id = "c1"
            source = "neighbour"
            [[collections.items]]
            name = "dob"
            identifiability = "identifying"
            purposes = "p1"
        """
        with pytest.raises(InputError) as info:
            loads(doc)
        assert {
            "$.purposes[0].why",
            "$.collections[0].source",
            "$.collections[0].items[0].purposes",
        } == set(info.value.paths)
        assert 3 == len(info.value.problems)
        assert str(info.value).startswith("3 problems found:")

    def test_dangling_references_are_all_reported(self) -> None:
        """Every reference to a missing purpose, choice or disclosure is reported by path."""
        doc = """
            name = "x"
            [[purposes]]
            id = "p"
            [[collections]]
            id = "c"
            [[collections.items]]
            name = "n"
            purposes = ["p", "ghost"]
            [[disclosures]]
            id = "d"
            choices = ["nope"]
            items = ["n", "missing"]
            [[correction_requests]]
            id = "r"
            disclosures = ["d", "zzz"]
            notified = ["yyy"]
        """
        with pytest.raises(InputError) as info:
            loads(doc)
        assert [
            "$.collections[0].items[0].purposes[1]",
            "$.disclosures[0].choices[0]",
            "$.disclosures[0].items[1]",
            "$.correction_requests[0].disclosures[1]",
            "$.correction_requests[0].notified[0]",
        ] == list(info.value.paths)

    def test_duplicate_ids_are_reported(self) -> None:
        """Two purposes with one id are an error at the second one's path."""
        with pytest.raises(InputError) as info:
            loads('name = "x"\n[[purposes]]\nid = "p"\n[[purposes]]\nid = "p"')
        assert ("$.purposes[1]",) == info.value.paths

    def test_messages_do_not_echo_values(self) -> None:
        """Error messages quote types and allowed values, never the rejected input."""
        canary = "Aroha-Canary-Text"
        doc = {
            "name": canary,
            "stage": canary,
            "as_at": canary,
            "purposes": [{"id": canary, "why": 7, "beneficiaries": [canary]}],
            "collections": [{"id": "c", "items": [{"name": "n", "purposes": [canary]}]}],
        }
        with pytest.raises(InputError) as info:
            structure(doc)
        assert canary not in str(info.value)
        assert len(info.value.problems) >= 4

    def test_not_a_table(self) -> None:
        """A top-level list is rejected with a clear message."""
        with pytest.raises(InputError, match=r"expected a table, got a list @ \$"):
            loads("[]", format="json")

    @pytest.mark.parametrize(
        ("text", "fmt"), [("name = ", "toml"), ("{", "json")], ids=["toml", "json"]
    )
    def test_syntax_errors_are_input_errors(self, text: str, fmt: Any) -> None:
        """Unparseable text raises InputError, not a parser exception."""
        with pytest.raises(InputError, match="not valid"):
            loads(text, format=fmt)

    def test_date_objects_and_iso_strings_both_load(self) -> None:
        """TOML dates and ISO date strings (from JSON) give the same date."""
        from_toml = loads('name = "x"\nas_at = 2026-05-01')
        from_json = loads('{"name": "x", "as_at": "2026-05-01"}', format="json")
        assert date(2026, 5, 1) == from_toml.as_at == from_json.as_at

    def test_enum_values_load(self) -> None:
        """Enum fields take their documented string values."""
        activity = loads(
            'name = "x"\n[[collections]]\nid = "c"\n'
            '[[collections.items]]\nname = "n"\nidentifiability = "de-identified"'
        )
        assert Identifiability.DE_IDENTIFIED == activity.collections[0].items[0].identifiability


class TestFiles:
    def test_load_detects_format_from_suffix(self, tmp_path: Path) -> None:
        """load() reads .json and .toml files by their suffix."""
        (tmp_path / "a.json").write_text('{"name": "x"}', encoding="utf-8")
        (tmp_path / "a.toml").write_text('name = "x"', encoding="utf-8")
        assert dpup.load(tmp_path / "a.json") == dpup.load(tmp_path / "a.toml")

    def test_yaml_loads_safely(self, tmp_path: Path) -> None:
        """A YAML file loads like the others; YAML tags that build objects are refused."""
        good = tmp_path / "a.yaml"
        good.write_text("name: Intake\nstage: design\n", encoding="utf-8")
        assert Activity("Intake", stage=dpup.model.Stage.DESIGN) == dpup.load(good)
        evil = tmp_path / "b.yml"
        evil.write_text("name: !!python/object/apply:os.system ['true']\n", encoding="utf-8")
        with pytest.raises(InputError, match="not valid YAML"):
            dpup.load(evil)

    def test_data_dictionary_csv(self, tmp_path: Path) -> None:
        """A CSV data dictionary loads into items; bad cells are reported by row and column."""
        items = dpup.load_items(
            Path(__file__).parent.parent / "examples" / "intake-data-dictionary.csv"
        )
        assert "full-name" == items[0].name
        assert ("deliver-service", "funder-reporting") == items[2].purposes
        assert items[1].required is False
        bad = tmp_path / "bad.csv"
        bad.write_text(
            "name,identifiability,required,colour\nx,identifying,yes,red\n", encoding="utf-8"
        )
        with pytest.raises(InputError, match="unknown column"):
            dpup.load_items(bad)
        bad.write_text(
            "name,identifiability,required\nx,secret,maybe\n,aggregate,no\n", encoding="utf-8"
        )
        with pytest.raises(InputError) as info:
            dpup.load_items(bad)
        assert ["$[0].identifiability", "$[0].required", "$[1].name"] == list(info.value.paths)

    def test_unknown_suffix(self, tmp_path: Path) -> None:
        """A file that is neither .toml, .json nor YAML is refused with its name."""
        path = tmp_path / "a.txt"
        path.write_text("name = 'x'", encoding="utf-8")
        with pytest.raises(InputError, match=r"end in \.toml, \.json, \.yaml or \.yml"):
            dpup.load(path)

    def test_source_is_named_in_errors(self, tmp_path: Path) -> None:
        """InputError from a file names the file."""
        path = tmp_path / "bad.toml"
        path.write_text("name = 1", encoding="utf-8")
        with pytest.raises(InputError) as info:
            dpup.load(path)
        assert str(path) == info.value.source
        assert "in " + str(path) in str(info.value)

    def test_waivers_load(self, tmp_path: Path) -> None:
        """A waivers file loads into Waiver objects; a waiver without a reason is refused."""
        good = tmp_path / "w.toml"
        good.write_text(
            '[[waivers]]\ncheck_id = "PM002"\nreason = "wording fixed next release"\n'
            "expires = 2026-12-31\n",
            encoding="utf-8",
        )
        [waiver] = dpup.load_waivers(good)
        assert ("PM002", date(2026, 12, 31)) == (waiver.check_id, waiver.expires)
        bad = tmp_path / "bad.toml"
        bad.write_text('[[waivers]]\ncheck_id = "PM002"\nreason = " "\n', encoding="utf-8")
        with pytest.raises(InputError) as info:
            dpup.load_waivers(bad)
        assert ("$.waivers[0].reason",) == info.value.paths


class TestLimits:
    """Documents past the documented size limits are refused with InputError, never crash."""

    @settings(max_examples=300, deadline=None)
    @given(
        st.recursive(
            st.none() | st.integers() | st.text(max_size=6),
            lambda inner: (
                st.lists(inner, max_size=4)
                | st.dictionaries(st.text(max_size=6) | st.integers(), inner, max_size=4)
            ),
            max_leaves=30,
        ),
        st.integers(1, 4),
        st.integers(0, 4),
        st.integers(0, 5),
    )
    def test_quick_pass_agrees_with_the_located_walk(
        self, data: object, depth: int, length: int, string: int
    ) -> None:
        """The quick pass passes exactly the documents the locating walk finds no fault in."""
        quick = io_limits._within_limits(data, depth, length, string)
        located = io_limits._located_limit_problems(data, "$", depth, length, string)
        assert quick == (not located)

    def test_defaults_are_documented_values(self) -> None:
        """The limits are the values docs/concepts.md states."""
        assert (16 * 1024 * 1024, 32, 10_000, 100_000) == (
            serde.MAX_INPUT_BYTES,
            serde.MAX_DEPTH,
            serde.MAX_LIST_LENGTH,
            serde.MAX_STRING_LENGTH,
        )

    def test_text_over_the_byte_limit_is_refused_unparsed(self) -> None:
        """Text over MAX_INPUT_BYTES is refused before any parser sees it."""
        text = '{"name": "' + "x" * serde.MAX_INPUT_BYTES + '"}'
        with pytest.raises(InputError, match=r"the limit is 16777216 bytes @ \$$"):
            loads(text, "json")

    def test_multibyte_text_is_measured_in_bytes(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """The limit counts UTF-8 bytes: few characters can still be too many bytes."""
        monkeypatch.setattr(serde, "MAX_INPUT_BYTES", 40)
        assert "ā" * 10 == loads('name = "' + "ā" * 10 + '"').name  # 29 bytes
        with pytest.raises(InputError, match="is 49 bytes"):
            loads('name = "' + "ā" * 20 + '"')  # 20 characters, 49 bytes

    def test_file_over_the_byte_limit_is_refused_unread(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A file over the limit is refused after reading at most one byte past it."""
        path = tmp_path / "big.json"
        path.write_text('{"name": "' + "x" * 100 + '"}', encoding="utf-8")
        monkeypatch.setattr(serde, "MAX_INPUT_BYTES", 50)
        with pytest.raises(InputError, match="is 112 bytes"):
            dpup.load(path)

    @pytest.mark.parametrize(
        ("text", "fmt"),
        [
            ("[" * 100_000 + "]" * 100_000, "json"),
            ('{"name": ' + "[" * 100_000 + "]" * 100_000 + "}", "json"),
            ("name = " + "[" * 100_000 + "]" * 100_000, "toml"),
            ("name = " + "{a = " * 5_000 + "1" + "}" * 5_000, "toml"),
            ("name: " + "[" * 100_000 + "]" * 100_000, "yaml"),
        ],
        ids=["json-list", "json-value", "toml-array", "toml-table", "yaml"],
    )
    def test_nesting_that_exhausts_a_parser_is_an_input_error(self, text: str, fmt: Any) -> None:
        """Nesting deep enough to overflow a parser's stack is an InputError, not RecursionError."""
        with pytest.raises(InputError, match=r"nested more than 32 levels deep @ \$"):
            loads(text, fmt)

    def test_nesting_past_the_depth_limit_is_refused_with_its_path(self) -> None:
        """Parsed data nested past MAX_DEPTH is refused at the first level past it."""
        deep: Any = "x"
        for _ in range(40):
            deep = [deep]
        with pytest.raises(InputError) as info:
            structure({"name": "x", "other_laws": deep})
        [problem] = info.value.problems
        assert "nested more than 32 levels deep" == problem.message
        assert "$.other_laws" + "[0]" * 31 == problem.path

    def test_depth_limit_is_inclusive(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A document exactly MAX_DEPTH deep passes the limit; one level more does not."""
        monkeypatch.setattr(serde, "MAX_DEPTH", 3)
        doc = {"name": "x", "collections": [{"id": "c"}]}  # 3 levels
        assert "c" == structure(doc).collections[0].id
        doc = {"name": "x", "collections": [{"id": "c", "items": [{"name": "n"}]}]}
        with pytest.raises(InputError) as info:
            structure(doc)
        assert ("$.collections[0].items",) == info.value.paths

    def test_self_reference_is_refused(self) -> None:
        """A table that contains itself is refused by the depth limit, not recursion."""
        doc: dict[str, Any] = {"name": "x"}
        doc["agency"] = doc
        with pytest.raises(InputError, match="nested more than"):
            structure(doc)

    def test_list_length_limit(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Lists and tables longer than MAX_LIST_LENGTH are refused; at the limit they pass."""
        monkeypatch.setattr(serde, "MAX_LIST_LENGTH", 3)
        assert 3 == len(structure({"name": "x", "other_laws": ["a", "b", "c"]}).other_laws or ())
        with pytest.raises(InputError) as info:
            structure({"name": "x", "other_laws": ["a", "b", "c", "d"], "agency": {}})
        assert ("more than 3 entries @ $.other_laws",) == info.value.lines
        with pytest.raises(InputError, match=r"more than 3 entries @ \$$"):
            structure({"name": "x", "stage": "design", "as_at": "2026-01-01", "agency": {}})

    def test_string_length_limit(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Strings (and keys) longer than MAX_STRING_LENGTH are refused; at the limit they pass."""
        monkeypatch.setattr(serde, "MAX_STRING_LENGTH", 10)
        assert "abcdefghij" == structure({"name": "abcdefghij"}).name
        with pytest.raises(InputError) as info:
            structure({"name": "abcdefghijk", "purposes": [{"id": "p", "why": "much too long"}]})
        assert [
            "text longer than 10 characters @ $.name",
            "text longer than 10 characters @ $.purposes[0].why",
        ] == list(info.value.lines)
        with pytest.raises(InputError, match=r"a key longer than 10 characters @ \$$"):
            structure({"name": "x", "abcdefghijk": 1})

    def test_unsafe_keys_are_not_quoted_in_paths(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A path through a key that is not field-like shows [?], never the key's text."""
        monkeypatch.setattr(serde, "MAX_STRING_LENGTH", 30)
        long = "x" * 31
        doc = {"name": "x", "agency": {"Aroha Smith, 12 Queen St": long, 7: long}}
        with pytest.raises(InputError) as info:
            structure(doc)
        assert ("$.agency[?]", "$.agency[?]") == info.value.paths

    def test_limits_apply_to_waivers_and_data_dictionaries(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Waiver files and CSV data dictionaries are held to the same limits."""
        monkeypatch.setattr(serde, "MAX_LIST_LENGTH", 2)
        waivers = tmp_path / "w.toml"
        waivers.write_text(
            "".join(f'[[waivers]]\ncheck_id = "PM00{i}"\nreason = "r"\n' for i in (1, 2, 3)),
            encoding="utf-8",
        )
        with pytest.raises(InputError, match=r"more than 2 entries @ \$\.waivers$"):
            dpup.load_waivers(waivers)
        items = tmp_path / "items.csv"
        items.write_text("name\na\nb\nc\n", encoding="utf-8")
        with pytest.raises(InputError, match="more than 2 rows"):
            dpup.load_items(items)
        monkeypatch.setattr(serde, "MAX_STRING_LENGTH", 5)
        items.write_text("name\nabcdef\n", encoding="utf-8")
        with pytest.raises(InputError, match=r"text longer than 5 characters @ \$\[0\]\.name"):
            dpup.load_items(items)


class TestOddInput:
    """Values a parser accepts but no dpup document can mean are refused by path."""

    @pytest.mark.parametrize(
        ("text", "fmt"),
        [
            (
                '{"name": "x", "access_practice": {"check_in_interval_days": ' + "9" * 5000 + "}}",
                "json",
            ),
            ("name = 'x'\nas_at = " + "9" * 5000, "toml"),
            ("name: " + "9" * 5000, "yaml"),
        ],
        ids=["json", "toml", "yaml"],
    )
    def test_numbers_past_the_digit_limit(self, text: str, fmt: Any) -> None:
        """An integer too long for Python to parse is an InputError, not a ValueError."""
        with pytest.raises(InputError, match="a value is out of range"):
            loads(text, fmt)

    @pytest.mark.parametrize(
        "value",
        [float("nan"), float("inf"), -float("inf"), 10**400],
        ids=["nan", "inf", "-inf", "huge"],
    )
    def test_non_finite_numbers_are_refused(self, value: float) -> None:
        """NaN, infinity and integers too large for a float are not numbers dpup can use."""
        doc = {"name": "x", "collections": [{"id": "c", "notice": {"readability_grade": value}}]}
        with pytest.raises(InputError) as info:
            structure(doc)
        assert (
            "expected a finite number @ $.collections[0].notice.readability_grade",
        ) == info.value.lines

    def test_yaml_aliases_are_refused(self, tmp_path: Path) -> None:
        """YAML aliases, which can stand for exponentially large documents, are refused."""
        path = tmp_path / "a.yaml"
        path.write_text("name: &n Intake\nother_laws: [*n, *n]\n", encoding="utf-8")
        with pytest.raises(InputError, match=r"YAML aliases \(\*name\) are not supported @ \$"):
            dpup.load(path)

    def test_file_that_is_not_utf8(self, tmp_path: Path) -> None:
        """A file that is not UTF-8 is an InputError naming the byte, not a UnicodeDecodeError."""
        path = tmp_path / "a.toml"
        path.write_bytes(b'name = "caf\xe9"\n')
        with pytest.raises(InputError, match=r"not valid UTF-8 text \(at byte 11\)"):
            dpup.load(path)

    def test_line_endings_are_normalised(self, tmp_path: Path) -> None:
        """Windows and old Mac line endings read as newlines, as Path.read_text gives them."""
        path = tmp_path / "a.toml"
        path.write_bytes(b'name = "x"\r\n[agency]\r\nname = """a\r\nb"""\r\n')
        agency = dpup.load(path).agency
        assert agency is not None
        assert "a\nb" == agency.name

    def test_broken_csv_is_an_input_error(self, tmp_path: Path) -> None:
        """A CSV the csv module cannot read is an InputError naming the line."""
        path = tmp_path / "items.csv"
        path.write_text("name\n" + '"' + "x" * 200_000 + '"\n', encoding="utf-8")
        with pytest.raises(InputError, match=r"not valid CSV \(line \d+\)"):
            dpup.load_items(path)


class TestTypeNames:
    """Wrong-type messages name the kind of value given, never the value."""

    @pytest.mark.parametrize(
        ("doc", "line"),
        [
            (
                'name = "x"\nas_at = 2026-01-01T10:00:00',
                "expected a date (YYYY-MM-DD), got a date-time @ $.as_at",
            ),
            ("name = 2026-01-01", "expected a string, got a date @ $.name"),
            (
                'name = "x"\n[[insights]]\nid = "i"\ntables = ["t"]',
                "expected a table, got a string @ $.insights[0].tables[0]",
            ),
            (
                'name = "x"\ncollections = [7]',
                "expected a table, got a number @ $.collections[0]",
            ),
            (
                'name = "x"\n[[insights]]\nid = "i"\nname = "n"\nmagnitude_tables = [7]',
                "expected a table, got a number @ $.insights[0].magnitude_tables[0]",
            ),
            (
                'name = "x"\n[[insights]]\nid = "i"\nname = "n"\nrelease_exceptions = [[1]]',
                "expected a table, got a list @ $.insights[0].release_exceptions[0]",
            ),
        ],
        ids=[
            "date-time-for-date",
            "date-for-text",
            "text-for-table",
            "number-for-record",
            "number-for-magnitude-table",
            "list-for-release-exception",
        ],
    )
    def test_toml_values_of_the_wrong_kind(self, doc: str, line: str) -> None:
        """TOML's own value kinds (dates, date-times) are named when they do not fit."""
        with pytest.raises(InputError) as info:
            loads(doc)
        assert (line,) == info.value.lines

    def test_python_values_of_other_types(self) -> None:
        """A Python value of a type no document has is named by its type."""
        with pytest.raises(InputError) as info:
            structure({"name": frozenset({"a"})})
        assert ("expected a string, got a frozenset @ $.name",) == info.value.lines


class TestFormats:
    def test_unknown_format(self) -> None:
        """A format other than json, toml or yaml is refused by name."""
        with pytest.raises(InputError, match="format must be 'json', 'toml' or 'yaml'"):
            loads("name = 'x'", "xml")  # type: ignore[call-overload]  # wrong on purpose

    def test_yaml_without_the_extra(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Reading YAML without PyYAML installed says which extra to install."""
        monkeypatch.setitem(sys.modules, "yaml", None)
        with pytest.raises(InputError, match=r"needs the dpup\[yaml\] extra"):
            loads("name: x", "yaml")

    def test_waivers_file_must_hold_only_waivers(self, tmp_path: Path) -> None:
        """A waivers file with anything but one 'waivers' list is refused."""
        path = tmp_path / "w.toml"
        path.write_text('name = "x"\n', encoding="utf-8")
        with pytest.raises(InputError, match="expected a single 'waivers' list"):
            dpup.load_waivers(path)

    def test_csv_row_longer_than_its_header(self, tmp_path: Path) -> None:
        """A data-dictionary row with more cells than the header is reported by row."""
        path = tmp_path / "items.csv"
        path.write_text("name\nfull-name,extra\n", encoding="utf-8")
        with pytest.raises(InputError) as info:
            dpup.load_items(path)
        assert ("more cells than header columns @ $[0]",) == info.value.lines

    def test_csv_duplicate_names_are_reported_by_row(self, tmp_path: Path) -> None:
        """Item names repeated in a data dictionary are refused at each repeat's row."""
        path = tmp_path / "items.csv"
        path.write_text("name\nfull-name\niwi\nfull-name\nfull-name\n", encoding="utf-8")
        with pytest.raises(InputError) as info:
            dpup.load_items(path)
        assert (
            "duplicate item name @ $[2].name",
            "duplicate item name @ $[3].name",
        ) == info.value.lines


class TestCollectorPause:
    """Structuring pauses the cyclic garbage collector and always leaves it as it found it."""

    @pytest.mark.parametrize("enabled", [True, False])
    def test_collector_state_is_restored(self, enabled: bool) -> None:
        """After a good or a refused document, the collector is on exactly if it was before."""
        was = gc.isenabled()
        try:
            if enabled:
                gc.enable()
            else:
                gc.disable()
            seen: list[bool] = []
            with collector_paused():
                seen.append(gc.isenabled())
            structure({"name": "Intake"})
            with pytest.raises(InputError):
                structure({"name": 3})
            assert [False] == seen
            assert enabled == gc.isenabled()
        finally:
            if was:
                gc.enable()
            else:
                gc.disable()

    def test_overlapping_pauses_resume_once_the_last_ends(self) -> None:
        """Pauses from several threads overlap; the collector resumes only after the last."""
        assert gc.isenabled()
        first, second = collector_paused(), collector_paused()
        first.__enter__()
        second.__enter__()
        first.__exit__(None, None, None)
        assert not gc.isenabled()
        second.__exit__(None, None, None)
        assert gc.isenabled()

    def test_threads_structuring_at_once_leave_the_collector_on(self) -> None:
        """Eight threads structuring documents concurrently leave the collector on."""
        doc = unstructure(dpup.load(EXAMPLES[0]))
        with ThreadPoolExecutor(max_workers=8) as pool:
            names = set(pool.map(lambda _: structure(doc).name, range(64)))
        assert {doc["name"]} == names
        assert gc.isenabled()


def _reference_sites(obj: object, path: tuple[str | int, ...]) -> Iterator[_Site]:
    """Yield every marked reference field that holds a value, with its document path."""
    cls: Any = type(obj)
    if attrs.has(cls):
        marked = reference_fields(cls)
        for field in attrs.fields(cls):
            value = getattr(obj, field.name)
            if field.name in marked:
                if value is not None:
                    where = (*path, field.name)
                    yield cls.__name__, field.name, where, isinstance(value, tuple)
            else:
                yield from _reference_sites(value, (*path, field.name))
    elif isinstance(obj, tuple):
        for i, value in enumerate(obj):
            yield from _reference_sites(value, (*path, i))


_Site = tuple[str, str, tuple[str | int, ...], bool]


def _text_path(path: tuple[str | int, ...]) -> str:
    return "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path)


class TestReferenceMarks:
    """The model's reference marks and the cross-reference validation agree."""

    def _activities(self) -> list[Activity]:
        with_correction = dpup.load(EXAMPLES[0])
        item = with_correction.collections[0].items[0].name
        correction = dpup.CorrectionRequest("c-1", items=(item,))
        return [
            *(dpup.load(path) for path in EXAMPLES),
            attrs.evolve(with_correction, correction_requests=(correction,)),
        ]

    def test_every_marked_field_is_resolved(self) -> None:
        """An unknown id in any marked field is refused, at exactly that field's path."""
        exercised: set[tuple[str, str]] = set()
        for activity in self._activities():
            for owner, name, path, several in _reference_sites(activity, ()):
                exercised.add((owner, name))
                doc = unstructure(activity)
                parent = doc
                for step in path[:-1]:
                    parent = parent[step]
                parent[path[-1]] = ["ghost"] if several else "ghost"
                with pytest.raises(InputError) as info:
                    structure(doc)
                expected = _text_path(path) + ("[0]" if several else "")
                assert (expected,) == info.value.paths
        marked = {
            (name, field)
            for name in model.__all__
            if isinstance(cls := getattr(model, name), type) and attrs.has(cls)
            for field in reference_fields(cls)
        }
        assert marked == exercised


class TestCollectionPeriod:
    """The period of collection and the law behind it: contradictions refused at their paths."""

    _HEAD = 'name = "x"\n[[collections]]\nid = "c"\n'

    @pytest.mark.parametrize(
        ("body", "paths"),
        [
            (
                'collected_on = "2026-06-01"\ncollected_until = "2026-05-01"',
                ("$.collections[0].collected_until",),
            ),
            ('collected_until = "2026-05-01"\nongoing = true', ("$.collections[0].ongoing",)),
            (
                'collected_on = "2026-06-01"\ncollected_until = "2026-05-01"\nongoing = true',
                ("$.collections[0].collected_until", "$.collections[0].ongoing"),
            ),
            (
                "required_by_law = true\nauthorised_by_law = false",
                ("$.collections[0].authorised_by_law",),
            ),
        ],
        ids=["end-before-start", "ended-yet-ongoing", "both", "required-not-authorised"],
    )
    def test_contradiction_listed_at_its_path(self, body: str, paths: tuple[str, ...]) -> None:
        """Each contradiction is one problem at its path, and no value is echoed."""
        with pytest.raises(InputError) as info:
            loads(self._HEAD + body)
        assert paths == info.value.paths
        assert "2026" not in str(info.value)

    @pytest.mark.parametrize(
        "body",
        [
            'collected_on = "2026-05-01"\ncollected_until = "2026-05-01"',
            'collected_on = "2024-03-01"\ncollected_until = "2026-06-01"\nongoing = false',
            'collected_on = "2024-03-01"\nongoing = true',
            'collected_until = "2026-06-01"',
            "ongoing = false",
            "required_by_law = true\nauthorised_by_law = true",
            "required_by_law = false\nauthorised_by_law = false",
        ],
        ids=["one-day", "ended", "running", "end-only", "ended-undated", "required", "no-law"],
    )
    def test_consistent_records_load_and_round_trip(self, body: str) -> None:
        """Periods and law facts that agree load, and survive a round trip."""
        activity = loads(self._HEAD + body)
        assert activity == structure(unstructure(activity))

    def test_built_in_python_the_same_rules_hold(self) -> None:
        """Building a Collection directly refuses the same contradiction, at the same path."""
        with pytest.raises(InputError) as info:
            model.Collection("c", collected_until=date(2026, 5, 1), ongoing=True)
        assert ("$.ongoing",) == info.value.paths

    def test_law_applies_follows_the_record(self) -> None:
        """A law that requires the information implies one authorises it; else as recorded."""
        assert model.Collection("c", required_by_law=True).law_applies is True
        assert model.Collection("c", authorised_by_law=True).law_applies is True
        assert model.Collection("c", authorised_by_law=False).law_applies is False
        assert model.Collection("c", required_by_law=False).law_applies is None


class TestIpp3ExceptionVocabulary:
    def test_none_belongs_to_both_principles(self) -> None:
        """The recorded answer "none" belongs to IPP3 and IPP3A alike."""
        none = model.Ipp3Exception.NONE
        assert none.under_ipp3
        assert none.under_ipp3a
        notice = loads(self._doc("none")).collections[0].notice
        assert notice is not None
        assert none is notice.exception

    def test_each_ground_belongs_to_at_least_one_principle(self) -> None:
        """Authorisation is IPP3's alone; the archiving, secrecy and threat grounds IPP3A's."""
        ipp3_only = {g for g in model.Ipp3Exception if g.under_ipp3 and not g.under_ipp3a}
        ipp3a_only = {g for g in model.Ipp3Exception if g.under_ipp3a and not g.under_ipp3}
        assert {model.Ipp3Exception.AUTHORISED} == ipp3_only
        assert {
            model.Ipp3Exception.PUBLICLY_AVAILABLE,
            model.Ipp3Exception.ARCHIVING,
            model.Ipp3Exception.SECURITY_OR_DEFENCE,
            model.Ipp3Exception.TRADE_SECRET,
            model.Ipp3Exception.SERIOUS_THREAT,
        } == ipp3a_only
        assert all(g.under_ipp3 or g.under_ipp3a for g in model.Ipp3Exception)

    @staticmethod
    def _doc(ground: str) -> str:
        head = 'name = "x"\n[[collections]]\nid = "c"\n[collections.notice]\n'
        return head + f'exception = "{ground}"'
