"""The repository stands alone: nothing in it reaches for a folder beside the clone."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent

# The name is split so that this file does not match its own pattern.
_SIBLING = "sha" + "red"
_PATTERNS = (
    # a relative path up and over, a pathlib join from a parent, os.path.join("..", name)
    re.compile(rf"\.\.[/\\]+{_SIBLING}\b"),
    re.compile(rf"parent\s*/\s*[\"']{_SIBLING}[\"']"),
    re.compile(rf"[\"']\.\.[\"']\s*,\s*[\"']{_SIBLING}[\"']"),
)


def _tracked_files() -> list[Path]:
    if (ROOT / ".git").exists():
        out = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=ROOT,
            capture_output=True,
            check=True,
        ).stdout
        names = [n for n in out.decode("utf-8").split("\0") if n]
        return [ROOT / n for n in names if (ROOT / n).is_file()]
    # An unpacked sdist has no git metadata: look at every file outside caches and the venv.
    skip = {".venv", ".git", ".mypy_cache", ".ruff_cache", ".pytest_cache", ".hypothesis"}
    return [
        p for p in ROOT.rglob("*") if p.is_file() and not skip.intersection(p.parts)
    ]  # pragma: no cover - the suite runs in a git clone


def test_no_file_refers_to_a_folder_beside_the_repo() -> None:
    """No file reads a ``shared`` folder next to the clone: a user's clone has none."""
    offenders = []
    for path in _tracked_files():
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        for number, line in enumerate(text.splitlines(), 1):
            if any(p.search(line) for p in _PATTERNS):
                offenders.append(f"{path.relative_to(ROOT)}:{number}")
    assert [] == offenders


@pytest.mark.parametrize(
    "line",
    [
        f'SCHEMA = ROOT.parent / "{_SIBLING}" / "schemas" / "x.json"',
        f"open('../{_SIBLING}/design.md')",
        f'os.path.join("..", "{_SIBLING}", "seeds")',
    ],
)
def test_the_patterns_catch_sibling_references(line: str) -> None:
    """Each way of writing the sibling path is caught (guards the test above)."""
    assert any(p.search(line) for p in _PATTERNS)
