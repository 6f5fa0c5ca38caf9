"""How the ``dpup`` command reads and writes files and streams, and reports their problems.

Every problem here becomes a `CommandError`: one line on stderr and exit code 2. A message may
name a path the user gave (made safe by `shown`) but never quotes the contents of a file. A
file is written atomically (a temporary file beside it, synced and renamed over), so a failed
write leaves the old file as it was; other commands (``compare``, ``release``) use the same
functions.
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import errno
import json
import os
import re
import stat
import sys
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from dpup._printable import printable
from dpup.errors import InputError
from dpup.serde import parse_date

__all__ = [
    "CommandError",
    "as_at_date",
    "check_output",
    "deliver",
    "emit",
    "input_error_lines",
    "reason",
    "require_file",
    "shown",
    "silence_stdout",
    "write_bytes",
    "write_file",
]


class CommandError(Exception):
    """A problem reported as one line on stderr, with exit code 2.

    Attributes:
        message: the line, without the ``dpup:`` prefix. It may name a path the user gave
            (made safe by `shown`) but never quotes the contents of a file.
    """

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


def as_at_date(text: str) -> date:
    """Read an ``--as-at`` argument: only YYYY-MM-DD, as in input files.

    Raises:
        argparse.ArgumentTypeError: the text is not such a date (argparse reports it).
    """
    try:
        return parse_date(text)
    except InputError:
        msg = "expected a date written as YYYY-MM-DD"
        raise argparse.ArgumentTypeError(msg) from None


_SHOWN_LIMIT = 200


def shown(path: object) -> str:
    """Return a path given on the command line as it can appear in a one-line message.

    Control characters (a newline, an escape sequence) are shown as backslash escapes, and a
    very long path keeps only its start and end.
    """
    text = printable(str(path))
    if len(text) > _SHOWN_LIMIT:
        keep = (_SHOWN_LIMIT - 3) // 2
        text = f"{text[:keep]}...{text[-keep:]}"
    return text


def reason(exc: OSError) -> str:
    """The operating system's short reason for ``exc`` (never the text of any file)."""
    if exc.strerror:
        return str(exc.strerror)
    return errno.errorcode.get(exc.errno or 0, type(exc).__name__)


def input_error_lines(err: InputError) -> list[str]:
    """An `InputError` as lines for stderr: a heading naming the file, then one per problem."""
    source = shown(err.source) if err.source else None
    head = str(InputError(err.problems, source)).split("\n", 1)[0]
    return [head, *(f"  {printable(line)}" for line in err.lines)]


def require_file(path: Path) -> None:
    """Refuse ``path`` unless it is a regular file, checked without opening it.

    Opening a FIFO would wait for a writer, and a device may never end, so both are refused
    before any read.

    Raises:
        CommandError: ``path`` is missing, unreadable, a folder, or not a regular file.
    """
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        raise CommandError(f"cannot read {shown(path)} ({reason(exc)})") from None
    if stat.S_ISDIR(mode):
        raise CommandError(f"cannot read {shown(path)} (it is a folder, not a file)")
    if not stat.S_ISREG(mode):
        msg = f"cannot read {shown(path)} (not a regular file: a pipe, socket or device)"
        raise CommandError(msg)


def check_output(path: Path) -> None:
    """Refuse an ``--output`` that cannot be written, before any work is done.

    Raises:
        CommandError: ``path`` is a folder, or the folder it would go in does not exist.
    """
    target = Path(os.path.realpath(path))
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        if not target.parent.is_dir():
            msg = f"cannot write {shown(path)} (the folder {shown(path.parent)} does not exist)"
            raise CommandError(msg) from None
        return
    except OSError as exc:
        raise CommandError(f"cannot write {shown(path)} ({reason(exc)})") from None
    if stat.S_ISDIR(mode):
        raise CommandError(f"cannot write {shown(path)} (it is a folder)")


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _write_in_place(data: bytes, target: Path) -> None:
    """Write to a device or pipe (``/dev/null``, a FIFO), which cannot be renamed over."""
    fd = os.open(target, os.O_WRONLY)
    try:
        _write_all(fd, data)
    finally:
        os.close(fd)


def _umask() -> int:
    # Python can only read the umask by setting it; a command runs one write at a time.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _replace(data: bytes, target: Path, old: os.stat_result | None) -> None:
    """Write ``data`` to a temporary file beside ``target``, sync it, and rename it over.

    A new file gets the permissions a plain write would give it (0666 less the umask); a
    file that is replaced keeps its permissions and, where allowed, its owner. If anything
    fails, the temporary file is removed and ``target`` is left as it was.
    """
    # The prefix is cut so a long name plus the random part stays within a name's limit.
    prefix = f".{target.name[:200]}."
    fd, temp = tempfile.mkstemp(dir=target.parent, prefix=prefix, suffix=".tmp")
    try:
        try:
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.chmod(temp, stat.S_IMODE(old.st_mode) if old is not None else 0o666 & ~_umask())
        if old is not None and hasattr(os, "chown"):  # no owners to keep on Windows
            with contextlib.suppress(OSError):  # only root may give a file to another user
                os.chown(temp, old.st_uid, old.st_gid)
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def write_file(text: str, path: Path) -> None:
    """Write ``text`` to ``path`` as UTF-8; a regular file is replaced atomically.

    Symbolic links are followed, so the file they point to is the one replaced.

    Raises:
        CommandError: the text cannot be encoded as UTF-8, or the write fails (the
            previous file, if any, is left untouched).
    """
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:
        msg = f"cannot write {shown(path)} (the text has characters UTF-8 cannot encode)"
        raise CommandError(msg) from None
    write_bytes(data, path)


def write_bytes(data: bytes, path: Path) -> None:
    """Write ``data`` to ``path``; a regular file is replaced atomically, as `write_file` does.

    For binary formats (an XLSX workbook) that never go to a terminal.

    Raises:
        CommandError: the write fails (the previous file, if any, is left untouched).
    """
    target = Path(os.path.realpath(path))
    try:
        try:
            old: os.stat_result | None = os.stat(target)
        except FileNotFoundError:
            old = None
        if old is not None and not stat.S_ISREG(old.st_mode):
            _write_in_place(data, target)
        else:
            _replace(data, target, old)
    except OSError as exc:
        raise CommandError(f"cannot write {shown(path)} ({reason(exc)})") from None


_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_ESCAPES: dict[str, Callable[[re.Match[str]], str]] = {
    "json": lambda m: json.dumps(m.group())[1:-1],
    "sarif": lambda m: json.dumps(m.group())[1:-1],
    "junit": lambda m: f"&#{ord(m.group())};",
    "html": lambda m: f"&#{ord(m.group())};",
}


def _for_stream(text: str, fmt: str, encoding: str) -> str:
    r"""Fit ``text`` to a stream's encoding without failing and, for data formats, losslessly.

    On a stream that is not UTF-8, JSON, SARIF, JUnit and HTML are made pure ASCII with their
    own escapes (``\u0101``, ``&#257;``), so they still parse to the same text. Any other
    character the encoding lacks is written as a backslash escape (``T\u0101ngata``).
    """
    if codecs.lookup(encoding).name != "utf-8" and fmt in _ESCAPES:
        text = _NON_ASCII.sub(_ESCAPES[fmt], text)
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return text.encode(encoding, "backslashreplace").decode(encoding)
    return text


def silence_stdout() -> None:
    """Point stdout at the null device, so the interpreter's last flush cannot fail again."""
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):  # not a real file (e.g. captured in tests)
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, fd)
    finally:
        os.close(devnull)


def emit(text: str, fmt: str) -> None:
    """Write ``text`` to stdout and flush it, so a write error is seen here.

    Raises:
        BrokenPipeError: the reader went away before everything was written.
        CommandError: any other write error (a full disk behind a redirect).
    """
    stream = sys.stdout
    try:
        stream.write(_for_stream(text, fmt, getattr(stream, "encoding", None) or "utf-8"))
        stream.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        silence_stdout()
        raise CommandError(f"cannot write to standard output ({reason(exc)})") from None


def deliver(text: str, fmt: str, output: Path | None) -> None:
    if output is None:
        emit(text, fmt)
    else:
        write_file(text, output)
