"""The dpup command's exit codes, its one-line errors, and its safe writes.

Each exit code in docs/cli.md is driven here: 0 and 1 by the threshold, 2 by every listed
usage, input and output problem (one line on stderr, never a traceback), 3 by a crashing
check.
"""

from __future__ import annotations

import errno
import io
import json
import os
import re
import stat
import subprocess
import sys
import threading
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dpup import cli
from dpup.cli import (
    EXIT_CRASHED,
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    main,
)
from dpup.engine import EvaluationContext, Outcome, Registry, check, default_registry, evaluate
from dpup.errors import UnknownCheckError
from dpup.findings import Severity
from dpup.law import Basis
from dpup.model import Activity
from dpup.policy import Principle

ROOT = Path(__file__).parent.parent
BEFORE = str(ROOT / "examples" / "kids-first-before.toml")
AFTER = str(ROOT / "examples" / "kids-first-after.toml")
AS_AT = "2025-03-03"

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
needs_dev_full = pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")


def one_line(err: str) -> str:
    """Assert ``err`` is one ``dpup:`` line with no traceback, and return it without newline."""
    assert "Traceback" not in err
    assert err.startswith("dpup: "), err
    assert err.endswith("\n"), err
    assert 1 == err.count("\n"), err
    return err[:-1]


def no_temp_files(folder: Path, *keep: str) -> None:
    """Assert ``folder`` holds only ``keep``: no temporary file was left behind."""
    assert sorted(keep) == sorted(p.name for p in folder.iterdir())


@pytest.fixture
def fifo(tmp_path: Path) -> Iterator[Path]:
    """A FIFO named like an activity file; a reader that opened it is freed after 5 s."""
    path = tmp_path / "pipe.toml"
    os.mkfifo(path)

    def unblock() -> None:  # only matters if the CLI wrongly opened the FIFO
        try:
            fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK)
        except OSError:  # nobody is reading: as it should be
            return
        os.close(fd)

    timer = threading.Timer(5.0, unblock)
    timer.start()
    yield path
    timer.cancel()


def deny_open(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """Make opening any file called ``name`` fail with "Permission denied", even for root."""
    real_open = Path.open

    def guarded(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self.name == name:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", guarded)


def disk_fills_after(monkeypatch: pytest.MonkeyPatch, first: int) -> None:
    """Make `os.write` write ``first`` bytes, then fail with "No space left on device"."""
    real_write = os.write
    calls: list[int] = []

    def full(fd: int, data: Any) -> int:
        if calls:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        calls.append(fd)
        return real_write(fd, bytes(data)[:first])

    monkeypatch.setattr(os, "write", full)


@check(
    id="PM999",
    name="always-crashes",
    principles=[Principle.HE_TANGATA],
    basis=Basis.GOOD_PRACTICE,
    severity=Severity.LOW,
    subject=Activity,
    remediation="None: it exists to crash.",
)
def _crashes(activity: Activity, context: EvaluationContext) -> Outcome:
    """Crashes on every activity, to drive exit code 3.

    What it checks:
        Nothing.
    Why it matters:
        A crashed check must not pass for a clean run.
    How to meet it:
        You cannot.
    References:
        docs/cli.md.
    """
    msg = "the text of this error is never shown"
    raise RuntimeError(msg)


class TestExitCodeTable:
    def test_0_nothing_at_the_threshold(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Exit 0: no finding reaches --fail-on (and 'never' ignores every finding)."""
        assert EXIT_OK == main(["evaluate", AFTER, "--as-at", AS_AT])
        assert EXIT_OK == main(["evaluate", BEFORE, "--as-at", AS_AT, "--fail-on", "never"])
        assert "" == capsys.readouterr().err

    def test_1_findings_at_the_threshold(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Exit 1: a finding at or above --fail-on, and nothing else wrong."""
        assert EXIT_FINDINGS == main(["evaluate", BEFORE, "--as-at", AS_AT])
        args = ["evaluate", AFTER, "--as-at", AS_AT, "--fail-on", "needs-review"]
        assert EXIT_FINDINGS == main(args)
        assert "" == capsys.readouterr().err

    def test_3_crashed_check_still_writes_the_report(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Exit 3: a check crashed; the report is written and names it, without its message."""
        monkeypatch.setattr(cli, "default_registry", lambda: Registry([_crashes]))
        out = tmp_path / "report.json"
        args = ["evaluate", AFTER, "--format", "json", "--output", str(out)]
        assert EXIT_CRASHED == main([*args, "--fail-on", "never"])
        report = json.loads(out.read_text(encoding="utf-8"))
        assert ["PM999"] == [e["check_id"] for e in report["errors"]]
        assert "never shown" not in out.read_text(encoding="utf-8")
        assert "" == capsys.readouterr().err

    def test_2_beats_3_when_the_report_cannot_be_written(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A crash whose report cannot be written is exit 2: there is no report to look at."""
        monkeypatch.setattr(cli, "default_registry", lambda: Registry([_crashes]))
        disk_fills_after(monkeypatch, 0)
        assert EXIT_USAGE == main(["evaluate", AFTER, "--output", str(tmp_path / "r.txt")])
        assert one_line(capsys.readouterr().err).endswith("(No space left on device)")
        no_temp_files(tmp_path)

    def test_docs_table_lists_every_exit_code(self) -> None:
        """docs/cli.md has a row for each exit code the command defines, and no others."""
        text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
        table = text.split("### Exit codes", 1)[1].split("\n\n", 2)[1]
        documented = {int(m) for m in re.findall(r"^\| (\d+) \|", table, flags=re.MULTILINE)}
        defined = {EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_CRASHED}
        assert defined == documented


class TestUnreadableInput:
    @pytest.mark.parametrize("command", ["evaluate", "notice", "purpose-statement"])
    def test_missing_file(self, command: str, capsys: pytest.CaptureFixture[str]) -> None:
        """A file that does not exist is one line naming it."""
        assert EXIT_USAGE == main([command, "no-such-file.toml"])
        line = one_line(capsys.readouterr().err)
        assert "dpup: cannot read no-such-file.toml (No such file or directory)" == line

    @pytest.mark.parametrize("command", ["evaluate", "notice", "purpose-statement"])
    def test_folder_given_as_file(
        self, command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A folder is refused as a folder."""
        folder = tmp_path / "activity.toml"
        folder.mkdir()
        assert EXIT_USAGE == main([command, str(folder)])
        assert one_line(capsys.readouterr().err).endswith("(it is a folder, not a file)")

    @needs_fifo
    @pytest.mark.parametrize("command", ["evaluate", "notice", "purpose-statement"])
    def test_fifo_is_refused_without_opening_it(
        self, command: str, fifo: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A FIFO is refused at once; opening it would wait for a writer that never comes."""
        assert EXIT_USAGE == main([command, str(fifo)])
        line = one_line(capsys.readouterr().err)
        assert f"dpup: cannot read {fifo} (not a regular file: a pipe, socket or device)" == line

    @pytest.mark.skipif(not Path("/dev/null").exists(), reason="no /dev/null")
    def test_device_is_refused(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A device is not an activity file."""
        assert EXIT_USAGE == main(["evaluate", "/dev/null"])
        assert one_line(capsys.readouterr().err).endswith(
            "not a regular file: a pipe, socket or device)"
        )

    @pytest.mark.parametrize("name", ["locked.toml", "locked.csv"])
    @pytest.mark.parametrize("command", ["evaluate", "notice"])
    def test_permission_denied(
        self,
        name: str,
        command: str,
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """A file that cannot be opened (simulated, as root may open anything) is one line."""
        locked = tmp_path / name
        locked.write_text("name = 'x'\n", encoding="utf-8")
        deny_open(monkeypatch, name)
        assert EXIT_USAGE == main([command, str(locked)])
        assert f"dpup: cannot read {locked} (Permission denied)" == one_line(
            capsys.readouterr().err
        )

    @pytest.mark.skipif(
        not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can read any file"
    )
    def test_permission_denied_for_real(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A file with no read permission is one line."""
        locked = tmp_path / "locked.toml"
        locked.write_text("name = 'x'\n", encoding="utf-8")
        locked.chmod(0)
        assert EXIT_USAGE == main(["evaluate", str(locked)])
        assert one_line(capsys.readouterr().err).endswith("(Permission denied)")

    def test_every_bad_file_is_listed(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """With several files, each bad one is reported and nothing is printed on stdout."""
        bad = tmp_path / "bad.toml"
        bad.write_text('name = "Aroha Secret-Name"\nstage = "Secret stage"\n', encoding="utf-8")
        assert EXIT_USAGE == main(["evaluate", AFTER, "missing.toml", str(bad)])
        captured = capsys.readouterr()
        assert "" == captured.out
        assert [
            "dpup: cannot read missing.toml (No such file or directory)",
            f"1 problem found in {bad}:",
        ] == captured.err.splitlines()[:2]
        assert "Secret" not in captured.err


class TestWaiversFile:
    def test_missing(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A --waivers file that does not exist is one line."""
        assert EXIT_USAGE == main(["evaluate", AFTER, "--waivers", "no-waivers.toml"])
        line = one_line(capsys.readouterr().err)
        assert "dpup: cannot read no-waivers.toml (No such file or directory)" == line

    def test_folder(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A folder given as --waivers is refused."""
        assert EXIT_USAGE == main(["evaluate", AFTER, "--waivers", str(tmp_path)])
        assert one_line(capsys.readouterr().err).endswith("(it is a folder, not a file)")

    @needs_fifo
    def test_fifo(self, fifo: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A FIFO given as --waivers is refused without being opened."""
        assert EXIT_USAGE == main(["evaluate", AFTER, "--waivers", str(fifo)])
        assert one_line(capsys.readouterr().err).endswith("a pipe, socket or device)")

    def test_permission_denied(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A --waivers file that cannot be opened is one line."""
        waivers = tmp_path / "w.toml"
        waivers.write_text("waivers = []\n", encoding="utf-8")
        deny_open(monkeypatch, "w.toml")
        assert EXIT_USAGE == main(["evaluate", AFTER, "--waivers", str(waivers)])
        assert one_line(capsys.readouterr().err).endswith("(Permission denied)")

    def test_malformed_lists_its_problems(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A --waivers file that is read but invalid lists its problems, without its text."""
        waivers = tmp_path / "w.toml"
        waivers.write_text('[[waivers]]\ncheck_id = "Secret Check"\n', encoding="utf-8")
        assert EXIT_USAGE == main(["evaluate", AFTER, "--waivers", str(waivers)])
        err = capsys.readouterr().err
        assert err.startswith(f"1 problem found in {waivers}:\n  ")
        assert "Secret" not in err


class TestOutputFile:
    @pytest.mark.parametrize("command", ["evaluate", "notice", "purpose-statement"])
    def test_folder_does_not_exist(
        self, command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--output into a missing folder is one line naming the folder."""
        out = tmp_path / "absent" / "report.txt"
        assert EXIT_USAGE == main([command, AFTER, "--output", str(out)])
        line = one_line(capsys.readouterr().err)
        assert f"dpup: cannot write {out} (the folder {out.parent} does not exist)" == line

    @pytest.mark.parametrize("command", ["evaluate", "notice", "purpose-statement"])
    def test_output_is_a_folder(
        self, command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--output naming a folder is refused before any work is done."""
        assert EXIT_USAGE == main([command, AFTER, "--output", str(tmp_path)])
        assert f"dpup: cannot write {tmp_path} (it is a folder)" == one_line(
            capsys.readouterr().err
        )
        no_temp_files(tmp_path)

    def test_parent_is_a_file(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """--output under a plain file is one line with the system's reason."""
        (tmp_path / "file").write_text("", encoding="utf-8")
        assert EXIT_USAGE == main(["evaluate", AFTER, "--output", str(tmp_path / "file" / "r")])
        assert one_line(capsys.readouterr().err).endswith("(Not a directory)")

    @pytest.mark.parametrize(
        "args",
        [
            ["evaluate", BEFORE, "--fail-on", "never"],
            ["notice", BEFORE],
            ["purpose-statement", BEFORE],
        ],
    )
    def test_full_disk_keeps_the_old_file(
        self,
        args: list[str],
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """A disk that fills mid-write leaves the old file whole and no temporary file."""
        out = tmp_path / "report.md"
        out.write_text("the old report\n", encoding="utf-8")
        disk_fills_after(monkeypatch, 100)
        assert EXIT_USAGE == main([*args, "--output", str(out)])
        line = one_line(capsys.readouterr().err)
        assert f"dpup: cannot write {out} (No space left on device)" == line
        assert "the old report\n" == out.read_text(encoding="utf-8")
        no_temp_files(tmp_path, "report.md")

    def test_failed_sync_keeps_the_old_file(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A write that fails when flushed to disk also leaves the old file as it was."""
        out = tmp_path / "report.txt"
        out.write_text("old\n", encoding="utf-8")

        def failing_fsync(fd: int) -> None:
            raise OSError(errno.EIO, os.strerror(errno.EIO))

        monkeypatch.setattr(os, "fsync", failing_fsync)
        assert EXIT_USAGE == main(["evaluate", AFTER, "--output", str(out)])
        assert one_line(capsys.readouterr().err).endswith(f"({os.strerror(errno.EIO)})")
        assert "old\n" == out.read_text(encoding="utf-8")
        no_temp_files(tmp_path, "report.txt")

    @needs_dev_full
    @pytest.mark.parametrize("command", ["evaluate", "notice"])
    def test_dev_full(self, command: str, capsys: pytest.CaptureFixture[str]) -> None:
        """A real full device (written in place, never replaced) is one line."""
        assert EXIT_USAGE == main([command, AFTER, "--output", "/dev/full"])
        line = one_line(capsys.readouterr().err)
        assert "dpup: cannot write /dev/full (No space left on device)" == line
        assert stat.S_ISCHR(os.stat("/dev/full").st_mode)

    @pytest.mark.skipif(not Path("/dev/null").exists(), reason="no /dev/null")
    def test_dev_null_is_written_in_place(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--output /dev/null discards the report and leaves the device alone."""
        assert EXIT_OK == main(["evaluate", AFTER, "--output", "/dev/null"])
        assert ("", "") == tuple(capsys.readouterr())
        assert stat.S_ISCHR(os.stat("/dev/null").st_mode)

    def test_text_utf8_cannot_encode_keeps_the_old_file(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A report holding a lone surrogate cannot be UTF-8: exit 2, the old file untouched."""
        monkeypatch.setattr(cli, "_render", lambda *args, **kwargs: "caf\udce9 report\n")
        out = tmp_path / "report.txt"
        out.write_text("old report\n", encoding="utf-8")
        assert EXIT_USAGE == main(["evaluate", AFTER, "--output", str(out)])
        line = one_line(capsys.readouterr().err)
        assert f"dpup: cannot write {out} (the text has characters UTF-8 cannot encode)" == line
        assert "old report\n" == out.read_text(encoding="utf-8")
        no_temp_files(tmp_path, "report.txt")

    def test_lone_surrogate_on_stdout_is_escaped(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """On stdout, a character no encoder can write is shown as an escape instead."""
        monkeypatch.setattr(cli, "_render", lambda *args, **kwargs: "caf\udce9 report\n")
        assert EXIT_OK == main(["evaluate", AFTER])
        assert ("caf\\udce9 report\n", "") == tuple(capsys.readouterr())

    def test_long_file_name(self, tmp_path: Path) -> None:
        """A name near the system's limit still fits its temporary file beside it."""
        out = tmp_path / ("r" * 250)
        assert EXIT_OK == main(["evaluate", AFTER, "--output", str(out)])
        no_temp_files(tmp_path, out.name)

    def test_new_file_gets_the_umask_permissions(self, tmp_path: Path) -> None:
        """A new report file is 0666 less the umask, not the temporary file's 0600."""
        out = tmp_path / "r.txt"
        old_mask = os.umask(0o027)
        try:
            assert EXIT_OK == main(["evaluate", AFTER, "--output", str(out)])
        finally:
            os.umask(old_mask)
        assert 0o640 == stat.S_IMODE(out.stat().st_mode)
        no_temp_files(tmp_path, "r.txt")

    def test_replaced_file_keeps_its_permissions(self, tmp_path: Path) -> None:
        """Replacing a report keeps the permissions the old file had."""
        out = tmp_path / "r.txt"
        out.write_text("old\n", encoding="utf-8")
        out.chmod(0o604)
        assert EXIT_OK == main(["evaluate", AFTER, "--output", str(out)])
        assert 0o604 == stat.S_IMODE(out.stat().st_mode)
        assert "kids-first-after.toml" in out.read_text(encoding="utf-8")

    @pytest.mark.skipif(
        not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only root can give files away"
    )
    def test_replaced_file_keeps_its_owner(self, tmp_path: Path) -> None:
        """A report replaced by root stays with the user who owned it."""
        out = tmp_path / "r.txt"
        out.write_text("old\n", encoding="utf-8")
        os.chown(out, 4321, 4321)
        assert EXIT_OK == main(["evaluate", AFTER, "--output", str(out)])
        assert (4321, 4321) == (out.stat().st_uid, out.stat().st_gid)

    @pytest.mark.skipif(sys.platform == "win32", reason="symlinks need privileges on Windows")
    def test_symlink_is_followed(self, tmp_path: Path) -> None:
        """--output through a symbolic link replaces the file it points to; the link stays."""
        real = tmp_path / "real.txt"
        real.write_text("old\n", encoding="utf-8")
        link = tmp_path / "link.txt"
        link.symlink_to(real)
        assert EXIT_OK == main(["evaluate", AFTER, "--output", str(link)])
        assert link.is_symlink()
        assert "kids-first-after.toml" in real.read_text(encoding="utf-8")


class TestSelectors:
    @pytest.mark.parametrize("option", ["--select", "--ignore"])
    @pytest.mark.parametrize("value", ["", " ", "\t"])
    def test_empty_selector_is_refused(
        self, option: str, value: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """An empty selector (an unset shell variable) is an error, never 'all' or 'none'."""
        assert EXIT_USAGE == main(["evaluate", BEFORE, f"{option}={value}"])
        line = one_line(capsys.readouterr().err)
        assert line.startswith(f"dpup: {option} was given an empty value")

    def test_empty_selector_among_good_ones(self, capsys: pytest.CaptureFixture[str]) -> None:
        """One empty value among real ones is still refused."""
        assert EXIT_USAGE == main(["evaluate", BEFORE, "--ignore", "PM", "--ignore", ""])
        one_line(capsys.readouterr().err)

    @pytest.mark.parametrize("option", ["select", "ignore"])
    def test_library_refuses_an_empty_selector(self, option: str) -> None:
        """evaluate() and Registry.select() treat "" as unknown rather than matching all."""
        select, ignore = ([""], None) if option == "select" else (None, [""])
        with pytest.raises(UnknownCheckError, match="unknown check or selector ''"):
            evaluate(Activity("a"), select=select, ignore=ignore)
        with pytest.raises(UnknownCheckError):
            default_registry().select(select, ignore)

    def test_unknown_selector_with_control_characters(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """An unknown selector is echoed (it came from the command line) on one line."""
        assert EXIT_USAGE == main(["evaluate", BEFORE, "--select", "PM\n9\x1b"])
        # The selector is shown escaped, in the form dpup.errors gives it.
        assert one_line(capsys.readouterr().err).startswith("dpup: unknown check or selector 'PM\\")


class TestStdout:
    @staticmethod
    def run_on(
        monkeypatch: pytest.MonkeyPatch, encoding: str, args: list[str]
    ) -> tuple[int, bytes]:
        """Run the command with stdout in ``encoding``; return its exit code and bytes."""
        raw = io.BytesIO()
        stream = io.TextIOWrapper(raw, encoding=encoding)
        monkeypatch.setattr(sys, "stdout", stream)
        code = main(args)
        stream.flush()
        monkeypatch.undo()
        return code, raw.getvalue()

    def test_text_on_an_ascii_stream(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """On an ASCII stdout, a macron becomes an escape instead of an encoding failure."""
        code, data = self.run_on(monkeypatch, "ascii", ["evaluate", AFTER, "--as-at", AS_AT])
        assert EXIT_OK == code
        assert "He T\\u0101ngata" in data.decode("ascii")
        assert "" == capsys.readouterr().err

    @pytest.mark.parametrize("fmt", ["json", "sarif"])
    def test_json_on_an_ascii_stream_is_the_same_data(
        self, fmt: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """JSON and SARIF on an ASCII stdout use JSON escapes, so they parse to the same data."""
        args = ["evaluate", BEFORE, "--as-at", AS_AT, "--format", fmt]
        assert EXIT_FINDINGS == main(args)
        expected = json.loads(capsys.readouterr().out)
        code, data = self.run_on(monkeypatch, "ascii", args)
        assert EXIT_FINDINGS == code
        assert expected == json.loads(data.decode("ascii"))

    def test_catalogue_json_on_a_latin1_stream(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The catalogue as JSON is pure ASCII on any stream that is not UTF-8."""
        assert EXIT_OK == main(["checks", "--format", "json"])
        utf8 = capsys.readouterr().out
        assert not utf8.isascii()
        code, data = self.run_on(monkeypatch, "latin-1", ["checks", "--format", "json"])
        assert EXIT_OK == code
        assert data.isascii()
        assert json.loads(utf8) == json.loads(data)

    def test_junit_on_an_ascii_stream_is_the_same_xml(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """JUnit on an ASCII stdout uses character references, so it parses to the same XML."""
        args = ["evaluate", BEFORE, "--as-at", AS_AT, "--format", "junit"]
        main(args)
        utf8 = capsys.readouterr().out.encode("utf-8")
        _, data = self.run_on(monkeypatch, "ascii", args)
        assert ET.tostring(ET.fromstring(utf8)) == ET.tostring(ET.fromstring(data))  # noqa: S314

    @pytest.mark.parametrize("command", [["evaluate", BEFORE], ["notice", BEFORE]])
    def test_html_on_an_ascii_stream(
        self,
        command: list[str],
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """HTML on an ASCII stdout uses character references (ā is &#257;), nothing else."""
        args = [*command, "--as-at", AS_AT] if command[0] == "evaluate" else command
        main([*args, "--format", "html"])
        utf8 = capsys.readouterr().out
        assert not utf8.isascii()
        _, data = self.run_on(monkeypatch, "ascii", [*args, "--format", "html"])
        expected = re.sub(r"[^\x00-\x7f]", lambda m: f"&#{ord(m.group())};", utf8)
        assert expected == data.decode("ascii")

    def test_write_error(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A stdout that cannot be written (here a stream that fails) is one line."""

        class Failing(io.StringIO):
            def write(self, s: str) -> int:
                raise OSError(errno.EIO, os.strerror(errno.EIO))

        monkeypatch.setattr(sys, "stdout", Failing())
        assert EXIT_USAGE == main(["explain", "PM001"])
        monkeypatch.undo()
        line = one_line(capsys.readouterr().err)
        assert f"dpup: cannot write to standard output ({os.strerror(errno.EIO)})" == line

    @needs_dev_full
    def test_full_device_behind_stdout(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """`dpup checks > /dev/full` is one line; the unwritten output is dropped, not retried."""
        with open("/dev/full", "w", encoding="utf-8") as full:
            monkeypatch.setattr(sys, "stdout", full)
            assert EXIT_USAGE == main(["checks"])
            monkeypatch.undo()
        line = one_line(capsys.readouterr().err)
        assert "dpup: cannot write to standard output (No space left on device)" == line

    def test_broken_pipe_is_one_line(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A reader that went away (`dpup checks | head -1`) is exit 2 with one line."""
        read_end, write_end = os.pipe()
        os.close(read_end)
        with open(write_end, "w", encoding="utf-8") as pipe:
            monkeypatch.setattr(sys, "stdout", pipe)
            assert EXIT_USAGE == main(["checks", "--format", "markdown"])
            monkeypatch.undo()
        out, err = capsys.readouterr()
        assert "" == out
        assert "dpup: standard output was closed before all of it was written\n" == err

    def test_broken_pipe_on_a_captured_stream(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A broken pipe on a stream with no file descriptor is exit 2 too."""

        class Closed(io.StringIO):
            def write(self, s: str) -> int:
                raise BrokenPipeError(errno.EPIPE, os.strerror(errno.EPIPE))

        monkeypatch.setattr(sys, "stdout", Closed())
        assert EXIT_USAGE == main(["evaluate", AFTER])
        monkeypatch.undo()
        assert "dpup: standard output was closed before all of it was written\n" == (
            capsys.readouterr().err
        )


class TestMessages:
    def test_control_characters_in_a_path_are_escaped(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A path with a newline or an escape sequence still gives one line."""
        assert EXIT_USAGE == main(["evaluate", "bad\nname\x1b[31m\u202e\U000e0001\xa0.toml"])
        line = one_line(capsys.readouterr().err)
        assert "dpup: cannot read bad\\x0aname\\x1b[31m\\u202e\\U000e0001 .toml (No such" in line

    def test_a_long_path_is_shortened(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A very long path keeps its start and end."""
        path = "start-" + "x" * 1000 + "-end.toml"
        assert EXIT_USAGE == main(["notice", path])
        line = one_line(capsys.readouterr().err)
        assert len(line) < 300
        assert "start-xxx" in line
        assert "xxx-end.toml" in line
        assert "..." in line

    def test_malformed_file_with_an_odd_name(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The heading naming a malformed file stays on one line; each problem has its own."""
        bad = tmp_path / "two\nlines.toml"
        bad.write_text("name = 1\n", encoding="utf-8")
        assert EXIT_USAGE == main(["evaluate", str(bad)])
        err = capsys.readouterr().err
        assert [
            f"1 problem found in {tmp_path}/two\\x0alines.toml:",
            "  expected a string, got a number @ $.name",
        ] == err.splitlines()

    @pytest.mark.parametrize(
        ("error", "expected"),
        [
            (OSError(errno.EIO, os.strerror(errno.EIO), "x\ny"), "cannot use x\\x0ay ("),
            (OSError(errno.EIO, os.strerror(errno.EIO)), "file error ("),
            (OSError("no errno"), "file error (OSError)"),
        ],
    )
    def test_unexpected_os_error(
        self,
        error: OSError,
        expected: str,
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """An OSError from somewhere not foreseen is still one line, never a traceback."""

        def fail(*args: object, **kwargs: object) -> None:
            raise error

        monkeypatch.setattr(cli, "evaluate", fail)
        assert EXIT_USAGE == main(["evaluate", AFTER])
        assert expected in one_line(capsys.readouterr().err)

    def test_programming_errors_are_not_hidden(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A bug (not a file problem) still raises, so it is seen and fixed."""

        def fail(*args: object, **kwargs: object) -> None:
            raise ZeroDivisionError

        monkeypatch.setattr(cli, "evaluate", fail)
        with pytest.raises(ZeroDivisionError):
            main(["evaluate", AFTER])


@needs_fifo
def test_real_process_refuses_a_fifo(fifo: Path) -> None:
    """`python -m dpup` on a FIFO exits 2 at once with one line and no traceback."""
    result = subprocess.run(
        [sys.executable, "-m", "dpup", "evaluate", str(fifo)],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert EXIT_USAGE == result.returncode
    one_line(result.stderr)


@needs_dev_full
def test_real_process_with_stdout_on_a_full_device() -> None:
    """`dpup checks > /dev/full` in a real process: exit 2, one line, no shutdown noise."""
    with open("/dev/full", "w", encoding="utf-8") as full:
        result = subprocess.run(
            [sys.executable, "-m", "dpup", "checks"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
            timeout=60,
        )
    assert EXIT_USAGE == result.returncode
    assert "dpup: cannot write to standard output (No space left on device)" == one_line(
        result.stderr
    )


class TestUsageErrors:
    @pytest.mark.parametrize(
        "argv",
        [
            ["evaluate", AFTER, "--as-at", "2026-W01-1"],
            ["evaluate", AFTER, "--as-at", "20260101"],
            ["evaluate", AFTER, "--as-at", "20261231T1"],
            ["evaluate"],
            ["evaluate", AFTER, "--format", "bad\x1b[31m\nforged @ $.x"],
            ["no-such-command"],
        ],
    )
    def test_one_line_and_exit_2(self, argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
        """A usage error is one line (no usage block), with control characters escaped."""
        with pytest.raises(SystemExit) as exited:
            cli._parser().parse_args(argv)
        assert EXIT_USAGE == exited.value.code
        err = capsys.readouterr().err
        assert 1 == err.count("\n")
        assert "\x1b" not in err
        assert err.startswith("dpup")
        assert EXIT_USAGE == main(argv)

    def test_as_at_names_the_expected_form(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--as-at takes only YYYY-MM-DD, as input files do, and says so."""
        assert EXIT_USAGE == main(["evaluate", AFTER, "--as-at", "2026-W01-1"])
        assert "expected a date written as YYYY-MM-DD" in capsys.readouterr().err
        programme = str(ROOT / "examples" / "server" / "programme.toml")
        person = str(ROOT / "examples" / "server" / "person.toml")
        for command in (["compare", BEFORE, AFTER], ["person", programme, person]):
            assert EXIT_USAGE == main([*command, "--as-at", "2026-02-30"])
            assert "--as-at: expected a date written as YYYY-MM-DD" in capsys.readouterr().err
        assert EXIT_OK == main(["evaluate", AFTER, "--as-at", "2026-06-01", "--select", "AI001"])
