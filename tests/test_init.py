"""`dpup init`: a commented starter file that names every part, loads and evaluates as it is."""

from __future__ import annotations

import re
from pathlib import Path

import attrs
import pytest

import dpup
from dpup import Activity
from dpup.cli import _parser, main
from dpup.render.starter import starter_toml


def test_starter_loads_and_asks_rather_than_fails() -> None:
    """As written, the starter loads and its findings ask for facts: nothing fails or crashes."""
    report = dpup.evaluate(dpup.loads(starter_toml()))
    assert report.errors == ()
    assert report.overall.not_met == 0
    assert report.overall.needs_review > 0


def test_starter_names_every_part_of_an_activity() -> None:
    """Every field of `Activity` appears in the starter, so a new field is never left out."""
    text = starter_toml()
    for field in attrs.fields(Activity):
        assert re.search(rf"^(# )?\[?\[?{field.name}\b", text, re.MULTILINE), field.name


def test_uncommented_plain_fields_load() -> None:
    """Uncommenting the activity's own plain fields gives a file that still loads."""
    head = starter_toml().split("\n# [", 1)[0]
    uncommented = re.sub(r"^# (\w+ = )", r"\1", head, flags=re.MULTILINE)
    assert dpup.loads(uncommented).stage is not None


def test_cli_writes_the_starter(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`dpup init` prints it; `--output` writes a new file and never replaces one."""
    assert main(["init"]) == 0
    assert capsys.readouterr().out == starter_toml()
    path = tmp_path / "activity.toml"
    assert main(["init", "--output", str(path)]) == 0
    assert path.read_text(encoding="utf-8") == starter_toml()
    assert main(["init", "--output", str(path)]) == 2
    assert "never replaces" in capsys.readouterr().err


def test_pre_commit_hook_runs_dpup_evaluate() -> None:
    """The pre-commit hook definition runs `dpup evaluate` with options the command takes."""
    yaml = pytest.importorskip("yaml")
    root = Path(__file__).parent.parent
    (hook,) = yaml.safe_load((root / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "dpup-evaluate"
    assert hook["language"] == "python"
    command, *options = hook["entry"].split()
    assert command == "dpup"
    parsed = _parser().parse_args([*options, "activity.toml"])
    assert parsed.command == "evaluate"
    assert re.search(hook["files"], "activities/intake.toml")
    assert not re.search(hook["files"], "pyproject.toml")
