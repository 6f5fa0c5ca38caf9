"""Run mutmut over the check catalogue, mutating the bodies of ``@check`` functions too.

mutmut 3 never mutates a decorated function: copying one for its trampoline would run the
decorator again, and most decorators have side effects. Every dpup check is a function
decorated with ``@check(...)``, which only binds metadata and registers nothing, so skipping
them would leave the catalogue's logic untested. This wrapper teaches mutmut two things for
functions decorated with exactly one ``check(...)`` call, then runs mutmut's own command line:

* their bodies are mutated like any other function's (the decorator's arguments are not);
* the original copy and the mutated copies are left undecorated, so only the trampoline is
  bound into the `Check` that the catalogue lists.

Usage (what ``make mutation`` runs)::

    python tools/mutation.py run --max-children 2
    python tools/mutation.py summary --minimum 85

``summary`` is this wrapper's own command: killed / total per module and overall, exiting 1
when the overall share killed is under ``--minimum`` percent. Every other command is mutmut's.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterable, Sequence

import libcst as cst
from mutmut import __main__ as mutmut_main
from mutmut.mutation import file_mutation
from mutmut.mutation.data import SourceFileMutationData
from mutmut.stats import status_by_exit_code
from mutmut.utils.file_utils import walk_mutatable_files

__all__ = ["is_check_function", "main", "summary"]

_skip_node_and_children = file_mutation.MutationVisitor._skip_node_and_children
_arrangement = file_mutation.function_trampoline_arrangement


def is_check_function(node: cst.CSTNode) -> bool:
    """Return whether ``node`` is a function decorated with exactly one ``check(...)`` call."""
    if not isinstance(node, cst.FunctionDef) or len(node.decorators) != 1:
        return False
    decorator = node.decorators[0].decorator
    return (
        isinstance(decorator, cst.Call)
        and isinstance(decorator.func, cst.Name)
        and decorator.func.value == "check"
    )


def _skip(self: file_mutation.MutationVisitor, node: cst.CSTNode) -> bool:
    if is_check_function(node):
        return False  # mutate the body; the Decorator node itself is still skipped
    return bool(_skip_node_and_children(self, node))


_Statements = Sequence[cst.SimpleStatementLine | cst.BaseCompoundStatement]


def _trampoline_arrangement(
    function: cst.FunctionDef,
    mutants: Iterable[file_mutation.Mutation],
    class_name: str | None,
) -> tuple[_Statements, _Statements, _Statements, Sequence[str]]:
    declarations, methods, assignments, names = _arrangement(function, mutants, class_name)
    if is_check_function(function):
        # methods[0] is the trampoline, which keeps @check; the copies must stay plain
        # functions for the trampoline to call.
        methods = [
            methods[0],
            *(
                m.with_changes(decorators=[]) if isinstance(m, cst.FunctionDef) else m
                for m in methods[1:]
            ),
        ]
    return declarations, methods, assignments, names


def summary(minimum: float) -> int:
    """Print killed / total mutants per module and overall; return 1 if under ``minimum`` %.

    Killed counts mutants the tests killed, timed out or crashed; the total leaves out only
    mutants that were never run.
    """
    overall: Counter[str] = Counter()
    rows = []
    for path in walk_mutatable_files():
        data = SourceFileMutationData(path=path)
        data.load()
        counts = Counter(status_by_exit_code[code] for code in data.exit_code_by_key.values())
        counts.pop("not checked", None)
        if counts:
            rows.append((str(path), counts))
            overall += counts
    width = max((len(name) for name, _ in rows), default=10)
    for name, counts in [*rows, ("overall", overall)]:
        total = sum(counts.values())
        killed = total - counts["survived"] - counts["no tests"] - counts["suspicious"]
        share = 100 * killed / total if total else 0.0
        print(f"{name:<{width}}  {killed:>5} / {total:<5}  {share:5.1f}%  {dict(counts)}")
    total = sum(overall.values())
    killed = total - overall["survived"] - overall["no tests"] - overall["suspicious"]
    if not total or 100 * killed / total < minimum:
        print(f"mutation score under {minimum}%", file=sys.stderr)
        return 1
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Patch mutmut as described above and run its command line with ``argv``."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["summary"]:
        parser = argparse.ArgumentParser(prog="mutation.py summary")
        parser.add_argument("--minimum", type=float, default=0.0, help="percent to reach")
        return summary(parser.parse_args(args[1:]).minimum)
    file_mutation.MutationVisitor._skip_node_and_children = _skip  # type: ignore[method-assign]  # the patch
    file_mutation.function_trampoline_arrangement = _trampoline_arrangement
    mutmut_main.cli(args=args, prog_name="mutmut")
    return 0


if __name__ == "__main__":
    sys.exit(main())
