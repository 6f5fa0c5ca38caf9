"""Allow ``python -m dpup``."""

from __future__ import annotations

import sys

from dpup.cli import main

if __name__ == "__main__":
    sys.exit(main())
