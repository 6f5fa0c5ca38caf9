"""``dpup person PROGRAMME PERSON...``: each person's report, exit codes and refusals."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dpup.cli import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, main

SERVER = Path(__file__).parent.parent / "examples" / "server"
PROGRAMME = str(SERVER / "programme.toml")
PERSON = str(SERVER / "person.toml")


def test_text_report_opens_with_facts_of_person_and_programme(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The text report asks for the person's facts and the programme's facts they rest on."""
    code = main(["person", PROGRAMME, PERSON, "--as-at", "2026-06-01", "--fail-on", "never"])
    out = capsys.readouterr().out
    assert code == EXIT_OK
    assert "PersonRecord evaluated as at 2026-06-01" in out
    assert "$.disclosures[0].person_told" in out
    assert "$.collections[0].notice.recipient_forms" in out
    assert "person-0001" not in out


def test_fail_on_decides_the_exit_code(capsys: pytest.CaptureFixture[str]) -> None:
    """The example person has a finding not met: exit 1 by default, 0 with --fail-on never."""
    assert main(["person", PROGRAMME, PERSON, "--as-at", "2026-06-01"]) == EXIT_FINDINGS
    assert main(["person", PROGRAMME, PERSON, "--fail-on", "never"]) == EXIT_OK
    capsys.readouterr()


def test_json_is_one_report_per_person(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """JSON output, written to a file, holds the person's report."""
    output = tmp_path / "out.json"
    code = main(["person", PROGRAMME, PERSON, "--format", "json", "--output", str(output)])
    assert code == EXIT_FINDINGS
    report = json.loads(output.read_text(encoding="utf-8"))
    assert report["subject_type"] == "PersonRecord"
    assert capsys.readouterr().out == ""


def test_every_bad_person_is_listed_and_nothing_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Dangling references and unknown fields in several files: exit 2, all listed."""
    dangling = tmp_path / "dangling.toml"
    dangling.write_text(
        'ref = "p"\n[[disclosures]]\nid = "d"\nitems = ["secret-item"]\n', encoding="utf-8"
    )
    unknown = tmp_path / "unknown.toml"
    unknown.write_text('ref = "p"\nsecret_field = "secret-value"\n', encoding="utf-8")
    output = tmp_path / "out.txt"
    code = main(["person", PROGRAMME, str(dangling), str(unknown), "--output", str(output)])
    err = capsys.readouterr().err
    assert code == EXIT_USAGE
    assert "dangling.toml" in err
    assert "$.disclosures[0].items[0]" in err
    assert "unknown.toml" in err
    assert "secret-item" not in err
    assert "secret-value" not in err
    assert not output.exists()


def test_a_missing_programme_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    """A programme file that is not there: exit 2 with one line naming it."""
    assert main(["person", "no-such-programme.toml", PERSON]) == EXIT_USAGE
    assert capsys.readouterr().err.startswith("dpup: cannot read no-such-programme.toml")
