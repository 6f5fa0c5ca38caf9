"""The base of dpup's enumerations: `enum.Enum`, hashed by identity.

Checks look enum members up in dicts and sets all the time (which words go with a flow kind,
which grounds are exceptions, a severity's weight). `enum.Enum` hashes a member by hashing its
name in Python code, which costs several times a dict lookup itself. Members are singletons
compared by identity, so hashing them by identity, as plain objects are, is equally correct
and runs in C.
"""

from __future__ import annotations

import enum

__all__ = ["Enum"]


class Enum(enum.Enum):
    """`enum.Enum`, with members hashed by identity (they are singletons)."""

    __hash__ = object.__hash__
