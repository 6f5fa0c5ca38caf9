"""Code shared by more than one Transparency and Choice check."""

from __future__ import annotations

__all__ = ["NO_CONTEXT"]


NO_CONTEXT = "evaluate the disclosure with its activity as context"
