"""``dpup release``: a release record written at once, read back and verified."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from dpup.cli import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, main
from dpup.disclosure_control import CHECKSUMS_FILE, SUMMARY_FILE, TABLES_FILE, KeyedRounding

EXAMPLE = str(Path(__file__).parent.parent / "examples" / "funder-release-differencing.toml")
KEY_HEX = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"

CLEAN = """
name = "one safe table"
[[insights]]
id = "safe"
recipient = "funder"
[[insights.tables]]
population = "clients"
row_variable = "region"
column_variable = "outcome"
row_labels = ["North", "South"]
column_labels = ["Completed", "Left"]
raw = [[30, 12], [27, 15]]
row_totals = [42, 42]
"""


@pytest.fixture
def key_file(tmp_path: Path) -> Path:
    """A file holding a rounding key in hexadecimal."""
    path = tmp_path / "key.hex"
    path.write_text(KEY_HEX + "\n", encoding="ascii")
    return path


def _json(path: Path) -> dict[str, object]:
    data: dict[str, object] = json.loads(path.read_text(encoding="utf-8"))
    return data


def test_record_written_with_findings(
    tmp_path: Path, key_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The example's regional tables are written; the restored cell makes the exit code 1."""
    out = tmp_path / "q2"
    code = main(
        [
            "release",
            EXAMPLE,
            "--insight",
            "q2-regions",
            "--output",
            str(out),
            "--key-file",
            str(key_file),
        ]
    )
    assert code == EXIT_FINDINGS
    assert "wrote 3 files" in capsys.readouterr().out
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [TABLES_FILE, SUMMARY_FILE, CHECKSUMS_FILE]
    )
    for line in (out / CHECKSUMS_FILE).read_text(encoding="ascii").splitlines():
        digest, name = line.split("  ")
        assert hashlib.sha256((out / name).read_bytes()).hexdigest() == digest
    summary = _json(out / SUMMARY_FILE)
    assert str(summary["notice"]).startswith("NOT FOR RELEASE")
    fingerprint = KeyedRounding.from_hex(KEY_HEX).fingerprint
    assert summary["rounding"] == f"keyed: key fingerprint {fingerprint}"
    rules = {item["rule"] for item in summary["differencing"]}  # type: ignore[attr-defined]
    assert "withheld_restored" in rules
    exceptions: list[dict[str, object]] = summary["exceptions_requested"]  # type: ignore[assignment]
    (exception,) = exceptions
    assert exception["approved_by"] == "Operations manager"
    tables = _json(out / TABLES_FILE)
    assert all("raw" not in table for table in tables["tables"])  # type: ignore[attr-defined]
    assert KEY_HEX not in (out / SUMMARY_FILE).read_text(encoding="utf-8")


def test_same_key_same_record(tmp_path: Path, key_file: Path) -> None:
    """Releasing twice with the same key writes identical files."""
    for name in ("one", "two"):
        main(
            [
                "release",
                EXAMPLE,
                "--insight",
                "q2-regions",
                "--output",
                str(tmp_path / name),
                "--key-file",
                str(key_file),
            ]
        )
    for name in (TABLES_FILE, SUMMARY_FILE, CHECKSUMS_FILE):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()


def test_clean_release_exits_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A safe table, with a seed for the test, is written and exits 0."""
    source = tmp_path / "clean.toml"
    source.write_text(CLEAN, encoding="utf-8")
    out = tmp_path / "record"
    assert (
        main(["release", str(source), "--insight", "safe", "--output", str(out), "--seed", "3"])
        == EXIT_OK
    )
    summary = _json(out / SUMMARY_FILE)
    assert "for tests only" in str(summary["rounding"])
    assert summary["differencing"] == []
    capsys.readouterr()


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--insight", "nope"], "no insight with the id nope"),
        (["--insight", "q2-regions"], "give --key-file"),
    ],
)
def test_usage_problems_exit_two(
    tmp_path: Path, extra: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A missing insight, or rounding without a key, is one line and exit 2, nothing written."""
    out = tmp_path / "record"
    assert main(["release", EXAMPLE, "--output", str(out), *extra]) == EXIT_USAGE
    assert message in capsys.readouterr().err
    assert not out.exists()


def test_bad_key_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A key file that is not a long enough hexadecimal key is refused without quoting it."""
    key = tmp_path / "key.hex"
    key.write_text("abc123", encoding="ascii")
    out = tmp_path / "record"
    code = main(
        [
            "release",
            EXAMPLE,
            "--insight",
            "q2-regions",
            "--output",
            str(out),
            "--key-file",
            str(key),
        ]
    )
    assert code == EXIT_USAGE
    err = capsys.readouterr().err
    assert "does not hold a hexadecimal key" in err
    assert "abc123" not in err
    assert not out.exists()


def test_non_empty_output_refused(
    tmp_path: Path, key_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A folder that already holds files is refused before any work, and left as it was."""
    out = tmp_path / "record"
    out.mkdir()
    (out / "keep.txt").write_text("x", encoding="utf-8")
    code = main(
        [
            "release",
            EXAMPLE,
            "--insight",
            "q2-regions",
            "--output",
            str(out),
            "--key-file",
            str(key_file),
        ]
    )
    assert code == EXIT_USAGE
    assert "not an empty folder" in capsys.readouterr().err
    assert [p.name for p in out.iterdir()] == ["keep.txt"]


def test_bad_exceptions_listed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Exceptions naming tables or labels that do not exist are all listed, at their paths."""
    source = tmp_path / "bad.toml"
    source.write_text(
        CLEAN
        + """
[[insights.release_exceptions]]
table = 3
reason = "asked"
[[insights.release_exceptions]]
table = 0
row = "East"
column = "Stayed"
reason = "asked"
""",
        encoding="utf-8",
    )
    out = tmp_path / "record"
    assert (
        main(["release", str(source), "--insight", "safe", "--output", str(out), "--seed", "1"])
        == EXIT_USAGE
    )
    err = capsys.readouterr().err
    for path in (
        "$.insights[0].release_exceptions[0].table",
        "$.insights[0].release_exceptions[1].row",
        "$.insights[0].release_exceptions[1].column",
    ):
        assert path in err
    assert "East" not in err
    assert not out.exists()


def test_xlsx_written_and_checksummed(
    tmp_path: Path, key_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--xlsx adds both workbooks, covered by SHA256SUMS, holding the same tables."""
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "q2"
    args = ["release", EXAMPLE, "--insight", "q2-regions", "--output", str(out)]
    assert main([*args, "--key-file", str(key_file), "--xlsx"]) == EXIT_FINDINGS
    capsys.readouterr()
    names = [line.split("  ")[1] for line in (out / CHECKSUMS_FILE).read_text().splitlines()]
    assert names == [TABLES_FILE, SUMMARY_FILE, "tables.xlsx", "checker-summary.xlsx"]
    tables = _json(out / TABLES_FILE)["tables"]
    book = openpyxl.load_workbook(out / "tables.xlsx")
    sheet = book["Table 1"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    first = tables[0]  # type: ignore[index]
    assert rows[0] == ["region", *first["column_labels"]]
    assert rows[1][2] == "suppressed"
    assert rows[1][1] == first["published"][0][0]
    summary = openpyxl.load_workbook(out / "checker-summary.xlsx")
    assert summary.sheetnames[0] == "NOT FOR RELEASE"
    suppressions = [[c.value for c in row] for row in summary["Suppressions"].iter_rows()]
    assert suppressions[1][:5] == [0, "cell", "North", "Pacific peoples", "primary"]
