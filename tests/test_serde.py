"""Loading and dumping: strict input, every problem reported with its path, round trips."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import dpup
from dpup import Activity, InputError, loads, structure, unstructure
from dpup.model import SUBJECT_TYPES, Identifiability
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
