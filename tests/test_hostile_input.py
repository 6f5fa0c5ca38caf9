"""Input that can't hurt: hostile text is refused at load, never echoed, and never breaks output.

Lone surrogates, loose date forms and duplicate keys are refused with their paths; messages
show input keys, names and parser complaints only in a safe, short form; every output format
stays well formed whatever a label or waiver holds; YAML is bounded by what it costs to read;
`dpup.loads` and the calendar raise dpup's own errors; and a custom check that returns
something other than outcomes is a `CheckError`, not a crash.
"""

from __future__ import annotations

import html.parser
import json
import re
import tomllib
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import junitparser
import pytest
import yaml

import dpup
from dpup import (
    Activity,
    Basis,
    InputError,
    Purpose,
    Severity,
    Waiver,
    loads,
    serde,
    structure,
    unstructure,
)
from dpup._engine.reference import reference_evaluate
from dpup._printable import printable
from dpup.calendar import PRIVACY_ACT_2020
from dpup.engine import Check, EvaluationContext, Registry, check, default_registry, met
from dpup.errors import DpupError, DpupTypeError, DpupValueError, UnknownCheckError
from dpup.findings import Report
from dpup.io import limits as io_limits
from dpup.io import parsers as io_parsers
from dpup.law import LegalRef
from dpup.policy import Principle
from dpup.render import to_html, to_junit, to_markdown, to_text

ROOT = Path(__file__).parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.toml"))
AS_AT = date(2026, 6, 1)
SURROGATE = "\ud800"
NASTY = (
    "a\x00b\x01\x08\x0b\x0c\x1b[2J\x1b]0;title\x07\x7f\x85\u2028\u202e\ufffe\ud800\n"
    "forged @ $.name\r<script>alert(1)</script> [x](javascript:alert(1)) ![i](http://t/x.png) "
    "<http://t> | `code` *em* _u_ ~s~ $m$ &amp; \\"
)
"""Control characters of every kind, a forged problem line, HTML, links and Markdown marks."""


@pytest.fixture(params=["libyaml", "pure-python"])
def yaml_reader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run a YAML test with libyaml's parser and again with PyYAML's pure-Python one."""
    if request.param == "pure-python":
        monkeypatch.setattr(yaml, "__with_libyaml__", False)
    return str(request.param)


def _lines(call: Callable[[], object]) -> tuple[str, ...]:
    with pytest.raises(InputError) as info:
        call()
    return info.value.lines


# 1. Text that cannot be written as UTF-8 ------------------------------------------------


class TestLoneSurrogates:
    """Lone surrogates are refused at load with their path, so no output can fail on them."""

    NOT_UTF8 = "text holds a lone surrogate, which cannot be written as UTF-8"

    @pytest.mark.parametrize(
        ("text", "fmt", "line"),
        [
            ('{"name": "a\\ud800"}', "json", f"{NOT_UTF8} @ $.name"),
            ('{"name": "x", "agency": {"name": "\\udfff"}}', "json", f"{NOT_UTF8} @ $.agency.name"),
            (
                '{"name": "x", "other_laws": ["ok", "\\ud83d"]}',
                "json",
                f"{NOT_UTF8} @ $.other_laws[1]",
            ),
            (
                '{"name": "x", "agency": {"\\ud800": 1}}',
                "json",
                "a key holds a lone surrogate, which cannot be written as UTF-8 @ $.agency",
            ),
            (f'name = "a{SURROGATE}"', "toml", f"{NOT_UTF8} @ $.name"),
        ],
        ids=["json-value", "json-nested", "json-list", "json-key", "toml-raw"],
    )
    def test_json_and_toml(self, text: str, fmt: Any, line: str) -> None:
        r"""A JSON ``\ud800`` escape or a raw surrogate in TOML is refused at its path."""
        assert (line,) == _lines(lambda: loads(text, fmt))

    def test_yaml_escape(self, yaml_reader: str) -> None:
        r"""A YAML ``\ud800`` escape is refused: by libyaml itself, else at its path."""
        [line] = _lines(lambda: loads('name: "a\\ud800"', "yaml"))
        if yaml_reader == "libyaml":
            assert line.startswith("not valid YAML (line 1, column")
        else:
            assert f"{self.NOT_UTF8} @ $.name" == line

    def test_yaml_raw(self, yaml_reader: str) -> None:
        """A raw surrogate in YAML text is refused, by either reader."""
        [line] = _lines(lambda: loads(f"name: a{SURROGATE}", "yaml"))
        assert line.startswith("not valid YAML")
        assert line.endswith("@ $")

    def test_plain_data(self) -> None:
        """Plain data built in Python is held to the same rule, values and keys alike."""
        doc = {"name": "x", "purposes": [{"id": "p", "why": SURROGATE}], "agency": {"\udc80": 1}}
        assert (
            "a key holds a lone surrogate, which cannot be written as UTF-8 @ $.agency",
            f"{self.NOT_UTF8} @ $.purposes[0].why",
        ) == tuple(sorted(_lines(lambda: structure(doc))))

    def test_waiver_file(self, tmp_path: Path) -> None:
        """A waiver's free text is refused the same way."""
        path = tmp_path / "w.json"
        path.write_text(
            '{"waivers": [{"check_id": "PM001", "reason": "ok", "approver": "\\udbff"}]}',
            encoding="utf-8",
        )
        assert (f"{self.NOT_UTF8} @ $.waivers[0].approver",) == _lines(
            lambda: dpup.load_waivers(path)
        )

    def test_data_dictionary_with_encoded_surrogate(self, tmp_path: Path) -> None:
        """A CSV holding a surrogate's bytes is not UTF-8, and is refused as such."""
        path = tmp_path / "items.csv"
        path.write_bytes(b"name\nab\xed\xa0\x80\n")
        assert ("not valid UTF-8 text (at byte 7) @ $",) == _lines(lambda: dpup.load_items(path))

    def test_surrogate_pairs_are_fine(self) -> None:
        """A JSON escape pair stands for one character, which is kept."""
        assert "a\U0001f600" == loads('{"name": "a\\ud83d\\ude00"}', "json").name

    def test_quick_and_located_walks_agree(self) -> None:
        """The quick pass refuses exactly what the locating walk reports."""
        for doc in ({"a": SURROGATE}, {SURROGATE: 1}, [SURROGATE], SURROGATE):
            assert not io_limits._within_limits(doc, 4, 4, 10)
            assert io_limits._located_limit_problems(doc, "$", 4, 4, 10)


# 2. Dates ----------------------------------------------------------------------------------


BAD_DATES = [
    "2026-W01-1",
    "20260101xx",
    "20261231T1",
    "20260101",
    "2026-001",
    "2026-01-01T00:00",
    "2026-01-01 ",
    " 2026-01-01",
    "2026-01-01\n",
    "2026-1-01",
    "+2026-01-01",
    "\uff12\uff10\uff12\uff16-01-01",  # fullwidth digits
    "2026-02-30",
    "",
]


class TestDates:
    """Dates are YYYY-MM-DD or a native TOML/YAML date, nothing else, in every date field."""

    EXPECTED = "expected a date (YYYY-MM-DD)"

    @pytest.mark.parametrize("text", BAD_DATES)
    def test_other_forms_are_refused(self, text: str) -> None:
        """ISO forms Python also reads, and near misses, are refused by path."""
        doc = {
            "name": "x",
            "as_at": text,
            "access_requests": [{"id": "r", "received_on": text}],
        }
        assert (
            f"{self.EXPECTED} @ $.access_requests[0].received_on",
            f"{self.EXPECTED} @ $.as_at",
        ) == tuple(sorted(_lines(lambda: loads(json.dumps(doc), "json"))))

    @pytest.mark.parametrize("text", ["2026-W01-1", "20260101", "2026-12-31T1"])
    def test_waiver_expiry(self, tmp_path: Path, text: str) -> None:
        """A waiver's expiry date is held to the same form."""
        path = tmp_path / "w.json"
        waiver = {"check_id": "PM001", "reason": "r", "expires": text}
        path.write_text(json.dumps({"waivers": [waiver]}), encoding="utf-8")
        assert (f"{self.EXPECTED} @ $.waivers[0].expires",) == _lines(
            lambda: dpup.load_waivers(path)
        )

    def test_accepted_forms(self, yaml_reader: str) -> None:
        """Text YYYY-MM-DD, and TOML's and YAML's own dates (quoted or not), are read."""
        day = date(2026, 1, 1)
        assert day == loads('{"name": "x", "as_at": "2026-01-01"}', "json").as_at
        assert day == loads('name = "x"\nas_at = 2026-01-01').as_at
        assert day == loads('name = "x"\nas_at = "2026-01-01"').as_at
        assert day == loads("name: x\nas_at: 2026-01-01", "yaml").as_at
        assert day == loads("name: x\nas_at: '2026-01-01'", "yaml").as_at

    def test_parse_date(self) -> None:
        """`serde.parse_date` reads YYYY-MM-DD only, refusing the rest without quoting it."""
        assert date(2024, 2, 29) == serde.parse_date("2024-02-29")
        for text in BAD_DATES:
            with pytest.raises(InputError) as info:
                serde.parse_date(text)
            assert (f"{self.EXPECTED} @ $",) == info.value.lines
            assert isinstance(info.value, ValueError)


# 3. Duplicate keys ---------------------------------------------------------------------------


class TestDuplicateKeys:
    """A key given twice in one table is refused with its path (TOML refuses it already)."""

    def test_json_first_pass_agrees_with_json_loads(self) -> None:
        """The shared one-pass reader gives what json.loads gives, and leaves errors to it."""
        text = '{"name": "x", "purposes": [{"id": "p", "why": "to help"}], "n": 1.5}'
        assert json.loads(text) == io_parsers._parse_json(text, None)
        assert ("not valid JSON: Unexpected UTF-8 BOM (line 1, column 1) @ $",) == _lines(
            lambda: loads('\ufeff{"name": "x"}', "json")
        )
        assert ("duplicate key @ $.purposes[0].id",) == _lines(
            lambda: loads('{"name": "x", "purposes": [{"id": "p", "id": "q"}]}', "json")
        )

    def test_json(self) -> None:
        """Each repeated key is named once, at its path; keys that are not field-like as [?]."""
        text = (
            '{"name": "x", "name": "y", "agency": {"name": "a", "name": "b", "name": "c",'
            ' "Aroha Smith": 1, "Aroha Smith": 2}, "other_laws": [{"k": 1, "k": 2}]}'
        )
        assert (
            "duplicate key @ $.agency.name",
            "duplicate key @ $.agency[?]",
            "duplicate key @ $.name",
            "duplicate key @ $.other_laws[0].k",
        ) == _lines(lambda: loads(text, "json"))

    def test_yaml(self, yaml_reader: str) -> None:
        """YAML is held to the same rule, by either reader."""
        text = (
            "name: x\nname: y\nagency:\n  name: a\n  name: b\n  name: c\n"
            "  Aroha Smith: 1\n  Aroha Smith: 2\nother_laws:\n  - {k: 1, k: 2}\n"
        )
        assert (
            "duplicate key @ $.agency.name",
            "duplicate key @ $.agency[?]",
            "duplicate key @ $.name",
            "duplicate key @ $.other_laws[0].k",
        ) == _lines(lambda: loads(text, "yaml"))

    def test_yaml_keys_equal_as_values(self) -> None:
        """YAML keys that build equal values (1 and 1.0) are duplicates too."""
        assert ("duplicate key @ $.agency[?]",) == _lines(
            lambda: loads("name: x\nagency: {1: a, 1.0: b}", "yaml")
        )

    @pytest.mark.parametrize("fmt", ["json", "yaml"])
    def test_many_duplicates_are_counted(self, fmt: Any) -> None:
        """An error lists at most 100 duplicate keys and counts the rest."""
        pairs = ", ".join(f'"k{i}": 1, "k{i}": 2' for i in range(150))
        lines = _lines(lambda: loads('{"name": "x", "agency": {' + pairs + "}}", fmt))
        assert 101 == len(lines)
        assert "50 more duplicate keys @ $" == lines[-1]

    def test_toml(self) -> None:
        """TOML's own refusal names neither key nor value."""
        [line] = _lines(lambda: loads('name = "x"\n[agency]\n"Aroha Smith" = 1\n"Aroha Smith" = 2'))
        assert line.startswith("not valid TOML: Cannot overwrite a value (")
        assert "Aroha" not in line


# 4. Messages never echo input ----------------------------------------------------------------


def _single_safe_line(text: str, *secrets: str) -> None:
    assert text.isprintable(), repr(text)
    for secret in secrets:
        assert secret not in text


class TestMessagesDoNotEcho:
    """Keys, names and parser complaints appear only in a safe, short form."""

    def test_unknown_fields(self) -> None:
        """Field-like unknown keys are named; any other key is [?]."""
        doc = {"name": "x", "colour": 1, "Aroha Smith": 2, "x\x1b[2J": 3, "a" * 65: 4}
        assert ("unknown field(s): [?], [?], [?], colour @ $",) == _lines(lambda: structure(doc))

    def test_unknown_field_list_is_cut_short(self) -> None:
        """A message names at most ten unknown fields and counts the rest."""
        doc = {"name": "x", **{f"f{i:02}": i for i in range(25)}}
        [line] = _lines(lambda: structure(doc))
        assert line == "unknown field(s): " + ", ".join(f"f{i:02}" for i in range(10)) + (
            " and 15 more @ $"
        )

    def test_unknown_csv_columns(self, tmp_path: Path) -> None:
        """A header row holding personal details (a file with no header) is not echoed."""
        path = tmp_path / "items.csv"
        path.write_text("name,Aroha Smith,12 Queen St\x1b[2J,colour\nx,a,b,c\n", encoding="utf-8")
        [line] = _lines(lambda: dpup.load_items(path))
        assert "unknown column(s): [?], [?], colour @ $" == line

    @pytest.mark.parametrize(
        ("text", "start"),
        [
            ('name = "x"\n[Aroha]\n[Aroha]\n', "not valid TOML: Cannot declare a table twice ("),
            ('name = "Aroha\x1b[2J"\n', "not valid TOML: Illegal character ("),
            (
                'name = "x"\na = {Aroha = 1, Aroha = 2}\n',
                "not valid TOML: Duplicate inline table key (",
            ),
            (
                'name = "x"\na = {b = 1}\na.Aroha = 2\n',
                "not valid TOML: Cannot add to an inline table",
            ),
            ('name = "x"\n# Aroha\x1b\n', "not valid TOML: Found invalid character ("),
            ('name = "x"\na = [1, 2', "not valid TOML: Unclosed array ("),
            ("name 'x'", "not valid TOML: Expected '=' after a key in a key/value pair ("),
        ],
    )
    def test_toml_parser_messages(self, text: str, start: str) -> None:
        """Python's tomllib quotes keys and characters in some messages; dpup cuts them off."""
        [line] = _lines(lambda: loads(text))
        assert line.startswith(start)
        _single_safe_line(line, "Aroha")

    @pytest.mark.parametrize(
        "text", ['{"name": "a\x1b[2Jb"}', '{"name": "\\q"}', '{"Aroha": }', '{"name": "x"} Aroha']
    )
    def test_json_parser_messages(self, text: str) -> None:
        """JSON's complaints keep their description and position only."""
        [line] = _lines(lambda: loads(text, "json"))
        assert line.startswith("not valid JSON: ")
        _single_safe_line(line, "Aroha", "\\q")

    def test_parser_detail_keeps_grammar_tokens(self) -> None:
        """Quoted punctuation (a token of the grammar) stays; quoted input is cut off."""
        assert "Expecting ':' delimiter" == io_parsers._parser_detail("Expecting ':' delimiter")
        assert "Invalid \\escape" == io_parsers._parser_detail("Invalid \\escape: 'q'")
        assert "x" == io_parsers._parser_detail("x ('a', 'b') twice")
        assert 81 == len(io_parsers._parser_detail("a" * 200))

    def test_unknown_check_in_a_waiver(self, tmp_path: Path) -> None:
        """A waiver's check id is shown cut short, control characters escaped, on one line."""
        path = tmp_path / "w.json"
        check_id = "PM00\n  forged @ $.name\x1b[2J" + "z" * 100
        path.write_text(
            json.dumps({"waivers": [{"check_id": check_id, "reason": "r"}]}), encoding="utf-8"
        )
        waivers = dpup.load_waivers(path)
        with pytest.raises(UnknownCheckError) as info:
            dpup.evaluate(Activity("a"), waivers=waivers)
        message = str(info.value)
        _single_safe_line(message, "z" * 41)
        assert message.startswith("unknown check or selector 'PM00\\x0a  forged @ $.name\\x1b[2Jzz")
        assert info.value.unknown == (check_id,)

    def test_source_is_shown_on_one_line(self, tmp_path: Path) -> None:
        """A file name holding a newline or an escape cannot forge a problem line."""
        path = tmp_path / "a\n  forged @ $.name\x1b[2J.toml"
        path.write_text("name = 1\n", encoding="utf-8")
        with pytest.raises(InputError) as info:
            dpup.load(path)
        head, *rest = str(info.value).splitlines()
        assert head.endswith("a\\x0a  forged @ $.name\\x1b[2J.toml:")
        assert ["  expected a string, got a number @ $.name"] == rest

    def test_unknown_selector(self) -> None:
        """A selector is shown the same way; quotes in it cannot close the quoted name."""
        with pytest.raises(UnknownCheckError) as info:
            default_registry().select(["it's\u202egnp.exe"])
        assert "unknown check or selector 'it\\'s\\u202egnp.exe'" == str(info.value)


class TestPrintable:
    """`printable`, the one sanitiser behind every message and renderer."""

    def test_printable_text_is_unchanged(self) -> None:
        """Ordinary text, te reo Māori macrons and emoji pass through as they are."""
        text = "Kia ora, Māori data \U0001f600 — ok"
        assert printable(text) is text

    @pytest.mark.parametrize(
        ("text", "shown"),
        [
            ("a\x1bb", "a\\x1bb"),
            ("a\nb\tc\r", "a\\x0ab\\x09c\\x0d"),
            ("\x7f\x85\x9b", "\\x7f\\x85\\x9b"),
            ("\u202e\u200b\u2028", "\\u202e\\u200b\\u2028"),
            (SURROGATE, "\\ud800"),
            ("\ufffe\U000e0001", "\\ufffe\\U000e0001"),
            ("a\xa0b\u2009c", "a b c"),
        ],
        ids=["esc", "whitespace", "c1", "format", "surrogate", "non-characters", "spaces"],
    )
    def test_unprintable_characters_are_escaped(self, text: str, shown: str) -> None:
        """Each unprintable character becomes a visible escape; odd spaces become spaces."""
        assert shown == printable(text)

    def test_keep_and_limit(self) -> None:
        """``keep`` leaves the named characters alone; ``limit`` cuts and marks the cut."""
        assert "a\nb\\x0d" == printable("a\nb\r", keep="\n")
        assert "abc…" == printable("abcdef", limit=3)
        assert "\\x1bb…" == printable("\x1bbc", limit=2)
        assert "abc" == printable("abc", limit=3)


# 5. Every output is well formed ---------------------------------------------------------------


def _nasty_report() -> Report:
    activity = dpup.load(ROOT / "examples" / "kids-first-before.toml")
    first = dpup.evaluate(activity, as_at=AS_AT)
    waived = next(f for f in first.findings if f.status is dpup.Status.NOT_MET)
    waiver = Waiver(waived.check_id, NASTY, approver=NASTY)
    return dpup.evaluate(activity, as_at=AS_AT, waivers=[waiver], label=NASTY)


def _parts_of_nasty() -> Iterator[str]:
    yield from ("\x00", "\x1b", "\x07", "\x7f", "\x85", "\u2028", "\u202e", "\ufffe", SURROGATE)


class TestOutputs:
    """Every output format is well formed, whatever a label or waiver reason holds."""

    def test_junit_parses(self) -> None:
        """XML 1.0-illegal characters are escaped, so both parsers read the document."""
        report = _nasty_report()
        xml = to_junit(report)
        root = ET.fromstring(xml.encode("utf-8"))  # noqa: S314 - our own output
        suite = root.find("testsuite")
        assert suite is not None
        assert suite.get("name", "").startswith("a\\x00b\\x01")
        skipped = [s.get("message", "") for s in root.iter("skipped")]
        assert any(m.startswith("waived: a\\x00b") for m in skipped)
        parsed = junitparser.JUnitXml.fromstring(xml)
        assert sum(s.tests for s in parsed) == len(report.findings)
        for char in _parts_of_nasty():
            assert char not in xml

    def test_text_has_no_foreign_escapes(self) -> None:
        """No control character from input reaches the terminal, with colour or without."""
        report = _nasty_report()
        plain = to_text(report)
        coloured = to_text(report, color=True)
        own = re.compile(r"\x1b\[(?:0|1|2|31|32|33)m")
        for text in (plain, own.sub("", coloured)):
            for char in _parts_of_nasty():
                assert char not in text
            text.encode("utf-8")
        quiet = to_text(dpup.evaluate(_nasty_report_activity(), as_at=AS_AT, label="x"))
        # Input adds no line: after the summary, only the waiver's own line is new; in the
        # summary the waived failure moves from its count to the "Waived" list (+1 heading).
        head, tail = plain.split("\nScores\n", 1)
        quiet_head, quiet_tail = quiet.split("\nScores\n", 1)
        assert len(tail.splitlines()) == len(quiet_tail.splitlines()) + 1  # the waived line
        assert len(head.splitlines()) == len(quiet_head.splitlines()) + 1  # the Waived heading

    def test_markdown_is_inert(self) -> None:
        """HTML, links, images and table marks from input are escaped in Markdown."""
        md = to_markdown(_nasty_report())
        md.encode("utf-8")
        for char in _parts_of_nasty():
            assert char not in md
        assert "<script>" not in md
        assert "&lt;script&gt;" in md
        # The only links are dpup's own, to the provisions it cites.
        for url in {ref.url for ref in LegalRef}:
            md = md.replace(f"](<{url}>)", ")")
        assert "](" not in md.replace("\\](", "")
        assert "<http" not in md
        title = md.splitlines()[0]
        assert "\\[x\\](javascript:alert(1))" in title
        assert "\\| \\`code\\` \\*em\\* \\_u\\_ \\~s\\~ \\$m\\$ &amp;amp; \\\\" in title
        for line in md.splitlines():
            if line.startswith("| ") and "waived" in line:
                cells = re.split(r"(?<!\\)\|", line)
                assert 9 == len(cells), line

    def test_markdown_code_spans_hold_backticks(self) -> None:
        """A path with backticks gets a longer fence, and its pipes are escaped."""
        from dpup.render.markdown import _code  # noqa: PLC0415 - the helper itself

        assert "`$.a`" == _code("$.a")
        assert "``a`b``" == _code("a`b")
        assert "`` `a\\|b ``" == _code("`a|b")

    def test_html_is_escaped(self) -> None:
        """HTML from input is text in the page, and control characters are escaped."""
        page = to_html(_nasty_report())
        page.encode("utf-8")
        assert "<script>" not in page
        for char in _parts_of_nasty():
            assert char not in page

        class Tags(html.parser.HTMLParser):
            def __init__(self) -> None:
                super().__init__()
                self.tags: set[str] = set()
                self.hrefs: set[str | None] = set()

            def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
                self.tags.add(tag)
                if tag == "a":
                    self.hrefs.add(dict(attrs).get("href"))

        parser = Tags()
        parser.feed(page)
        assert {"script", "img"}.isdisjoint(parser.tags)
        # The only links are dpup's own, to the provisions it cites.
        assert parser.hrefs
        assert parser.hrefs <= {ref.url for ref in LegalRef}


def _nasty_report_activity() -> Activity:
    return dpup.load(ROOT / "examples" / "kids-first-before.toml")


# 6. YAML is bounded by what it costs ---------------------------------------------------------

LIMIT = serde.MAX_INPUT_BYTES
_YAML_TAG = "not valid YAML: tags (!name) other than plain data are not supported"


def _at_limit(head: str, unit: str, tail: str, limit: int = LIMIT) -> str:
    return head + unit * ((limit - len(head) - len(tail)) // len(unit)) + tail


class TestTomlCost:
    """TOML is bounded by its separators before it is parsed (figures: docs/concepts.md)."""

    def test_defaults(self) -> None:
        """The separator limit is the value docs/concepts.md states."""
        assert 500_000 == serde.MAX_TOML_SEPARATORS

    @pytest.mark.parametrize(
        "text",
        [
            "a = [" + "1," * 500_000 + "1]\n",
            "[[a]]\n" * 250_001,
            "".join(f"k{i} = 1\n" for i in range(250_001)),
        ],
        ids=["list", "tables", "keys"],
    )
    def test_past_the_limit_is_refused_unparsed(
        self, text: str, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Too many separators: refused with the reason, and the TOML reader never runs."""

        def never(_: str) -> object:
            raise AssertionError

        monkeypatch.setattr(tomllib, "loads", never)
        [line] = _lines(lambda: loads(text, "toml"))
        assert line.startswith("the document holds more than 500000 values, lists and tables")

    def test_at_the_limit_is_parsed(self) -> None:
        """Just under the limit the document is read (and refused here for its list length)."""
        text = "a = [" + "1," * 499_990 + "1]\n"
        assert ("more than 10000 entries @ $.a",) == _lines(lambda: loads(text, "toml"))

    def test_the_limit_can_be_changed(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Like the other limits, it is read on every call."""
        monkeypatch.setattr(serde, "MAX_TOML_SEPARATORS", 3)
        [line] = _lines(lambda: loads('name = "x"\na = [1, 2, 3]\n', "toml"))
        assert line.startswith("the document holds more than 3 values")


class TestYamlCost:
    """A YAML document at the size limit loads or is refused quickly (figures: see the docs)."""

    def test_defaults(self) -> None:
        """The node limit is the value docs/concepts.md states."""
        assert 500_000 == serde.MAX_YAML_NODES

    def test_billion_laughs(self, yaml_reader: str) -> None:
        """Nested aliases are refused at the first alias, before anything is expanded."""
        lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
        lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 10)]
        text = "\n".join([*lines, "name: *a9", ""])
        assert ("not valid here: YAML aliases (*name) are not supported @ $.a1[0]",) == _lines(
            lambda: loads(text, "yaml")
        )

    def test_many_tiny_nodes_at_the_limit(self) -> None:
        """16 MiB of one-character values is refused at the node limit, not read whole."""
        text = _at_limit("name: x\nz: [", "1,", "1]\n")
        assert len(text) <= LIMIT
        [line] = _lines(lambda: loads(text, "yaml"))
        assert "more than 500000 YAML nodes (values, lists and tables) @ $.z[499995]" == line

    def test_deep_nesting_at_the_limit(self, yaml_reader: str) -> None:
        """Text nested millions deep is refused as too deeply nested."""
        limit = LIMIT if yaml_reader == "libyaml" else LIMIT // 8
        text = "name: " + "[" * (limit // 2 - 4) + "]" * (limit // 2 - 4)
        [line] = _lines(lambda: loads(text, "yaml"))
        assert line.startswith("nested more than 32 levels deep @ $")

    def test_block_nesting_is_refused_at_its_path(self) -> None:
        """Indented tables deeper than MAX_DEPTH are refused where they pass it."""
        text = "name: x\nagency:\n" + "".join("  " * i + f"k{i}:\n" for i in range(1, 40))
        [line] = _lines(lambda: loads(text, "yaml"))
        path = "$.agency" + "".join(f".k{i}" for i in range(1, 32))
        assert f"nested more than 32 levels deep @ {path}" == line

    def test_long_strings_at_the_limit_load(self) -> None:
        """A document at the limit made of long strings is read (and judged by structure)."""
        text = _at_limit("name: x\nother_laws:\n", "- " + "a" * 99_000 + "\n", "")
        assert len(text) > LIMIT - 100_000
        assert 169 == len(loads(text, "yaml").other_laws or ())

    def test_node_limit_is_inclusive(
        self, yaml_reader: str, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A document of exactly MAX_YAML_NODES nodes loads; one more node does not."""
        share = 1 if yaml_reader == "libyaml" else 8
        monkeypatch.setattr(serde, "MAX_YAML_NODES", 6 * share)
        assert ("a",) == loads("name: x\nother_laws: [a]", "yaml").other_laws  # 6 nodes
        assert (f"more than {6} YAML nodes (values, lists and tables) @ $.other_laws[1]",) == (
            _lines(lambda: loads("name: x\nother_laws: [a, b]", "yaml"))
        )

    def test_without_libyaml_the_bytes_are_bounded_too(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """PyYAML's pure-Python reader takes an eighth of the byte limit."""
        monkeypatch.setattr(yaml, "__with_libyaml__", False)
        ok = _at_limit("name: x\nother_laws:\n", "- " + "a" * 9_000 + "\n", "", LIMIT // 8)
        assert 232 == len(loads(ok, "yaml").other_laws or ())
        over = ok + "- " + "b" * (LIMIT // 8 - len(ok)) + "\n"
        [line] = _lines(lambda: loads(over, "yaml"))
        assert line == (
            f"the document is {len(over)} bytes; YAML read without libyaml is limited to "
            f"{LIMIT // 8} bytes @ $"
        )

    @pytest.mark.parametrize(
        ("text", "line"),
        [
            (
                "name: x\n<<: {stage: design}",
                "not valid here: YAML merge keys (<<) are not supported @ $",
            ),
            (
                "name: !!binary aGk=",
                "not valid YAML: tags (!name) other than plain data are not supported @ $.name",
            ),
            (
                "name: x\nother_laws: !!set {a: null}",
                "not valid YAML: tags (!name) other than plain data are not supported"
                " @ $.other_laws",
            ),
            (
                "name: !!python/object/apply:os.system ['true']",
                "not valid YAML: tags (!name) other than plain data are not supported @ $.name",
            ),
            (
                "name: x\n? [a, b]\n: 1",
                "not valid here: a YAML key must be a single value, not a list or table @ $",
            ),
            ("name: x\n---\nname: y", "not valid here: more than one YAML document @ $"),
            (
                "name: =",
                "not valid YAML: tags (!name) other than plain data are not supported @ $.name",
            ),
        ],
        ids=["merge", "binary", "set", "python", "list-key", "two-documents", "value-tag"],
    )
    def test_only_plain_data_is_built(self, yaml_reader: str, text: str, line: str) -> None:
        """Merge keys, tags for other kinds of value, complex keys and streams are refused."""
        assert (line,) == _lines(lambda: loads(text, "yaml"))

    @pytest.mark.parametrize(
        "scalar",
        [
            "1",
            "-1",
            "+1",
            "0o17",
            "017",
            "0x1F",
            "1_000",
            "1:30",
            "1.5",
            "1.5e+3",
            ".inf",
            "-.Inf",
            "yes",
            "No",
            "on",
            "OFF",
            "true",
            "False",
            "~",
            "null",
            "",
            "2026-01-01",
            "2026-01-01 10:00:00",
            "'1'",
            '"yes"',
            "!!str 1",
            "!!int '7'",
            "!!float 1",
            "abc",
            "0b101",
            "0.",
            ".5",
            "-0",
            "1e3",
            "12:30:45",
            "! 12",
            "!!null ''",
            "!!bool yes",
            "[1, 2]",
            "{a: 1}",
            "'it''s'",
            "|\n  two\n  lines",
            ">\n  folded\n  text",
        ],
    )
    def test_scalars_read_as_safe_load_reads_them(self, yaml_reader: str, scalar: str) -> None:
        """Every kind of plain value resolves exactly as PyYAML's SafeLoader resolves it."""
        doc = f"k: {scalar}\n"
        want = yaml.load(doc, Loader=yaml.SafeLoader)
        got = io_parsers._parse_yaml(doc, None)
        assert repr(want) == repr(got)

    def test_values_repeat_without_sharing_surprises(self) -> None:
        """Remembered values are immutable, so a repeated value is the same equal value."""
        got = io_parsers._parse_yaml("k: [1, 1, yes, yes, 2026-01-01, 2026-01-01]", None)
        assert {"k": [1, 1, True, True, date(2026, 1, 1), date(2026, 1, 1)]} == got

    def test_many_distinct_values(self) -> None:
        """More distinct values than are remembered at once still read correctly."""
        got = io_parsers._parse_yaml("k: [" + ", ".join(f"{i}.5" for i in range(3000)) + "]", None)
        assert {"k": [i + 0.5 for i in range(3000)]} == got

    def test_refused_at_the_root(self) -> None:
        """A refusal of the document itself is at $."""
        assert ("not valid here: YAML aliases (*name) are not supported @ $",) == _lines(
            lambda: loads("*a", "yaml")
        )
        assert (f"{_YAML_TAG} @ $",) == _lines(lambda: loads("!!binary aGk=", "yaml"))

    def test_empty_and_scalar_documents(self) -> None:
        """An empty stream is null and a bare value is that value, as with safe_load."""
        assert io_parsers._parse_yaml("", None) is None
        assert io_parsers._parse_yaml("# nothing\n", None) is None
        assert 5 == io_parsers._parse_yaml("5", None)
        assert io_parsers._parse_yaml("--- ~\n...\n", None) is None

    @pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
    def test_examples_round_trip_through_yaml(self, yaml_reader: str, path: Path) -> None:
        """Every example, written as YAML, reads back as the same activity."""
        activity = dpup.load(path)
        text = yaml.safe_dump(unstructure(activity), allow_unicode=True, sort_keys=False)
        assert activity == loads(text, "yaml")


# 7. dpup.loads and the calendar raise dpup's own errors ---------------------------------------


class TestLoadsArguments:
    def test_bytes_are_read_as_utf8(self) -> None:
        """Bytes load as their UTF-8 text, in every format."""
        assert "Māori" == loads('name = "Māori"'.encode()).name
        loose: Any = loads  # bytearray and memoryview work too, though not in the signature
        assert "x" == loose(bytearray(b'{"name": "x"}'), "json").name
        assert "x" == loose(memoryview(b"name: x"), "yaml").name

    def test_bytes_that_are_not_utf8(self) -> None:
        """Bytes that are not UTF-8 are an InputError naming the first bad byte."""
        assert ("not valid UTF-8 text (at byte 8) @ $",) == _lines(
            lambda: loads(b'name = "\xe9"', source="a.toml")
        )

    def test_bytes_over_the_limit_are_refused_undecoded(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Bytes are measured before they are decoded."""
        monkeypatch.setattr(serde, "MAX_INPUT_BYTES", 10)
        assert ("the document is 11 bytes; the limit is 10 bytes @ $",) == _lines(
            lambda: loads(b"\xff" * 11)
        )

    @pytest.mark.parametrize("value", [None, 12, ["name = 'x'"]], ids=["none", "int", "list"])
    def test_other_types_are_a_type_error(self, value: object) -> None:
        """Anything but text or bytes is a DpupTypeError (a TypeError too)."""
        with pytest.raises(DpupTypeError, match="text must be a str or UTF-8 bytes, not"):
            loads(value)  # type: ignore[call-overload]  # wrong on purpose


_cal: Any = dpup.calendar
"""The calendar module, untyped here: these calls break its signatures on purpose."""

CALENDAR_MISUSE: list[tuple[Callable[[], object], type[Exception]]] = [
    (lambda: _cal.is_working_day("2026-01-01"), TypeError),
    (lambda: _cal.add_working_days(date(2026, 1, 1), -1), ValueError),
    (lambda: _cal.add_working_days(date(2026, 1, 1), 1.5), TypeError),
    (lambda: _cal.add_working_days(date(2026, 1, 1), n=True), TypeError),
    (lambda: _cal.working_days_between(date(2026, 1, 1), None), TypeError),
    (lambda: _cal.add_working_days_many([date(2026, 1, 1)], -3), ValueError),
    (lambda: _cal.decision_due(date(2026, 1, 1).isoformat()), TypeError),
    (
        lambda: _cal.WorkingDayDefinition(
            name="x", citation="c", url="u", excluded_holidays="Matariki"
        ),
        TypeError,
    ),
    (
        lambda: _cal.WorkingDayDefinition(name="x", citation="c", url="u", excluded_holidays={" "}),
        ValueError,
    ),
    (
        lambda: _cal.WorkingDayDefinition(name="x", citation="c", url="u", excluded_holidays={1}),
        TypeError,
    ),
    (
        lambda: _cal.WorkingDayDefinition(
            name="x",
            citation="c",
            url="u",
            excluded_holidays=set(),
            window_start=(2, 30),
            window_end=(1, 1),
        ),
        ValueError,
    ),
    (
        lambda: _cal.WorkingDayDefinition(
            name="x", citation="c", url="u", excluded_holidays=set(), window_start=(1, 1)
        ),
        ValueError,
    ),
    (
        lambda: _cal.WorkingDayDefinition(
            name="x",
            citation="c",
            url="u",
            excluded_holidays=set(),
            window_start="0101",
            window_end=(1, 2),
        ),
        TypeError,
    ),
    (
        lambda: _cal.WorkingDayDefinition(
            name="x", citation="c", url="u", excluded_holidays=set(), first_year=0
        ),
        ValueError,
    ),
    (
        lambda: _cal.WorkingDayDefinition(
            name="x", citation="c", url="u", excluded_holidays={"a"}, ignored_holidays={"A"}
        ),
        ValueError,
    ),
    (
        lambda: _cal.WorkingDayDefinition(
            name="x",
            citation="c",
            url="u",
            excluded_holidays=set(),
            extra_excluded_dates=date(2026, 1, 1),
        ),
        TypeError,
    ),
    (
        lambda: _cal.WorkingDayDefinition(
            name="x",
            citation="c",
            url="u",
            excluded_holidays=set(),
            extra_excluded_dates={date(1990, 1, 1)},
        ),
        ValueError,
    ),
    (
        lambda: _cal.WorkingDayCalendar(
            _cal.WorkingDayDefinition(
                name="x",
                citation="c",
                url="u",
                excluded_holidays=set(),
                first_year=2025,
                last_year=2025,
            )
        ),
        ValueError,
    ),
]


class TestCalendarErrors:
    @pytest.mark.parametrize(("call", "builtin"), CALENDAR_MISUSE)
    def test_calendar_errors_derive_from_dpup_error(
        self, call: Callable[[], object], builtin: type[Exception]
    ) -> None:
        """Each calendar error is a DpupError and still the built-in type it always was."""
        expected = DpupTypeError if builtin is TypeError else DpupValueError
        with pytest.raises(expected) as info:
            call()
        assert isinstance(info.value, DpupError)
        assert isinstance(info.value, builtin)

    def test_the_default_definition_is_fine(self) -> None:
        """The check above builds real definitions: the default one still builds."""
        assert PRIVACY_ACT_2020.first_year == 2000


# 8. Checks that return something other than outcomes -------------------------------------------


DOC = """Summary line.

What it checks:
    Something.
Why it matters:
    Reasons.
How to meet it:
    Do it.
References:
    DPUP.
"""


def _check(check_id: str, result: Callable[[], object]) -> Check[Any]:
    def body(_subject: Purpose, _ctx: EvaluationContext) -> Any:
        return result()

    body.__doc__ = DOC
    return check(
        id=check_id,
        name="returns-" + check_id.lower(),
        principles=(Principle.HE_TANGATA,),
        basis=Basis.GOOD_PRACTICE,
        legal_refs=(),
        severity=Severity.MEDIUM,
        subject=Purpose,
        remediation="Fix it.",
    )(body)


def _generator() -> Iterator[object]:
    yield met("fine")
    yield "not an outcome"


BAD_RESULTS: list[Callable[[], object]] = [
    lambda: "met",
    lambda: "",
    lambda: b"met",
    lambda: 42,
    lambda: [met("fine"), "x"],
    lambda: (met("fine"), None),
    _generator,
    lambda: {"status": "met"},
    object,
]


class TestBadCheckResults:
    @pytest.mark.parametrize(
        "result",
        BAD_RESULTS,
        ids=["str", "empty-str", "bytes", "int", "list", "tuple", "generator", "dict", "object"],
    )
    @pytest.mark.parametrize("shape", ["activity", "one-object", "one-object-waived"])
    def test_bad_results_become_check_errors(
        self, result: Callable[[], object], shape: str
    ) -> None:
        """evaluate() never raises for it: the check is an error entry, the others still run."""
        registry = Registry([_check("PM900", result), _check("PM901", lambda: met("ok"))])
        purpose = Purpose("p")
        activity = Activity("a", purposes=(purpose,))
        options: dict[str, Any] = {"registry": registry, "as_at": AS_AT}
        if shape == "activity":
            subject: object = activity
        else:
            subject = purpose
            options["context"] = activity
        if shape == "one-object-waived":
            options["waivers"] = [Waiver("PM901", "accepted")]
        report = dpup.evaluate(subject, **options)
        [error] = report.errors
        assert ("PM900", "$.purposes[0]", "builtins.TypeError") == (
            error.check_id,
            error.subject,
            error.error_type,
        )
        assert ["PM901"] == [f.check_id for f in report.findings]
        options.pop("registry")
        slow = reference_evaluate(subject, registry, **options)
        assert (slow.errors, slow.findings) == (report.errors, report.findings)

    def test_none_and_iterables_of_outcomes_are_fine(self) -> None:
        """None (nothing to say), one outcome and any iterable of outcomes are all accepted."""
        registry = Registry(
            [
                _check("PM900", lambda: None),
                _check("PM901", lambda: iter([met("a"), met("b")])),
                _check("PM902", lambda: [met("c")]),
            ]
        )
        report = dpup.evaluate(Purpose("p"), registry=registry, as_at=AS_AT)
        assert () == report.errors
        assert ["PM901", "PM901", "PM902"] == [f.check_id for f in report.findings]


class TestLabels:
    @pytest.mark.parametrize("label", ["bad\udc80name.toml", "a\x1b[31mred\nline"])
    def test_every_format_writes_an_unprintable_label(self, label: str) -> None:
        """A label no encoder could write (a lone surrogate) or with control characters."""
        from dpup.render import to_json, to_sarif  # noqa: PLC0415 - the outputs under test

        report = dpup.evaluate(dpup.load(ROOT / "examples" / "kids-first-after.toml"), label=label)
        assert report.label == printable(label)
        for text in (
            to_json(report),
            to_sarif(report),
            to_junit(report),
            to_text(report),
            to_markdown(report),
            to_html(report),
        ):
            text.encode("utf-8")
            assert "\x1b" not in text
