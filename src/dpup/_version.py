"""The installed version of dpup, read from package metadata on first use only."""

from __future__ import annotations

import functools

__all__ = ["version"]


@functools.cache
def version() -> str:
    """Return dpup's version (``0+unknown`` when running from a tree that is not installed)."""
    from importlib.metadata import PackageNotFoundError  # noqa: PLC0415 - keeps import light
    from importlib.metadata import version as installed  # noqa: PLC0415

    try:
        return installed("dpup")
    except PackageNotFoundError:  # pragma: no cover - running from an uninstalled tree
        return "0+unknown"
