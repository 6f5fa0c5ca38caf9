"""A case-management server's use of dpup: one programme, many people, one check per request.

The programme (its purposes, collections, notices and agreements) is loaded once. Each person's
own record (their choices, requests and disclosures) is held beside it, and never merged into
a copy of the programme. A request names a person by their pseudonymous reference and carries
one disclosure (one already in their record, or one proposed); the answer is the JSON report
of that disclosure checked against the programme and that person's choices only.

Run it as a small HTTP server on localhost (``python examples/server/server.py``) and POST
``{"person": "person-0001", "disclosure": {...}}`` to it, or use `CaseServer.handle` directly,
as the test does (tests/test_person_server.py).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import Any

import dpup
from dpup.model import Disclosure, PersonRecord
from dpup.render import to_json

HERE = Path(__file__).resolve().parent


class CaseServer:
    """Holds one programme and its people's records; answers one disclosure check at a time."""

    def __init__(self, programme: dpup.Activity, people: Iterable[PersonRecord]) -> None:
        self.programme = programme
        self.people = {person.ref: person for person in people}

    @classmethod
    def from_files(cls, programme: Path, people: Iterable[Path]) -> CaseServer:
        """Load the programme once, and each person's record from its own file."""
        return cls(dpup.load(programme), [dpup.load(p, PersonRecord) for p in people])

    def check(self, ref: str, disclosure: Disclosure) -> dpup.Report:
        """Check one disclosure for the person ``ref``, seeing only that person's choices."""
        person = self.people[ref]
        return dpup.evaluate(disclosure, context=self.programme, person=person)

    def handle(self, body: str) -> tuple[int, str]:
        """Answer one request body and return the HTTP status and the JSON text.

        The body is ``{"person": ref, "disclosure": {...}}``, or ``{"person": ref,
        "disclosure_id": id}`` for a disclosure already in the person's record. The text
        is the report, or the problems with the request (paths and expected types, never
        the values sent).
        """
        try:
            request: Any = json.loads(body)
            ref = request["person"]
            person = self.people[ref]
        except (ValueError, KeyError, TypeError, RecursionError):  # RecursionError: too deep
            return 404, json.dumps({"error": "unknown person or malformed request"})
        try:
            if "disclosure_id" in request:
                found = [d for d in person.disclosures if d.id == request["disclosure_id"]]
                if not found:
                    return 404, json.dumps({"error": "no such disclosure in the record"})
                disclosure = found[0]
            else:
                disclosure = dpup.structure(request.get("disclosure"), Disclosure)
            report = self.check(ref, disclosure)
        except dpup.InputError as err:
            problems = [{"message": p.message, "path": p.path} for p in err.problems]
            return 422, json.dumps({"problems": problems})
        return 200, to_json(report)


def serve(server: CaseServer, port: int = 8080) -> None:  # pragma: no cover - interactive
    """Serve `CaseServer.handle` over HTTP on localhost until interrupted."""

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            status, text = server.handle(self.rfile.read(length).decode("utf-8"))
            data = text.encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    HTTPServer(("127.0.0.1", port), Handler).serve_forever()


if __name__ == "__main__":  # pragma: no cover - interactive
    serve(CaseServer.from_files(HERE / "programme.toml", [HERE / "person.toml"]))
