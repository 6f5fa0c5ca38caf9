"""``dpup release`` with cross tables: written, read back, checksummed, repeatable."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from dpup.cli import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, main
from dpup.disclosure_control import CHECKSUMS_FILE, SUMMARY_FILE, TABLES_FILE

KEY_HEX = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"

# Region x ethnicity x gender, body only: Pacific girls in the North are 2. An earlier insight
# to the same funder published girls and boys by region, which gives the 2 back.
ACTIVITY = """
name = "funder reports"

[[insights]]
id = "q1"
recipient = "funder"
release_on = 2026-03-31
[[insights.tables]]
population = "clients"
row_variable = "region"
column_variable = "gender"
row_labels = ["North", "South"]
column_labels = ["Girls", "Boys"]
raw = [[32, 39], [27, 33]]

[[insights]]
id = "q2"
recipient = "funder"
release_on = 2026-04-30
[[insights.cross_tables]]
population = "clients"
key = "q2/ethnicity"
raw = [30, 25, 2, 14, 18, 22, 9, 11]
margins = []
[[insights.cross_tables.dimensions]]
name = "region"
variable = "region"
categories = ["North", "South"]
[[insights.cross_tables.dimensions]]
name = "ethnicity"
variable = "ethnicity"
categories = ["Māori", "Pacific"]
[[insights.cross_tables.dimensions]]
name = "gender"
variable = "gender"
categories = ["Girls", "Boys"]
"""


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    """The activity and a key file."""
    activity = tmp_path / "activity.toml"
    activity.write_text(ACTIVITY, encoding="utf-8")
    key = tmp_path / "key.hex"
    key.write_text(KEY_HEX + "\n", encoding="ascii")
    return activity, key


def _release(activity: Path, key: Path, out: Path, insight: str = "q2") -> int:
    args = ["release", str(activity), "--insight", insight, "--output", str(out)]
    return main([*args, "--key-file", str(key)])


def test_cross_table_written_with_its_findings(
    files: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The cross table is protected and written; the earlier table restores its cell (exit 1)."""
    activity, key = files
    out = tmp_path / "q2"
    assert _release(activity, key, out) == EXIT_FINDINGS
    capsys.readouterr()
    tables = json.loads((out / TABLES_FILE).read_text(encoding="utf-8"))
    assert tables["tables"] == []
    (cross,) = tables["cross_tables"]
    assert cross["key"] == "q2/ethnicity"
    assert "raw" not in cross
    summary = json.loads((out / SUMMARY_FILE).read_text(encoding="utf-8"))
    assert [s["cross_table"] for s in summary["suppressions"]] == [0]
    (restored,) = [d for d in summary["differencing"] if d["rule"] == "withheld_restored"]
    assert restored["figures"][0]["held_by_recipient"] is True
    for line in (out / CHECKSUMS_FILE).read_text(encoding="ascii").splitlines():
        digest, name = line.split("  ")
        assert hashlib.sha256((out / name).read_bytes()).hexdigest() == digest


def test_repeat_release_is_identical(files: tuple[Path, Path], tmp_path: Path) -> None:
    """The same key gives byte-identical records, cross tables included."""
    activity, key = files
    _release(activity, key, tmp_path / "one")
    _release(activity, key, tmp_path / "two")
    for name in (TABLES_FILE, SUMMARY_FILE, CHECKSUMS_FILE):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()


def test_earlier_release_alone_is_clean(files: tuple[Path, Path], tmp_path: Path) -> None:
    """The first insight's release does not hold the later cross table: nothing is found."""
    activity, key = files
    assert _release(activity, key, tmp_path / "q1", insight="q1") == EXIT_OK


def test_no_tables_at_all_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An insight with neither tables nor cross tables writes nothing (exit 2)."""
    activity = tmp_path / "a.toml"
    activity.write_text('name = "x"\n[[insights]]\nid = "i"\n', encoding="utf-8")
    out = tmp_path / "out"
    assert main(["release", str(activity), "--insight", "i", "--output", str(out)]) == EXIT_USAGE
    assert "records no tables" in capsys.readouterr().err
    assert not out.exists()
