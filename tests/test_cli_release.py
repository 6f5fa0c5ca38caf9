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


def _keyed_release(out: Path, key: Path) -> int:
    """Run ``dpup release`` on the example's q2-regions insight into ``out``, keyed by ``key``."""
    return main(
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


def _json(path: Path) -> dict[str, object]:
    data: dict[str, object] = json.loads(path.read_text(encoding="utf-8"))
    return data


def test_record_written_with_findings(
    tmp_path: Path, key_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The example's regional tables are written; the restored cell makes the exit code 1."""
    out = tmp_path / "q2"
    code = _keyed_release(out, key_file)
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
        _keyed_release(tmp_path / name, key_file)
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
    code = _keyed_release(out, key)
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
    code = _keyed_release(out, key_file)
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


WEAK = """
name = "rules weaker than the standard"
[[insights]]
id = "weak"
recipient = "funder"
rounding = "none"
suppression_threshold = 1
[[insights.tables]]
population = "clients"
row_variable = "region"
column_variable = "outcome"
row_labels = ["North", "South"]
column_labels = ["Completed", "Left"]
raw = [[30, 2], [27, 15]]
"""


def _weak(tmp_path: Path, text: str) -> Path:
    source = tmp_path / "weak.toml"
    source.write_text(text, encoding="utf-8")
    return source


def test_weaker_recorded_rules_are_not_applied(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Threshold 1 and no rounding recorded: the standard's 6 and RR3 apply and are audited."""
    out = tmp_path / "record"
    code = main(
        [
            "release",
            str(_weak(tmp_path, WEAK)),
            "--insight",
            "weak",
            "--output",
            str(out),
            "--seed",
            "1",
        ]
    )
    assert code == EXIT_OK
    assert "weaker rounding and suppression_threshold" in capsys.readouterr().out
    summary = _json(out / SUMMARY_FILE)
    rules = summary["rules"]
    assert isinstance(rules, dict)
    assert (rules["rounding"], rules["suppression_threshold"]) == ("rr3", 6)
    assert summary["rules_chosen"] == [
        {
            "field": "rounding",
            "standard": "rr3",
            "recorded": "none",
            "applied": "rr3",
            "reason": "weaker",
            "why": summary["rules_chosen"][0]["why"],  # type: ignore[index]
        },
        {
            "field": "suppression_threshold",
            "standard": 6,
            "recorded": 1,
            "applied": 6,
            "reason": "weaker",
            "why": summary["rules_chosen"][1]["why"],  # type: ignore[index]
        },
    ]
    # The 2 is withheld under the standard's threshold, and every published value is a
    # multiple of 3: nothing is published unrounded.
    suppressions = summary["suppressions"]
    assert isinstance(suppressions, list)
    assert {
        "table": 0,
        "reason": "primary",
        "kind": "cell",
        "row": "North",
        "column": "Left",
        "withheld_true_count_not_for_release": 2,
    } in suppressions
    table = _json(out / TABLES_FILE)["tables"][0]  # type: ignore[index]
    published = [v for row in table["published"] for v in row if v is not None]
    assert published
    assert all(v % 3 == 0 for v in published)


def test_weaker_rules_without_a_key_still_need_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Recording rounding "none" does not excuse the key: the standard rounds."""
    out = tmp_path / "record"
    code = main(["release", str(_weak(tmp_path, WEAK)), "--insight", "weak", "--output", str(out)])
    assert code == EXIT_USAGE
    assert "give --key-file" in capsys.readouterr().err
    assert not out.exists()


def test_stricter_recorded_rules_apply(tmp_path: Path) -> None:
    """A higher threshold and MSD's no-zero rounding are stricter, so they apply."""
    text = WEAK.replace('rounding = "none"', 'rounding = "rr3_no_zero"').replace(
        "suppression_threshold = 1", "suppression_threshold = 28"
    )
    out = tmp_path / "record"
    code = main(
        [
            "release",
            str(_weak(tmp_path, text)),
            "--insight",
            "weak",
            "--output",
            str(out),
            "--seed",
            "1",
        ]
    )
    assert code == EXIT_OK
    summary = _json(out / SUMMARY_FILE)
    rules = summary["rules"]
    assert isinstance(rules, dict)
    assert (rules["rounding"], rules["suppression_threshold"]) == ("rr3_no_zero", 28)
    assert "made stricter" in str(rules["source"])
    chosen = summary["rules_chosen"]
    assert isinstance(chosen, list)
    assert [(c["applied"], c["reason"]) for c in chosen] == [
        ("rr3_no_zero", "stricter"),
        (28, "stricter"),
    ]
    suppressions = summary["suppressions"]
    assert isinstance(suppressions, list)
    # 27 is below the recorded 28 and withheld; the standard's 6 would have published it.
    assert any(s["row"] == "South" and s["column"] == "Completed" for s in suppressions)


def test_oversized_key_file_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A key file over 4,096 bytes is refused in one line that does not quote it."""
    key = tmp_path / "key.hex"
    key.write_text(KEY_HEX + "\n" + "ab" * 2100, encoding="ascii")
    out = tmp_path / "record"
    code = _keyed_release(out, key)
    assert code == EXIT_USAGE
    err = capsys.readouterr().err
    assert "larger than 4,096 bytes" in err
    assert err.count("\n") == 1
    assert KEY_HEX not in err
    assert "abab" not in err
    assert not out.exists()


def test_key_file_of_exactly_the_limit_is_read(tmp_path: Path, key_file: Path) -> None:
    """A key padded with whitespace to 4,096 bytes is still read: the bound is inclusive."""
    padded = tmp_path / "padded.hex"
    padded.write_text(KEY_HEX + " " * (4096 - len(KEY_HEX)), encoding="ascii")
    assert padded.stat().st_size == 4096
    one, two = tmp_path / "one", tmp_path / "two"
    for key, out in ((key_file, one), (padded, two)):
        code = _keyed_release(out, key)
        assert code == EXIT_FINDINGS
    assert (one / TABLES_FILE).read_bytes() == (two / TABLES_FILE).read_bytes()
