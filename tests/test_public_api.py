"""The public surface: sorted __all__, every public name documented, lazy version."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import subprocess
import sys

import pytest

import dpup

MODULES = sorted(
    m.name
    for m in pkgutil.walk_packages(dpup.__path__, "dpup.")
    if not any(part.startswith("_") for part in m.name.split("."))
)


class TestAll:
    @pytest.mark.parametrize("name", ["dpup", *MODULES])
    def test_all_is_sorted_and_resolves(self, name: str) -> None:
        """Every public module declares a sorted __all__ whose names all exist."""
        module = importlib.import_module(name)
        exported = list(module.__all__)
        assert sorted(exported) == exported
        assert [] == [n for n in exported if not hasattr(module, n)]

    @pytest.mark.parametrize("name", ["dpup", *MODULES])
    def test_public_names_are_documented(self, name: str) -> None:
        """Each module and each class or function it exports has a docstring."""
        module = importlib.import_module(name)
        assert module.__doc__
        for attr in module.__all__:
            obj = getattr(module, attr)
            if inspect.isclass(obj) or inspect.isfunction(obj):
                assert getattr(obj, "__doc__", None), f"{name}.{attr}"

    def test_issue_names_are_exported(self) -> None:
        """The names other code relies on are importable from dpup."""
        names = [
            "evaluate",
            "load",
            "loads",
            "structure",
            "unstructure",
            "Activity",
            "Purpose",
            "InformationItem",
            "Collection",
            "Choice",
            "SharingAgreement",
            "Disclosure",
            "AccessRequest",
            "CorrectionRequest",
            "AccessPractice",
            "Insight",
            "Principle",
            "Guideline",
            "Status",
            "Severity",
            "Basis",
            "Finding",
            "Report",
            "Score",
            "InputError",
            "DpupError",
        ]
        assert [] == [n for n in names if n not in dpup.__all__]

    def test_version_is_lazy_and_static(self) -> None:
        """__version__ comes from package metadata."""
        assert "0.1.0" == dpup.__version__


def test_import_is_light() -> None:
    """Importing dpup pulls in no optional library and not the documents writers."""
    heavy = (
        "hypothesis",
        "holidays",
        "numpy",
        "pandas",
        "yaml",
        "textstat",
        "jinja2",
        "openpyxl",
        "playwright",
    )
    code = (
        "import sys, dpup; "
        f"print(sorted(m for m in {(*heavy, 'dpup.documents')!r} if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "[]" == out.stdout.strip()
