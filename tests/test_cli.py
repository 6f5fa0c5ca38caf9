"""The dpup command: evaluate, checks, explain, exit codes."""

from __future__ import annotations

import json
import runpy
import subprocess
import sys
from pathlib import Path

import pytest

import dpup
from dpup.cli import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, main

EXAMPLES = Path(__file__).parent.parent / "examples"
BEFORE = str(EXAMPLES / "kids-first-before.toml")
AFTER = str(EXAMPLES / "kids-first-after.toml")


class TestEvaluate:
    def test_text_report(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The text report names every principle and guideline, and groups failures."""
        assert EXIT_OK == main(["evaluate", BEFORE, "--fail-on", "never"])
        out = capsys.readouterr().out
        for label in ("He Tāngata", "Mana Whakahaere", "Purpose Matters", "Sharing Value"):
            assert label in out
        assert "Not met (" in out
        assert "reviewer:" in out
        assert "to settle:" in out

    def test_before_fails_after_passes(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--fail-on not-met exits 1 on the before example and 0 on the after example."""
        assert EXIT_FINDINGS == main(["evaluate", BEFORE, "--fail-on", "not-met"])
        assert EXIT_OK == main(["evaluate", AFTER, "--fail-on", "not-met"])
        capsys.readouterr()

    def test_malformed_file_lists_every_problem(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A malformed file exits 2 with each problem on stderr."""
        bad = tmp_path / "bad.toml"
        bad.write_text('name = 1\nstage = "nowhere"\nextra = true\n', encoding="utf-8")
        assert EXIT_USAGE == main(["evaluate", str(bad)])
        err = capsys.readouterr().err
        assert "3 problems found" in err
        for path in ("@ $.name", "@ $.stage", "@ $"):
            assert path in err

    def test_json_output_to_file(self, tmp_path: Path) -> None:
        """--format json --output writes a report with a schema version."""
        out = tmp_path / "r.json"
        assert EXIT_OK == main(["evaluate", AFTER, "--format", "json", "--output", str(out)])
        data = json.loads(out.read_text(encoding="utf-8"))
        assert "1.2" == data["schema_version"]
        assert "kids-first-after.toml" == data["label"]

    def test_select_and_unknown_selector(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--select narrows the run; an unknown selector is a usage error."""
        assert EXIT_FINDINGS == main(["evaluate", BEFORE, "--select", "AI001"])
        assert EXIT_USAGE == main(["evaluate", BEFORE, "--select", "AI9"])
        assert "unknown check or selector" in capsys.readouterr().err

    def test_waivers_file(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """Waiving the only failing check turns exit 1 into exit 0."""
        waivers = tmp_path / "w.toml"
        waivers.write_text(
            '[[waivers]]\ncheck_id = "AI001"\nreason = "policy rewrite under way"\n',
            encoding="utf-8",
        )
        args = ["evaluate", BEFORE, "--select", "AI001", "--waivers", str(waivers)]
        assert EXIT_OK == main(args)
        assert "WAIVED" in capsys.readouterr().out

    def test_missing_file(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An unreadable file is a usage error naming the file."""
        assert EXIT_USAGE == main(["evaluate", "does-not-exist.toml"])
        assert "does-not-exist.toml" in capsys.readouterr().err


class TestCatalogue:
    @pytest.mark.parametrize("fmt", ["text", "markdown", "json", "traceability"])
    def test_checks_listing(self, fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
        """Every catalogue format lists the first check."""
        assert EXIT_OK == main(["checks", "--format", fmt])
        assert "PM001" in capsys.readouterr().out

    def test_explain(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Explain prints the check's sections, whatever the id's case."""
        assert EXIT_OK == main(["explain", "pm002"])
        out = capsys.readouterr().out
        assert "What it checks:" in out
        assert "Basis:       good practice" in out

    def test_explain_unknown(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An unknown id is a usage error with suggestions."""
        assert EXIT_USAGE == main(["explain", "PM0O2"])
        assert "did you mean" in capsys.readouterr().err

    def test_usage_error(self) -> None:
        """A missing sub-command exits 2."""
        assert EXIT_USAGE == main([])


class TestDocuments:
    def test_notice_markdown(self, capsys: pytest.CaptureFixture[str]) -> None:
        """`dpup notice` prints a Markdown notice and lists the gaps on stderr."""
        assert EXIT_OK == main(["notice", AFTER])
        captured = capsys.readouterr()
        assert captured.out.startswith("# How City Centre Social Services looks after")
        assert "dpup: 1 fact not recorded:\n  $.agency\n" == captured.err

    def test_child_notice_as_text_for_one_collection(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--audience child --format text --collection writes that collection's child notice."""
        args = ["notice", AFTER, "--audience", "child", "--format", "text"]
        assert EXIT_OK == main([*args, "--collection", "group-session-notes"])
        out = capsys.readouterr().out
        assert out.startswith("Your information at City Centre Social Services\n====")
        assert "- session notes" in out
        assert "- full name" not in out

    def test_html_to_file(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """--format html --output writes a whole HTML page."""
        out = tmp_path / "notice.html"
        assert EXIT_OK == main(["notice", BEFORE, "--format", "html", "--output", str(out)])
        assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
        assert "" == capsys.readouterr().out

    def test_purpose_statement(self, capsys: pytest.CaptureFixture[str]) -> None:
        """`dpup purpose-statement` writes the six elements of the chosen purpose."""
        assert EXIT_OK == main(["purpose-statement", BEFORE, "--purpose", "court-reporting"])
        captured = capsys.readouterr()
        assert captured.out.startswith("# Purpose statement: court-reporting")
        assert "*Not recorded: who will not see it* (`$.purposes[1].not_seen_by`)" in captured.out
        assert "$.purposes[1].not_seen_by" in captured.err

    def test_input_errors_exit_2(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A malformed file, a missing file or an unknown id exits 2 with the reason on stderr."""
        bad = tmp_path / "bad.toml"
        bad.write_text("name = 1\n", encoding="utf-8")
        assert EXIT_USAGE == main(["notice", str(bad)])
        assert "@ $.name" in capsys.readouterr().err
        assert EXIT_USAGE == main(["purpose-statement", "does-not-exist.toml"])
        assert "does-not-exist.toml" in capsys.readouterr().err
        assert EXIT_USAGE == main(["notice", AFTER, "--collection", "nope"])
        assert "no collection has the given id @ collection" in capsys.readouterr().err
        assert EXIT_USAGE == main(["notice", AFTER, "--audience", "teen"])


def test_module_entry_point_runs() -> None:
    """`python -m dpup` runs as a real process."""
    result = subprocess.run(
        [sys.executable, "-m", "dpup", "evaluate", AFTER],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (0, "") == (result.returncode, result.stderr)
    assert "Mahitahitanga" in result.stdout


def test_module_entry_point_in_process(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`python -m dpup` hands its arguments to main() and exits with its code."""
    monkeypatch.setattr(sys, "argv", ["dpup", "explain", "PM001"])
    with pytest.raises(SystemExit) as info:
        # run_path, not run_module: pytest's import hook owns the dpup package (its plugin).
        runpy.run_path(str(Path(dpup.__file__).with_name("__main__.py")), run_name="__main__")
    assert EXIT_OK == info.value.code
    assert "PM001" in capsys.readouterr().out
